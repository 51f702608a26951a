extension Rule {
    /// Each viability assessment of a family or friends carer is completed within N days of
    /// starting, so the family track does not drift.
    static let viabilityTimely = Rule(
        id: "S2-viability-timely",
        standard: "S2.2",
        title: "Each viability assessment completed within the threshold of starting",
        shape: .deadline(defaultThreshold: Period(42, .days), defaultWarning: Period(7, .days), units: Set(Period.Unit.allCases)),
        basis: .localDefault(source: "National EP Practice Standards S2.2; local practice default")
    ) { journey, context in
        let assessments = journey.all(.viabilityAssessment).compactMap { milestone -> (CalendarDate, ViabilityAssessment)? in
            guard case .viabilityAssessment(let assessment) = milestone.details else { return nil }
            return (milestone.occurredOn, assessment)
        }
        let outcomes = assessments.filter { $0.1.status == .started }.map { started, assessment in
            let completed = assessments.first { $0.1.assessment == assessment.assessment && $0.1.status == .completed }
            return Deadline(
                expected: "viability assessment", label: assessment.assessment, qualifier: assessment.relationship.spoken,
                anchorName: "its start",
                action: "complete the assessment or record why it is delayed"
            ).outcome(anchor: started, done: completed?.0, stoppedOn: journey.ending?.occurredOn, context)
        }
        return RuleOutcome.mostUrgent(outcomes)
            ?? .notApplicable("No viability assessment has been started.")
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
