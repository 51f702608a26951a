/// The categorical profile of a child, kept only for equality monitoring (Standard 1.4).
/// Nothing here identifies a child: codes, a count, flags and a month.
public struct ChildProfile: Hashable, Sendable {
    public var sex: Sex
    public var ethnicity: Ethnicity
    public var siblingGroupSize: Int
    public var disability: Bool
    public var unborn: Bool
    /// `YYYY-MM`; required when `unborn`, since the pre-birth conference deadline is estimated from it.
    public var expectedBirthMonth: YearMonth?

    public init(
        sex: Sex, ethnicity: Ethnicity, siblingGroupSize: Int = 1, disability: Bool = false,
        unborn: Bool = false, expectedBirthMonth: YearMonth? = nil
    ) {
        self.sex = sex
        self.ethnicity = ethnicity
        self.siblingGroupSize = siblingGroupSize
        self.disability = disability
        self.unborn = unborn
        self.expectedBirthMonth = expectedBirthMonth
    }

    public static let siblingGroupSizes = 1...12
}

public enum Sex: String, CaseIterable, Hashable, Sendable {
    case male, female
    /// Not yet known (an unborn child) or not recorded.
    case notKnown = "not_known"
}

/// The 20 ethnicity codes of the DfE SSDA903 return.
public enum Ethnicity: String, CaseIterable, Hashable, Sendable {
    case WBRI, WIRI, WOTH, WIRT, WROM
    case MWBC, MWBA, MWAS, MOTH
    case AIND, APKN, ABAN, AOTH
    case BCRB, BAFR, BOTH
    case CHNE, OOTH, REFU, NOBT

    /// The broad groups dashboards break figures down by.
    public var group: EthnicityGroup {
        switch self {
        case .WBRI, .WIRI, .WOTH, .WIRT, .WROM: .white
        case .MWBC, .MWBA, .MWAS, .MOTH: .mixed
        case .AIND, .APKN, .ABAN, .AOTH: .asian
        case .BCRB, .BAFR, .BOTH: .black
        case .CHNE, .OOTH: .other
        case .REFU, .NOBT: .notKnown
        }
    }
}

public enum EthnicityGroup: String, CaseIterable, Hashable, Sendable {
    case white, mixed, asian, black, other
    case notKnown = "not_known"
}

/// A month without a day (`YYYY-MM`): how an expected birth is recorded, and how dates leave
/// the owning agency in exports.
public struct YearMonth: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    /// The years a month may fall in.
    public static let years = 1900...2999

    public init?(year: Int, month: Int) {
        guard Self.years.contains(year), (1...12).contains(month) else { return nil }
        self.year = year
        self.month = month
    }

    public init?(iso text: some StringProtocol) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard text.count == 7, parts.count == 2, parts[0].count == 4, parts[1].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]) else { return nil }
        self.init(year: year, month: month)
    }

    public var description: String { (month < 10 ? "\(year)-0\(month)" : "\(year)-\(month)") }

    public func day(_ day: Int) -> CalendarDate? { CalendarDate(year: year, month: month, day: day) }

    public static func < (lhs: YearMonth, rhs: YearMonth) -> Bool {
        (lhs.year, lhs.month) < (rhs.year, rhs.month)
    }
}
