/// `ep_share`: of children whose authority to place came in the period, the share living with
/// EP carers on that day (docs/design.md §4.2): the children who were already with the family
/// who may adopt them when adoption became lawful, as national EP placement shares (3%–35%)
/// count them. The outcome is known on the day, so nothing is pending.
enum EPShare {
    static func day(_ journey: Journey) -> CalendarDate? { journey.firstAuthorityToPlace }

    static func outcome(_ journey: Journey, on day: CalendarDate) -> RateTally.Outcome {
        journey.livesWithEPCarers(on: day) ? .counted : .notCounted
    }
}
