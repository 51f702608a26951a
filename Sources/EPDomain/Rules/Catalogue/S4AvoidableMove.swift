extension Rule {
    /// After EP is recommended, the child should go straight to the EP carers: an interim
    /// placement in between is a move the child did not need.
    static let avoidableMove = Rule(
        id: "S4-avoidable-move",
        standard: "S1.3, S4",
        title: "No interim placement between EP being recommended and the EP placement",
        shape: .pattern,
        basis: .localDefault(source: "National EP Practice Standards S1.3 and S4")
    ) { journey, context in
        guard let recommended = journey.epRecommendation?.occurredOn else {
            return .notApplicable("EP has not been recommended for this child.")
        }
        let placed = journey.firstOn(.epPlacement)
        let move = journey.first(.interimPlacement) { interim in
            interim.occurredOn >= recommended && (placed.map { interim.occurredOn < $0 } ?? true)
        }
        switch (move?.occurredOn, placed) {
        case let (moved?, placed?):
            return RuleOutcome(
                status: .late, anchorOn: recommended, dueOn: moved, daysOverdue: moved.days(until: placed),
                message: .say("Avoidable move: the child went to an interim placement on {0}, after EP was recommended on {1}, and reached the EP carers only on {2}.", moved, recommended, placed)
            )
        case let (moved?, nil):
            let stopped = journey.lastDayCounted(asOf: context.asOf)
            return RuleOutcome(
                status: .overdue, anchorOn: recommended, dueOn: moved, daysOverdue: moved.days(until: stopped),
                message: .say("The child moved to an interim placement on {0} although EP was recommended on {1}, and is not yet with EP carers: find EP carers now.", moved, recommended)
            )
        case let (nil, placed?):
            return RuleOutcome(status: .met, anchorOn: recommended, message: .say("The child moved straight to the EP carers on {0}, with no interim placement after EP was recommended.", placed))
        case (nil, nil):
            if let ending = journey.ending { return .ended(ending, before: "any placement with EP carers") }
            return RuleOutcome(status: .pending, anchorOn: recommended, message: .say("EP was recommended on {0}: place the child directly with EP carers, avoiding an interim move.", recommended))
        }
    }
}
