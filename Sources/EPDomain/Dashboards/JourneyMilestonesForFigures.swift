/// The days the figures count children from, worked out once here so that every figure and
/// its definition mean the same thing by them (docs/design.md §4).
extension Journey {
    /// The first day there was authority to place (docs/design.md §2.7): the earlier of the
    /// placement order and the first consent to placement given. It stays the day authority
    /// came, even if consent is withdrawn later.
    var firstAuthorityToPlace: CalendarDate? {
        let consent = first(.placementConsent) { $0.details == .placementConsent(outcome: .given) }
        return earliest(placementOrder?.occurredOn, consent?.occurredOn)
    }

    /// The day adoption came into view as a plan: the earliest of proceedings issued, an
    /// adoption request and the first authority to place. (A section 19 application is the
    /// court's guidance, not a plan: it is not counted.)
    var adoptionPlanInView: CalendarDate? {
        earliest(earliest(firstOn(.proceedingsIssued), firstOn(.adoptionRequest)), firstAuthorityToPlace)
    }

    /// Whether the child lived with EP carers at the end of `day`: the latest `ep_placement`,
    /// `interim_placement` or `reunification` on or before it is an EP placement (docs/design.md
    /// §2.5, as `livesWithEPCarers` on that day).
    func livesWithEPCarers(on day: CalendarDate) -> Bool {
        var latest: (index: Int, kind: MilestoneKind)?
        func consider(_ kind: MilestoneKind) {
            let all = all(kind)
            guard let position = all.lastIndex(where: { $0.occurredOn <= day }) else { return }
            let index = all.journeyIndex(position)
            if latest == nil || index > latest!.index { latest = (index, kind) }
        }
        consider(.epPlacement)
        consider(.interimPlacement)
        consider(.reunification)
        return latest?.kind == .epPlacement
    }

    /// Moving in with the adoptive family, as `S4-entry-to-family` reads it (docs/design.md §3.5):
    /// with the EP carers matched as the adopters and the child still living with them, the day
    /// of that EP placement (the child did not move again); otherwise `placed_for_adoption`; and
    /// for a child adopted while living with the EP carers with no match recorded, the day of
    /// that EP placement too (the adoption order shows who the adopters are).
    /// `placedOn` is the day the child counts as placed for adoption: `placed_for_adoption`, or,
    /// where that is not recorded for a child matched with the EP carers, the match, or, with
    /// no match either, the adoption order.
    var movingInWithAdopters: (movedIn: CalendarDate, placedOn: CalendarDate)? {
        let placed = firstOn(.placedForAdoption)
        let match = standingMatch
        let withEPCarers = livesWithEPCarers ? all(.epPlacement).last : nil
        if let match, case .admMatchDecision(_, .epCarers) = match.details, let withEPCarers {
            return (withEPCarers.occurredOn, placed ?? match.occurredOn)
        }
        if let placed { return (placed, placed) }
        if match == nil, let withEPCarers, let adopted = ending, adopted.kind == .adoptionOrder {
            return (withEPCarers.occurredOn, adopted.occurredOn)
        }
        return nil
    }
}
