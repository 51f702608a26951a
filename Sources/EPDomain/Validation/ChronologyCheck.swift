/// The chronology and integrity rules of docs/design.md §2.7, checked over a whole journey.
/// A write is allowed only if the journey it would produce breaks none of them.
struct Violation: Equatable {
    /// The milestone at fault.
    let milestone: Milestone
    /// The milestone it conflicts with, if there is one.
    let other: Milestone?
    /// The field of the milestone at fault that is wrong.
    let field: String
    let detail: String
}

enum ChronologyCheck {
    static func violations(in journey: Journey) -> [Violation] {
        var found: [Violation] = []
        onceOnly(journey, &found)
        bornChild(journey, &found)
        courtNeedsProceedings(journey, &found)
        formalMatchPrerequisites(journey, &found)
        reunificationExcludesMatch(journey, &found)
        nothingAfterEnding(journey, &found)
        return found
    }

    private static func onceOnly(_ journey: Journey, _ found: inout [Violation]) {
        for kind in MilestoneKind.allCases where !kind.isRepeatable {
            let all = journey.all(kind)
            guard all.count > 1 else { continue }
            // Each record of the kind is at fault beside another, whichever came first: the one
            // a write added is then refused naming the one already there, whatever their dates.
            for (position, milestone) in all.enumerated() {
                let other = all[position == 0 ? 1 : 0]
                found.append(Violation(
                    milestone: milestone, other: other, field: "/kind",
                    detail: "a case has only one \(kind.rawValue) (already recorded on \(other.occurredOn)); correct that record instead"
                ))
            }
        }
    }

    private static func bornChild(_ journey: Journey, _ found: inout [Violation]) {
        let birth = journey.first(.birth)
        for milestone in journey.milestones where milestone.kind.needsBornChild {
            if let birth {
                if milestone.occurredOn < birth.occurredOn {
                    found.append(Violation(
                        milestone: milestone, other: birth, field: "/occurred_on",
                        detail: "\(milestone.kind.rawValue) on \(milestone.occurredOn) is before the recorded birth on \(birth.occurredOn)"
                    ))
                }
            } else if journey.profile.unborn {
                found.append(Violation(
                    milestone: milestone, other: nil, field: "/kind",
                    detail: "the case was opened for an unborn child: record the birth before \(milestone.kind.rawValue)"
                ))
            }
        }
    }

    private static func courtNeedsProceedings(_ journey: Journey, _ found: inout [Violation]) {
        let issued = journey.first(.proceedingsIssued)
        for milestone in Array(journey.all(.courtDecision)) + journey.all(.timetableExtension) {
            guard let issued else {
                found.append(Violation(
                    milestone: milestone, other: nil, field: "/kind",
                    detail: "\(milestone.kind.rawValue) needs proceedings_issued recorded first"
                ))
                continue
            }
            if milestone.occurredOn < issued.occurredOn {
                found.append(Violation(
                    milestone: milestone, other: issued, field: "/occurred_on",
                    detail: "\(milestone.kind.rawValue) on \(milestone.occurredOn) is before proceedings were issued on \(issued.occurredOn)"
                ))
            }
        }
    }

    private static func formalMatchPrerequisites(_ journey: Journey, _ found: inout [Violation]) {
        for decision in journey.all(.admMatchDecision) {
            if journey.authorityToPlace(on: decision.occurredOn) == nil {
                // The record that stands in the way: a placement order or consent dated after the
                // decision, or the withdrawal of consent.
                let order = journey.placementOrder
                let consent = journey.all(.placementConsent).last { $0.occurredOn <= decision.occurredOn }
                    ?? journey.first(.placementConsent) { $0.details == .placementConsent(outcome: .given) }
                found.append(Violation(
                    milestone: decision, other: consent ?? order, field: "/occurred_on",
                    detail: "an ADM match decision needs authority to place on or before \(decision.occurredOn): a placement order, or consent to placement (placement_consent given and not withdrawn); a section 19 application is not authority to place"
                ))
            }
        }
        // Each proposed match goes to panel before the decision maker decides on it (Adoption
        // Agencies Regulations 2005 regs 32–33), and a match that falls through goes to panel
        // again: the nth decision needs n panels on or before it, and so do the nth minutes.
        let panels = journey.all(.adoptionPanel)
        func short(_ count: Int, _ day: CalendarDate) -> Bool { panels.filter { $0.occurredOn <= day }.count <= count }
        // The other record named: the panel that would be its own, dated after it, if any.
        for (kind, first, nth) in [
            (MilestoneKind.admMatchDecision, "an ADM match decision needs the adoption panel's recommendation",
             "each ADM match decision needs its own adoption panel recommendation on or before it: this is decision"),
            (.panelMinutesReceived, "the panel minutes need the adoption panel",
             "each set of panel minutes needs its own adoption panel on or before it: these are minutes"),
        ] {
            for (count, record) in journey.all(kind).enumerated() where short(count, record.occurredOn) {
                found.append(Violation(
                    milestone: record, other: panels.dropFirst(count).first, field: "/occurred_on",
                    detail: count == 0
                        ? "\(first) on or before \(record.occurredOn)"
                        : "\(nth) \(count + 1) on \(record.occurredOn), with fewer panels by then"
                ))
            }
        }
        for placed in journey.all(.placedForAdoption) {
            let match = journey.first(.admMatchDecision, where: \.isApprovedMatch)
            if match == nil || match!.occurredOn > placed.occurredOn {
                found.append(Violation(
                    milestone: placed, other: match, field: "/occurred_on",
                    detail: "placed_for_adoption needs an approved ADM match on or before \(placed.occurredOn): the child is placed with the matched adopters"
                ))
            }
        }
    }

    /// A formal match excludes a return home after it, and a child living at home is not matched.
    private static func reunificationExcludesMatch(_ journey: Journey, _ found: inout [Violation]) {
        guard let reunification = journey.first(.reunification),
              let match = journey.first(.admMatchDecision, where: \.isApprovedMatch) else { return }
        let placements = journey.all(.epPlacement), interims = journey.all(.interimPlacement)
        // Placed again after the return home, and before the match: the match is not of a child at home.
        let placedAgain = [placements, interims].contains { all in
            all.contains { $0.occurredOn > reunification.occurredOn && $0.occurredOn <= match.occurredOn }
        }
        if reunification.occurredOn < match.occurredOn, placedAgain { return }
        let later = reunification.recordedAt >= match.recordedAt ? reunification : match
        let earlier = later == reunification ? match : reunification
        found.append(Violation(
            milestone: later, other: earlier, field: "/kind",
            detail: "a child cannot both return home and be formally matched for adoption; \(earlier.kind.rawValue) is recorded on \(earlier.occurredOn)"
        ))
    }

    private static func nothingAfterEnding(_ journey: Journey, _ found: inout [Violation]) {
        let endings = journey.milestones.filter(\.kind.endsJourney)
        guard let ending = endings.first else { return }
        for milestone in journey.milestones where milestone != ending && milestone.occurredOn > ending.occurredOn {
            found.append(Violation(
                milestone: milestone, other: ending, field: "/occurred_on",
                detail: "nothing can be recorded after the \(ending.kind.rawValue) on \(ending.occurredOn)"
            ))
        }
    }
}
