extension Rule {
    /// After EP is recommended, the child should go straight to the EP carers: an interim
    /// placement after the recommendation and before the EP placement is a move the child did
    /// not need. A move into interim care that came before the recommendation is not one the
    /// recommendation could have spared. The message states the moves as they were recorded.
    static let avoidableMove = Rule(
        id: "S4-avoidable-move",
        standard: "S1.3, S4",
        title: "No interim placement between EP being recommended and the EP placement",
        shape: .pattern,
        basis: .localDefault(source: "National EP Practice Standards S1.3 and S4")
    ) { journey, context in
        guard let standing = journey.standingRecommendation() else {
            if let decision = journey.standingEPDecision, let withdrawn = journey.recommendationWithdrawn(by: decision) {
                return RuleOutcome(
                    status: .notApplicable,
                    message: .say("EP was recommended on {0} and judged not suitable on {1}: the recommendation was withdrawn.", withdrawn.occurredOn, decision.occurredOn)
                )
            }
            return .notApplicable("EP has not been recommended for this child.")
        }
        let recommended = standing.recommended.occurredOn
        let placements = journey.all(.epPlacement)
        let placedAt = placements.firstIndex { placement in standing.after.map { placement.occurredOn > $0.occurredOn } ?? true }
        let placed = placedAt.map { placements[$0] }
        let placedIndex = placedAt.map { placements.journeyIndex($0) } ?? Int.max
        // Interim placements after the recommendation and before the EP placement; and the last
        // interim placement before the EP placement, where the child came from.
        let interims = journey.all(.interimPlacement)
        var firstMove: CalendarDate?
        var moves = 0
        var cameFrom: Milestone?
        for position in interims.indices where interims.journeyIndex(position) < placedIndex {
            cameFrom = interims[position]
            if interims[position].occurredOn >= recommended {
                moves += 1
                if firstMove == nil { firstMove = interims[position].occurredOn }
            }
        }
        if let firstMove {
            guard let placed else {
                return RuleOutcome(
                    status: .late, anchorOn: recommended, dueOn: firstMove,
                    message: moves == 1
                        ? .say("Avoidable move: the child went to an interim placement on {0}, after EP was recommended on {1}, and is not yet with EP carers.", firstMove, recommended)
                        : .say("Avoidable moves: after EP was recommended on {1} the child went to {m} interim placements, the first on {0}, and is not yet with EP carers.", firstMove, recommended, m: moves)
                )
            }
            return RuleOutcome(
                status: .late, anchorOn: recommended, dueOn: firstMove, daysOverdue: firstMove.days(until: placed.occurredOn),
                message: moves == 1
                    ? .say("Avoidable move: the child went to an interim placement on {0}, after EP was recommended on {1}, and reached the EP carers only on {2}.", firstMove, recommended, placed.occurredOn)
                    : .say("Avoidable moves: after EP was recommended on {1} the child went to {m} interim placements, the first on {0}, and reached the EP carers only on {2}.", firstMove, recommended, placed.occurredOn, m: moves)
            )
        }
        guard let placed else {
            if let ending = journey.ending { return .ended(ending, before: "any placement with EP carers") }
            return RuleOutcome(status: .pending, anchorOn: recommended, message: .say("EP was recommended on {0}: place the child directly with EP carers, avoiding an interim move.", recommended))
        }
        // No move after the recommendation: say where the child came from, as recorded.
        let message: RuleMessage
        guard case .epPlacement(_, let placedFrom) = placed.details else { return .notApplicable("The EP placement has no details.") }
        if let cameFrom, placedFrom == .interimCare {
            message = .say(
                "The child was already in an interim placement (from {0}) when EP was recommended on {1}, and moved from there to the EP carers on {2}: no move came after the recommendation.",
                cameFrom.occurredOn, recommended, placed.occurredOn
            )
        } else {
            switch placedFrom {
            case .hospital:
                message = .say("The child went from hospital straight to the EP carers on {0}, with no interim placement after EP was recommended on {1}.", placed.occurredOn, recommended)
            case .birthFamily:
                message = .say("The child moved from the birth family straight to the EP carers on {0}, with no interim placement after EP was recommended on {1}.", placed.occurredOn, recommended)
            case .interimCare:
                message = .say("The child moved from interim care to the EP carers on {0}; no interim placement is recorded after EP was recommended on {1}.", placed.occurredOn, recommended)
            case .other:
                message = .say("The child moved to the EP carers on {0}, with no interim placement recorded after EP was recommended on {1}.", placed.occurredOn, recommended)
            }
        }
        return RuleOutcome(status: .met, anchorOn: recommended, message: message)
    }
}
