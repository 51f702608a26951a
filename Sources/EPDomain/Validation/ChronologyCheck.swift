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
            for extra in all.dropFirst() {
                found.append(Violation(
                    milestone: extra, other: all[0], field: "/kind",
                    detail: "a case has only one \(kind.rawValue) (already recorded on \(all[0].occurredOn)); correct that record instead"
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
            let authority = journey.placementOrder ?? journey.first(.section19Application)
            if authority == nil || authority!.occurredOn > decision.occurredOn {
                found.append(Violation(
                    milestone: decision, other: authority, field: "/occurred_on",
                    detail: "an ADM match decision needs a placement order (or a section 19 application for a consensual adoption) on or before \(decision.occurredOn)"
                ))
            }
            let panel = journey.first(.adoptionPanel)
            if panel == nil || panel!.occurredOn > decision.occurredOn {
                found.append(Violation(
                    milestone: decision, other: panel, field: "/occurred_on",
                    detail: "an ADM match decision needs the adoption panel's recommendation on or before \(decision.occurredOn)"
                ))
            }
        }
    }

    private static func reunificationExcludesMatch(_ journey: Journey, _ found: inout [Violation]) {
        guard let reunification = journey.first(.reunification),
              let match = journey.first(.admMatchDecision, where: \.isApprovedMatch) else { return }
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
