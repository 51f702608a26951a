/// The words of docs/design.md §2.5 and §3.4, worked out from a journey: EP decided and the
/// standing decision, where the child lives and when an EP placement ended, authority to place,
/// the expected delivery date and the family track. Rules read their own episode through these.
///
/// Everything here walks a kind's few milestones without building collections: the rules engine
/// asks these questions of a hundred thousand journeys a second.
extension Journey {
    // MARK: EP decided

    /// The first EP decision: an `ep_consideration` with outcome `recommended` or `not_suitable`.
    /// A deferral decides nothing and stops no clock.
    public var firstEPDecision: Milestone? {
        first(.epConsideration, where: \.isEPDecision)
    }

    /// The latest EP decision: the one that stands (`not_suitable` after `recommended` withdraws
    /// the recommendation).
    public var standingEPDecision: Milestone? {
        all(.epConsideration).last(where: \.isEPDecision)
    }

    /// The recommendation standing at the end of `day` (the whole journey when nil), or nil when
    /// none stands. Its `recommended` is the first `recommended` since the last `not_suitable`
    /// before it: a recommendation made again is the same recommendation, and its clocks do not
    /// restart. `after` is that `not_suitable`, the end of any earlier episode.
    public func standingRecommendation(on day: CalendarDate? = nil) -> (recommended: Milestone, after: Milestone?)? {
        var standing: Milestone?
        var withdrawal: Milestone?
        for consideration in all(.epConsideration) {
            if let day, consideration.occurredOn > day { break }
            guard case .epConsideration(let outcome, _) = consideration.details else { continue }
            switch outcome {
            case .recommended: if standing == nil { standing = consideration }
            case .notSuitable: standing = nil; withdrawal = consideration
            case .deferred: break
            }
        }
        return standing.map { ($0, withdrawal) }
    }

    /// The latest `recommended` decision before `decision` (a `not_suitable` that withdrew it).
    func recommendationWithdrawn(by decision: Milestone) -> Milestone? {
        var found: Milestone?
        for consideration in all(.epConsideration) {
            if consideration.occurredOn > decision.occurredOn { break }
            if case .epConsideration(.recommended, _) = consideration.details { found = consideration }
        }
        return found
    }

    // MARK: Where the child lives

    /// Where the child lives: the latest `ep_placement`, `interim_placement` or `reunification`
    /// (docs/design.md §2.5); nil before any of them.
    public var currentPlacement: Milestone? {
        var latest: (index: Int, milestone: Milestone)?
        func consider(_ kind: MilestoneKind) {
            let all = all(kind)
            guard let last = all.indices.last else { return }
            let index = all.journeyIndex(last)
            if latest == nil || index > latest!.index { latest = (index, all[last]) }
        }
        consider(.epPlacement)
        consider(.interimPlacement)
        consider(.reunification)
        return latest?.milestone
    }

    /// Whether the child lives with EP carers: the latest placement is an EP placement.
    public var livesWithEPCarers: Bool { currentPlacement?.kind == .epPlacement }

    /// What ended the EP placement at `position` of `all(.epPlacement)`: the first placement or
    /// return home after it, nil while it lasts. An ended EP placement no longer counts as the
    /// child moving in with their family, and its carers' Reg 25A approval lapsed with it.
    public func endOfEPPlacement(at position: Int) -> Milestone? {
        let placements = all(.epPlacement)
        let placed = placements.journeyIndex(position)
        var end: (index: Int, milestone: Milestone)?
        func consider(_ kind: MilestoneKind) {
            let all = all(kind)
            for other in all.indices where all.journeyIndex(other) > placed {
                let index = all.journeyIndex(other)
                if end == nil || index < end!.index { end = (index, all[other]) }
                return
            }
        }
        consider(.epPlacement)
        consider(.interimPlacement)
        consider(.reunification)
        return end?.milestone
    }

    // MARK: Links and approvals

    /// The Reg 25A decision on the link at `position` of `all(.epCarersLinked)`: the first
    /// `reg25a_decision` after it and before the next link (the latest link before a decision is
    /// the one decided).
    public func reg25aDecision(forLinkAt position: Int) -> Milestone? {
        let links = all(.epCarersLinked)
        let from = links.journeyIndex(position)
        let to = position + 1 < links.count ? links.journeyIndex(position + 1) : Int.max
        let decisions = all(.reg25aDecision)
        for decision in decisions.indices {
            let index = decisions.journeyIndex(decision)
            if index > to { break }
            if index > from, index < to { return decisions[decision] }
        }
        return nil
    }

