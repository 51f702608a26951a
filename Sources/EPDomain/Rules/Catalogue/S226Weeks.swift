extension Rule {
    /// Care proceedings are decided within 26 weeks of issue, unless the court extends the
    /// timetable (up to 8 weeks at a time).
    static let twentySixWeeks = Rule(
        id: "S2-26-weeks",
        standard: "S2",
        title: "Court decision within 26 weeks of proceedings issued (extensions move the deadline)",
        shape: .deadline(defaultThreshold: Period(26, .weeks), defaultWarning: Period(4, .weeks), units: [.weeks]),
        basis: .statutory(source: "Children Act 1989 s.32(1)(a), as amended by the Children and Families Act 2014 s.14")
    ) { journey, context in
        guard let issued = journey.firstOn(.proceedingsIssued) else {
            return .notApplicable("Care proceedings have not been issued.")
        }
        let extensionWeeks = journey.all(.timetableExtension).reduce(into: 0) { total, granted in
            if case .timetableExtension(let weeks) = granted.details { total += weeks }
        }
        let due = context.threshold.after(issued, in: context.calendar).adding(days: 7 * extensionWeeks)
        let described = extensionWeeks == 0 ? nil : "\(context.threshold.spoken) plus \(extensionWeeks) weeks of extension"
        return Deadline(
            expected: "the court's final decision",
            anchorName: "proceedings were issued",
            action: "review the timetable with legal services, or record the court's extension"
        ).outcome(anchor: issued, due: due, done: journey.firstOn(.courtDecision), stoppedOn: journey.ending?.occurredOn, context, describing: described)
    }
}
