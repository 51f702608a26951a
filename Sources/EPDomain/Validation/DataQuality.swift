/// Something possible but suspicious: stored, and reported back to the social worker and to
/// dashboards rather than refused.
public struct DataQualityFinding: Hashable, Sendable {
    public let code: String
    public let milestoneID: Milestone.ID
    public let message: String
}

public enum DataQuality {
    public static func findings(in journey: Journey) -> [DataQualityFinding] {
        guard let placement = journey.first(.epPlacement) else { return [] }
        let approved = journey.first(.reg25aDecision) {
            $0.details == .reg25aDecision(outcome: .approved) && $0.occurredOn <= placement.occurredOn
        }
        let dual = journey.first(.epCarersLinked) {
            $0.details == .epCarersLinked(route: .dualApproval) && $0.occurredOn <= placement.occurredOn
        }
        guard approved == nil, dual == nil else { return [] }
        return [DataQualityFinding(
            code: "ep-placement-without-approval",
            milestoneID: placement.id,
            message: "the EP placement on \(placement.occurredOn) has no Reg 25A approval or dual approval recorded on or before it: record the approval, or check the placement's legal basis"
        )]
    }
}
