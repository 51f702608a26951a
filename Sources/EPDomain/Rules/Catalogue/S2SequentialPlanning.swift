extension Rule {
    /// The failure everything here exists to catch: EP decided only once every family member
    /// or friend assessed has been ruled out, so the adoption track started after the family
    /// track failed rather than beside it. The family track has failed on the day no assessment
    /// is in progress and every assessed person's latest completed assessment (viability or
    /// full) is negative (docs/design.md §3.4).
    static let sequentialPlanning = Rule(
        id: "S2-sequential-planning",
        standard: "S2.2, S2.4",
        title: "EP decided no later than the day the family track failed (no sequential planning)",
        shape: .pattern,
        basis: .localDefault(source: "National EP Practice Standards S2 (twin tracking); Quality Mark descriptor 7.7")
    ) { journey, context in
        let track = journey.familyTrack
        let decided = journey.firstEPDecision?.occurredOn
        guard let failed = track.failedOn else {
            if track.peopleAssessed == 0 {
                return .notApplicable("No family or friends assessment has been recorded.")
            }
            if let decided {
                return RuleOutcome(status: .met, message: .say("EP was decided on {0} while the family track was still open.", decided))
            }
            return .notApplicable("The family track is still open: an assessment is in progress, or someone's latest assessment came back positive.")
        }
        var outcome = RuleOutcome(status: .met, anchorOn: failed, dueOn: failed, message: "")
        let one = track.peopleRuledOut == 1
        switch decided {
        case let decided? where decided <= failed:
            outcome.say(
                one
                    ? "EP was decided on {0}, alongside the family and friends assessment (the family track failed on {1}, when the only person assessed was ruled out)."
                    : "EP was decided on {0}, alongside the family and friends assessments (the family track failed on {1}, when the last of {m} people assessed was ruled out).",
                decided, failed, m: track.peopleRuledOut
            )
        case let decided?:
            outcome.status = .late
            outcome.daysOverdue = failed.days(until: decided)
            outcome.say(
                one
                    ? "Sequential planning: EP was first decided on {0}, {days} after the family track failed on {1}, when the only person assessed was ruled out."
                    : "Sequential planning: EP was first decided on {0}, {days} after the family track failed on {1}, when the last of {m} people assessed was ruled out.",
                decided, failed, n: outcome.daysOverdue, m: track.peopleRuledOut
            )
        case nil:
            outcome.status = .overdue
            outcome.daysOverdue = failed.days(until: journey.lastDayCounted(asOf: context.asOf))
            let template = switch (track.failedNow, one) {
            case (true, true):
                "The family track failed on {0}, when the only person assessed was ruled out, and EP has not been decided: decide EP now."
            case (true, false):
                "The family track failed on {0}, when the last of {m} people assessed was ruled out, and EP has not been decided: decide EP now."
            case (false, true):
                "The family track failed on {0}, when the only person assessed was ruled out, and EP has still not been decided, though another assessment has started since: decide EP now, beside it."
            case (false, false):
                "The family track failed on {0}, when the last of {m} people assessed was ruled out, and EP has still not been decided, though another assessment has started since: decide EP now, beside it."
            }
            outcome.say(template, failed, m: track.peopleRuledOut)
        }
        return outcome
    }
}
