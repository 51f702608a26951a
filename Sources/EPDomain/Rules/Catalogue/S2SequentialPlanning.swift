extension Rule {
    /// The failure everything here exists to catch: EP considered only once every family
    /// member assessed has been ruled out, so the adoption track started after the family track
    /// failed rather than beside it.
    static let sequentialPlanning = Rule(
        id: "S2-sequential-planning",
        standard: "S2.2, S2.4",
        title: "EP considered before the family track finished (no sequential planning)",
        shape: .pattern,
        basis: .localDefault(source: "National EP Practice Standards S2 (twin tracking); Quality Mark descriptor 7.7")
    ) { journey, context in
        // A handful of assessments per child: plain arrays beat hashing here.
        var started: [String] = []
        var completed: [(label: String, on: CalendarDate, outcome: ViabilityAssessment.Outcome)] = []
        for milestone in journey.all(.viabilityAssessment) {
            guard case .viabilityAssessment(let assessment) = milestone.details else { continue }
            switch assessment.status {
            case .started: started.append(assessment.assessment)
            case .completed: completed.append((assessment.assessment, milestone.occurredOn, assessment.outcome ?? .negative))
            }
        }
        let negatives = completed.filter { $0.outcome == .negative }.map(\.on)
        guard let lastNegative = negatives.max() else {
            return .notApplicable("No viability assessment has come back negative.")
        }
        let firstConsidered = journey.firstOn(.epConsideration)
        let inProgress = started.contains { label in !completed.contains { $0.label == label } }
        let familyTrackOpen = inProgress || completed.contains { $0.outcome == .positive }
        if familyTrackOpen {
            if let firstConsidered {
                return RuleOutcome(status: .met, message: .say("EP was considered on {0} while the family track was still open.", firstConsidered))
            }
            return .notApplicable("The family track is still open: an assessment is in progress or came back positive.")
        }
        var outcome = RuleOutcome(status: .met, anchorOn: lastNegative, dueOn: lastNegative, message: "")
        switch firstConsidered {
        case let considered? where considered <= lastNegative:
            outcome.say("EP was considered on {0}, alongside the viability assessments (the last came back negative on {1}).", considered, lastNegative)
        case let considered?:
            outcome.status = .late
            outcome.daysOverdue = lastNegative.days(until: considered)
            outcome.say(
                "Sequential planning: EP was first considered on {0}, {days} after the last of {m} negative viability assessments on {1}.",
                considered, lastNegative, n: outcome.daysOverdue, m: negatives.count
            )
        case nil:
            outcome.status = .overdue
            outcome.daysOverdue = lastNegative.days(until: journey.lastDayCounted(asOf: context.asOf))
            outcome.say("Every viability assessment ({n}) has come back negative, the last on {0}, and EP has not been considered: consider EP now.", lastNegative, n: negatives.count)
        }
        return outcome
    }
}
