/// A case-level CSV for an LA's own analysis (Excel, Power BI), generalised as
/// docs/design.md §2.8 asks of anything that leaves the agency: no reference, month of birth instead of
/// the date, and every milestone as whole weeks from the start of planning.
public enum CaseExport {
    /// The milestones exported, each as weeks from the start of planning to its first occurrence.
    static let milestones: [MilestoneKind] = [
        .preBirthConference, .ploPreProceedings, .epConsideration, .proceedingsIssued, .enteredCare,
        .epPlacement, .familyTimePlan, .courtDecision, .adoptionPanel, .admMatchDecision, .reunification, .adoptionOrder,
    ]

    public static let header: [String] = [
        "case_id", "local_authority", "sex", "ethnicity", "ethnicity_group", "sibling_group_size", "disability",
        "unborn_at_referral", "birth_month", "start_of_planning_month", "state", "ep_recommended", "ep_scheme",
        "ssda903_placement_code", "court_outcome",
    ] + milestones.map { "weeks_to_\($0.rawValue)" }

    /// One row per case, in the order given.
    public static func csv(_ cases: [Case]) -> String {
        var text = DashboardCSV.row(header)
        for subject in cases {
            text += DashboardCSV.row(row(subject))
        }
        return text
    }

    static func row(_ subject: Case) -> [String] {
        let journey = subject.journey
        let profile = subject.profile
        let start = journey.startOfPlanning
        var scheme = ""
        if case .epPlacement(let chosen, _)? = journey.first(.epPlacement)?.details { scheme = chosen.rawValue }
        var court = ""
        if case .courtDecision(let outcome)? = journey.first(.courtDecision)?.details { court = outcome.rawValue }
        let fields: [String] = [
            subject.id.uuidString.lowercased(), subject.localAuthority, profile.sex.rawValue, profile.ethnicity.rawValue,
            profile.ethnicity.group.rawValue, String(profile.siblingGroupSize), profile.disability ? "yes" : "no",
            profile.unborn ? "yes" : "no", journey.birth.map(month) ?? "", start.map(month) ?? "", journey.state.rawValue,
            journey.epRecommendation == nil ? "no" : "yes", scheme,
            // An EP placement is a foster placement with carers also approved as adopters: SSDA903
            // U5 (other foster carer), or U2 when the carers are family or friends (not recorded here).
            journey.contains(.epPlacement) ? "U5" : "", court,
        ]
        return fields + milestones.map { kind in
            guard let start, let day = journey.firstOn(kind) else { return "" }
            return String(Int((Double(start.days(until: day)) / 7).rounded(.down)))
        }
    }

    private static func month(_ day: CalendarDate) -> String {
        let (year, month, _) = day.components
        return YearMonth(year: year, month: month)?.description ?? ""
    }
}