    /// The day the carers of the link at `position` were approved for this child: the link itself
    /// for dual-approved carers, else its Reg 25A decision when that approved them; nil otherwise.
    public func approval(forLinkAt position: Int) -> CalendarDate? {
        let link = all(.epCarersLinked)[position]
        if link.details == .epCarersLinked(route: .dualApproval) { return link.occurredOn }
        guard let decision = reg25aDecision(forLinkAt: position), decision.details == .reg25aDecision(outcome: .approved) else { return nil }
        return decision.occurredOn
    }

    // MARK: Matching

    /// One adoption panel on a proposed match and what followed it.
    public struct PanelEpisode: Sendable {
        public let panel: CalendarDate
        /// The first `panel_minutes_received` of it, if recorded.
        public let minutes: CalendarDate?
        /// The first `adm_match_decision` on it, if made.
        public let decided: CalendarDate?
        /// The next panel (on another proposed match), which ends this episode.
        public let nextPanel: CalendarDate?
    }

    /// The approved match that stands: the latest approved ADM decision, unless a panel came
    /// after it (the match fell through and another was proposed: none stands until decided).
    public var standingMatch: Milestone? {
        guard let match = all(.admMatchDecision).last(where: \.isApprovedMatch) else { return nil }
        if let panel = all(.adoptionPanel).last, panel.occurredOn > match.occurredOn { return nil }
        return match
    }

    /// Each `adoption_panel` with its minutes and its ADM decision: the first of each on or after
    /// the panel's day, not taken by an earlier panel, and before the next panel. A match that
    /// falls through goes to panel again (Adoption Agencies Regulations 2005 regs 31–33).
    public func panelEpisodes() -> [PanelEpisode] {
        let panels = all(.adoptionPanel)
        guard !panels.isEmpty else { return [] }
        let minutes = all(.panelMinutesReceived), decisions = all(.admMatchDecision)
        var nextMinutes = 0, nextDecision = 0
        return panels.indices.map { position in
            let panel = panels[position]
            let next = position + 1 < panels.count ? (panel: panels[position + 1], index: panels.journeyIndex(position + 1)) : nil
            // Before the next panel's day; on it, the next panel's (its own day's decision, however
            // the two were recorded), unless both panels sat that day (then the order recorded).
            func beforeNext(_ records: MilestonesOfKind, _ index: Int) -> Bool {
                guard let next else { return true }
                let day = records[index].occurredOn
                if day != next.panel.occurredOn { return day < next.panel.occurredOn }
                return next.panel.occurredOn == panel.occurredOn && records.journeyIndex(index) < next.index
            }
            func take(_ records: MilestonesOfKind, _ cursor: inout Int) -> CalendarDate? {
                while cursor < records.count, records[cursor].occurredOn < panel.occurredOn { cursor += 1 }
                guard cursor < records.count, beforeNext(records, cursor) else { return nil }
                cursor += 1
                return records[cursor - 1].occurredOn
            }
            return PanelEpisode(
                panel: panel.occurredOn, minutes: take(minutes, &nextMinutes), decided: take(decisions, &nextDecision),
                nextPanel: next?.panel.occurredOn
            )
        }
    }

    // MARK: Authority to place

    /// The milestone that began the authority to place standing at the end of `day` (docs/design.md
    /// §2.7), or nil when there is none. Authority is a `placement_order`, or consent to placement
    /// given and not withdrawn since (the latest `placement_consent` stands); a section 19
    /// application is not authority. The milestone returned starts the unbroken span of authority
    /// `day` falls in: consent given in January and a placement order in March give authority
    /// since January.
    public func authorityToPlace(on day: CalendarDate) -> Milestone? {
        let decisions = all(.courtDecision)
        var order: (index: Int, milestone: Milestone)?
        for position in decisions.indices where decisions[position].details == .courtDecision(outcome: .placementOrder) {
            order = (decisions.journeyIndex(position), decisions[position])
            break
        }
        var ordered = false
        var consented = false
        var since: Milestone?
        func update(_ milestone: Milestone) {
            if ordered || consented {
                if since == nil { since = milestone }
            } else {
                since = nil
            }
        }
        func applyOrder(before index: Int) {
            guard !ordered, let order, order.index < index, order.milestone.occurredOn <= day else { return }
            ordered = true
            update(order.milestone)
        }
        let consents = all(.placementConsent)
        for position in consents.indices {
            let consent = consents[position]
            if consent.occurredOn > day { break }
            applyOrder(before: consents.journeyIndex(position))
            consented = consent.details == .placementConsent(outcome: .given)
            update(consent)
        }
        applyOrder(before: Int.max)
        return since
    }

