extension Rule {
    /// Each viability assessment of a family or friends carer is completed within N days of
    /// starting, so the family track does not drift. Only the viability stage: a full assessment
    /// takes as long as the court's timetable allows. A completion is paired with the latest start
    /// of the same person and stage before it.
    static let viabilityTimely = Rule(
        id: "S2-viability-timely",
        standard: "S2.2",
        title: "Each viability assessment (viability stage) completed within the threshold of starting",
        shape: .deadline(defaultThreshold: Period(42, .days), defaultWarning: Period(7, .days), units: Set(Period.Unit.allCases)),
        basis: .localDefault(source: "National EP Practice Standards S2.2; local practice default")
    ) { journey, context in
        let records = journey.all(.viabilityAssessment)
        var best: RuleOutcome?
        for start in records.indices {
            guard case .viabilityAssessment(let started) = records[start].details,
                  started.stage == .viability, started.status == .started else { continue }
            var completed: CalendarDate?
            var restarted: CalendarDate?
            for later in records.index(after: start)..<records.endIndex {
                guard case .viabilityAssessment(let next) = records[later].details,
                      next.stage == .viability, next.assessment == started.assessment else { continue }
                if next.status == .completed { completed = records[later].occurredOn } else { restarted = records[later].occurredOn }
                break
            }
            let outcome = Deadline(
                expected: "viability assessment", label: started.assessment, qualifier: started.relationship.spoken,
                anchorName: "its start",
                action: "complete the assessment or record why it is delayed"
            ).outcome(
                anchor: records[start].occurredOn, done: completed, stoppedOn: journey.ending?.occurredOn,
                stop: restarted.map { Deadline.Stop(on: $0, event: "the same assessment was started again") }, context
            )
            best = RuleOutcome.mostUrgent(best, outcome)
        }
        return best ?? .notApplicable("No viability assessment has been started.")
    }
}

extension ViabilityAssessment.Relationship {
    /// As a sentence says it: "maternal family".
    var spoken: String {
        switch self {
        case .maternalFamily: "maternal family"
        case .paternalFamily: "paternal family"
        case .sibling: "sibling"
        case .friend: "friend"
        case .other: "other"
        }
    }
}
