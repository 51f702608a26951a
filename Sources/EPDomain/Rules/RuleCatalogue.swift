/// Every rule the engine knows, in catalogue order (docs/design.md §3.5). Adding a rule means
/// writing its file and adding it here, nothing more.
public enum RuleCatalogue {
    public static let all: [Rule] = [
        .epConsideredEarly,
        .epBeforeIssue,
        .viabilityTimely,
        .sequentialPlanning,
        .prebirthConferenceTimely,
        .epReadyBeforeBirth,
        .paternityPrompt,
        .parentsInformed,
        .twentySixWeeks,
        .reg25aTimely,
        .approvalBeforePlacement,
        .placementAfterRecommendation,
        .avoidableMove,
        .familyTimePlan,
        .formalMatchTimely,
        .admAfterPanel,
        .entryToFamily,
        .reunificationPlanned,
    ]

    private static let byID = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })

    public static func rule(id: String) -> Rule? { byID[id] }
}
