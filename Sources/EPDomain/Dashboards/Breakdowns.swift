/// The equality breakdowns of EP conversion, EP share and EP considered (Standard 1.4): every
/// child who may be adopted is to be considered for EP, whatever their ethnicity, age,
/// disability or sibling group.
enum Dimension: Int, CaseIterable, Sendable {
    case ethnicityGroup, ageBand, siblingGroup, disability

    /// `allCases`, kept: the tally walks it for every child.
    static let all = allCases

    /// The key of the figure's breakdown, `ethnicity_group=black`.
    var key: String {
        switch self {
        case .ethnicityGroup: "ethnicity_group"
        case .ageBand: "age_band"
        case .siblingGroup: "sibling_group"
        case .disability: "disability"
        }
    }

    /// Every value, in report order; a child's value is an index into this.
    var values: [String] {
        switch self {
        case .ethnicityGroup: EthnicityGroup.allCases.map(\.rawValue)
        case .ageBand: AgeBand.allCases.map(\.rawValue)
        case .siblingGroup: ["1", "2_plus"]
        case .disability: ["yes", "no"]
        }
    }
}

/// A child's age at the start of planning, in the bands the dashboards use.
enum AgeBand: String, CaseIterable, Sendable {
    case unborn
    case underOneMonth = "under_1_month"
    case oneToSixMonths = "1_to_6_months"
    case sixToTwelveMonths = "6_to_12_months"
    case oneToTwoYears = "1_to_2_years"
    case twoYearsAndOver = "2_years_and_over"
    /// Born before the case was opened, but the birth is not recorded: the age is unknown, and
    /// counting the child as unborn would flatter the pre-birth figures.
    case notKnown = "not_known"

    /// Unborn when the birth came after `start`, or is not recorded yet for a child unborn at
    /// referral; otherwise by calendar months from birth (a child born on 10 March is under 1
    /// month until 9 April inclusive).
    init(birth: CalendarDate?, unbornAtReferral: Bool, start: CalendarDate) {
        guard let birth else { self = unbornAtReferral ? .unborn : .notKnown; return }
        guard birth <= start else { self = .unborn; return }
        if start < birth.adding(months: 1) {
            self = .underOneMonth
        } else if start < birth.adding(months: 6) {
            self = .oneToSixMonths
        } else if start < birth.adding(months: 12) {
            self = .sixToTwelveMonths
        } else if start < birth.adding(months: 24) {
            self = .oneToTwoYears
        } else {
            self = .twoYearsAndOver
        }
    }
}

/// One child's value in each dimension, as indices into `Dimension.values`.
struct ChildGroups: Sendable {
    private let ethnicity: Int
    private let age: Int
    private let siblings: Int
    private let disability: Int

    /// `start` is the start of planning, or failing that the journey's first milestone.
    init(profile: ChildProfile, birth: CalendarDate?, start: CalendarDate) {
        ethnicity = Self.ethnicityGroups.firstIndex(of: profile.ethnicity.group)!
        age = Self.ageBands.firstIndex(of: AgeBand(birth: birth, unbornAtReferral: profile.unborn, start: start))!
        siblings = profile.siblingGroupSize <= 1 ? 0 : 1
        disability = profile.disability ? 0 : 1
    }

    private static let ethnicityGroups = EthnicityGroup.allCases
    private static let ageBands = AgeBand.allCases

    subscript(dimension: Dimension) -> Int {
        switch dimension {
        case .ethnicityGroup: ethnicity
        case .ageBand: age
        case .siblingGroup: siblings
        case .disability: disability
        }
    }
}