    // MARK: Pregnancy

    /// The expected delivery date (docs/design.md §3.4): from `gestation_weeks` on the latest
    /// pre-birth milestone that has it (that day + (40 − weeks) weeks), else the 15th of the
    /// expected month of birth. Never the actual birth: a premature birth does not move it.
    public var expectedDeliveryDate: CalendarDate? {
        var latest: (day: CalendarDate, index: Int, weeks: Int)?
        func consider(_ kind: MilestoneKind) {
            let all = all(kind)
            for position in all.indices.reversed() {
                guard let weeks = all[position].gestationWeeks else { continue }
                let candidate = (day: all[position].occurredOn, index: all.journeyIndex(position), weeks: weeks)
                if latest == nil || (candidate.day, candidate.index) > (latest!.day, latest!.index) { latest = candidate }
                return
            }
        }
        consider(.preBirthAssessmentStarted)
        consider(.preBirthConference)
        if let latest { return latest.day.adding(days: 7 * (40 - latest.weeks)) }
        return profile.expectedBirthMonth?.day(15)
    }

    /// The day pregnancy reaches `weeks` weeks, counted back from the expected delivery date.
    func gestationDay(week weeks: Int, expectedDelivery: CalendarDate) -> CalendarDate {
        expectedDelivery.adding(days: -7 * (40 - weeks))
    }

    // MARK: The family track

    /// The family track as the viability and full assessments recorded tell it (docs/design.md
    /// §3.4). It has **failed** on a day when no assessment is in progress and every assessed
    /// person's latest completed assessment is negative; a positive viability keeps that person's
    /// option open until their full assessment completes.
    public var familyTrack: FamilyTrack {
        var people: [(label: String, viabilityRunning: Bool, fullRunning: Bool, latest: ViabilityAssessment.Outcome?)] = []
        var track = FamilyTrack()
        let records = all(.viabilityAssessment)
        for position in records.indices {
            guard case .viabilityAssessment(let assessment) = records[position].details else { continue }
            let person = people.firstIndex { $0.label == assessment.assessment } ?? {
                people.append((assessment.assessment, false, false, nil))
                return people.count - 1
            }()
            let running = assessment.status == .started
            switch assessment.stage {
            case .viability: people[person].viabilityRunning = running
            case .full: people[person].fullRunning = running
            }
            if !running { people[person].latest = assessment.outcome }
            // Judged at the end of each day, once every record of that day is in.
            let day = records[position].occurredOn
            guard position == records.count - 1 || records[position + 1].occurredOn > day else { continue }
            let failed = people.allSatisfy { $0.latest == .negative && !$0.viabilityRunning && !$0.fullRunning }
            if failed, track.failedOn == nil {
                track.failedOn = day
                track.peopleRuledOut = people.count
            }
            track.failedNow = failed
        }
        track.peopleAssessed = people.count
        return track
    }
}

/// What `Journey.familyTrack` finds.
public struct FamilyTrack: Hashable, Sendable {
    /// The first day the family track failed, if it has.
    public var failedOn: CalendarDate?
    /// How many people had been assessed, all ruled out, on that day.
    public var peopleRuledOut = 0
    /// Whether it is failed at the end of the journey (a newly assessed person reopens it).
    public var failedNow = false
    /// Everyone assessed, at any stage.
    public var peopleAssessed = 0
}

extension Milestone {
    /// An `ep_consideration` that decided: `recommended` or `not_suitable`.
    public var isEPDecision: Bool {
        if case .epConsideration(let outcome, _) = details { outcome != .deferred } else { false }
    }

    /// The weeks of pregnancy recorded on a pre-birth milestone or the birth, if given.
    public var gestationWeeks: Int? {
        switch details {
        case .preBirthConference(let weeks): weeks
        case .gestation(let weeks): weeks
        default: nil
        }
    }
}
