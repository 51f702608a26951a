extension Rule {
    /// Where paternity is unclear, the test result comes back promptly so that the paternal
    /// family can be assessed in time.
    static let paternityPrompt = Rule(
        id: "S2-paternity-prompt",
        standard: "S2.2",
        title: "Paternity test result received within the threshold of the request",
        shape: .deadline(defaultThreshold: Period(28, .days), defaultWarning: Period(7, .days), units: Set(Period.Unit.allCases)),
        basis: .localDefault(source: "National EP Practice Standards S2.2; local practice default")
    ) { journey, context in
        var results = journey.all(.paternityTest).filter { $0.details == .paternityTest(status: .resultReceived) }
        let requests = journey.all(.paternityTest).filter { $0.details == .paternityTest(status: .requested) }
        // Each request is answered by the first result on or after it not already taken.
        let outcomes = requests.map { request in
            let answer = results.firstIndex { $0.occurredOn >= request.occurredOn }.map { results.remove(at: $0) }
            return Deadline(
                expected: "the paternity test result",
                anchorName: "the request",
                action: "chase the testing service"
            ).outcome(anchor: request.occurredOn, done: answer?.occurredOn, stoppedOn: journey.ending?.occurredOn, context)
        }
        return RuleOutcome.mostUrgent(outcomes) ?? .notApplicable("No paternity test has been requested.")
    }
}
