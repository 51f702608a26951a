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
        // A child placed with EP carers is looked after (fostered): a placement with no entry to
        // care on or before it leaves the A10 figure (entry to care to moving in) without its start.
        let lookedAfter = journey.firstOn(.enteredCare)
        for placement in placements where lookedAfter.map({ $0 > placement.occurredOn }) ?? true {
            found.append(DataQualityFinding(
                code: "ep-placement-before-looked-after",
                milestoneID: placement.id,
                message: "the EP placement on \(placement.occurredOn) has no entry to care recorded on or before it: a child placed with EP carers is looked after; record when the child became looked after (the entry-to-family figure counts from it)"
            ))
        }
        // The mother's consent to adoption is ineffective less than six weeks after the birth
        // (Adoption and Children Act 2002 s.52(3)), and the High Court's guidance is to take the
        // s.19 consent once the baby is six weeks old (Sandwell MBC v GC [2008] EWHC 2555 (Fam));
        // a younger baby may be placed without it (s.18(1)). Stored and counted as recorded.
        if let birth = journey.birth {
            for consent in journey.all(.placementConsent)
            where consent.details == .placementConsent(outcome: .given) && birth.days(until: consent.occurredOn) < 42 {
                found.append(DataQualityFinding(
                    code: "placement-consent-under-six-weeks",
                    milestoneID: consent.id,
                    message: "consent to placement recorded on \(consent.occurredOn), less than six weeks after the birth on \(birth): a mother's consent to adoption given then is ineffective (Adoption and Children Act 2002 s.52(3)), and the s.19 consent should be taken once the baby is six weeks old (Sandwell MBC v GC [2008] EWHC 2555 (Fam)); check it, or record it again from \(birth.adding(days: 42))"
                ))
            }
        }
        // Reg 25A approves carers for a looked-after child: an approval before entry to care is odd.
        if let lookedAfter {
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
