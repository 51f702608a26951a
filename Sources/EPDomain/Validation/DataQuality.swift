/// Something possible but suspicious: stored, and reported back to the social worker and to
/// dashboards rather than refused (docs/design.md §2.7).
public struct DataQualityFinding: Hashable, Sendable {
    public let code: String
    public let milestoneID: Milestone.ID
    public let message: String
}

public enum DataQuality {
    public static func findings(in journey: Journey) -> [DataQualityFinding] {
        var found: [DataQualityFinding] = []
        // Each EP placement needs an approval for its own carers: the latest link on or before it,
        // dual approved or approved under Reg 25A before the placement.
        let placements = journey.all(.epPlacement)
        let links = journey.all(.epCarersLinked)
        for position in placements.indices {
            let placement = placements[position]
            let link = links.lastIndex { $0.occurredOn <= placement.occurredOn }
            if let approved = link.flatMap({ journey.approval(forLinkAt: $0) }), approved <= placement.occurredOn { continue }
            found.append(DataQualityFinding(
                code: "ep-placement-without-approval",
                milestoneID: placement.id,
                message: "the EP placement on \(placement.occurredOn) has no Reg 25A approval or dual approval for its carers (the latest link on or before it) recorded on or before it: record the approval, or check the placement's legal basis"
            ))
        }
        // Reg 25A approves carers for a looked-after child: an approval before entry to care is odd.
        if let lookedAfter = journey.firstOn(.enteredCare) {
            for decision in journey.all(.reg25aDecision)
            where decision.details == .reg25aDecision(outcome: .approved) && decision.occurredOn < lookedAfter {
                found.append(DataQualityFinding(
                    code: "reg25a-approval-before-looked-after",
                    milestoneID: decision.id,
                    message: "the Reg 25A approval on \(decision.occurredOn) is dated before the child became looked after on \(lookedAfter): Reg 25A approval is for a looked-after child; check the dates"
                ))
            }
        }
        return found
    }
}
