extension Rule {
    /// Care proceedings are decided within the 26 weeks beginning with the day of issue (Children
    /// Act 1989 s.32(1)(a)(ii)): the day of issue is the first of them, so the last is 181 days
    /// after it. The court may extend the timetable by up to 8 weeks at a time (s.32(5)); each
    /// extension ends its weeks after the later of the end of the period it extends and the day it
    /// was granted (s.32(8)). A policy may change only the warning.
    static let twentySixWeeks = Rule(
        id: "S2-26-weeks",
        standard: "S2",
        title: "Court decision within the 26 weeks beginning with the day proceedings were issued, as extended by the court",
        shape: .deadline(defaultThreshold: Period(26, .weeks), defaultWarning: Period(4, .weeks), units: [.weeks]),
        basis: .statutory(source: "Children Act 1989 s.32(1)(a)(ii), (5) and (8), as amended by the Children and Families Act 2014 s.14")
    ) { journey, context in
        guard let issued = journey.firstOn(.proceedingsIssued) else {
            return .notApplicable("Care proceedings have not been issued.")
        }
        let decided = journey.firstOn(.courtDecision)
        var lastDay = issued.adding(days: 7 * context.threshold.value - 1)
        var extended = 0
        var lastGranted: CalendarDate?
        for granted in journey.all(.timetableExtension) {
            // An extension recorded after the decision extended nothing.
            if let decided, granted.occurredOn > decided { break }
            guard case .timetableExtension(let weeks) = granted.details else { continue }
            lastDay = max(lastDay, granted.occurredOn).adding(days: 7 * weeks)
            extended += weeks
            lastGranted = granted.occurredOn
        }
        let span = switch extended {
        case 0: MessageTemplate("the 26 weeks beginning with {0}, the day proceedings were issued", issued)
        case 1: MessageTemplate("the 26 weeks beginning with {0}, the day proceedings were issued, extended by 1 week granted on {1}", issued, lastGranted)
        default: MessageTemplate("the 26 weeks beginning with {0}, the day proceedings were issued, extended by {n} weeks, the last granted on {1}", issued, lastGranted, n: extended)
        }
        return Deadline(
            expected: "the court's final decision",
            anchorName: "proceedings were issued",
            action: "review the timetable with legal services, or record the court's extension",
            span: span
        ).outcome(anchor: issued, due: lastDay, done: decided, stoppedOn: journey.ending?.occurredOn, context)
    }
}
