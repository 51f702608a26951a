/// Checks on the parts of a case a client writes directly: its reference and its profile.
public enum ProfileValidator {
    public static let referenceLength = 3...32

    /// A case reference is the LA's own opaque code: letters, digits, `-` and `/`.
    /// (The personal-data guard adds its own checks on top of this format.)
    public static func check(reference: String) throws(ValidationError) {
        try checkFormat(reference: reference)
        try PersonalDataGuard.checkReference(reference)
    }

    /// The reference's form alone: 3 to 32 ASCII letters, digits, `-` or `/`.
    public static func checkFormat(reference: String) throws(ValidationError) {
        guard referenceLength.contains(reference.count),
              reference.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "/") }) else {
            throw .invalid("/reference", "reference must be an opaque code of 3 to 32 letters, digits, - or /")
        }
    }

    /// How many months after today an unborn child's expected birth may be: a pregnancy lasts
    /// about nine. (Before today it may be as far back as a milestone may, as a case is often
    /// entered after the work began.) Outside these the month is a slip: 1900, or 2207 for 2027.
    public static let expectedBirthMonthsAhead = 10

    public static func check(expectedBirth month: YearMonth, today: CalendarDate) throws(ValidationError) {
        let (year, current, _) = today.components
        let ahead = (month.year - year) * 12 + (month.month - current)
        guard (-12 * Case.reachBackYears...expectedBirthMonthsAhead).contains(ahead) else {
            throw .invalid(
                "/profile/expected_birth_month",
                "expected_birth_month \(month) is more than \(ahead > 0 ? "\(expectedBirthMonthsAhead) months after" : "\(Case.reachBackYears) years before") today (\(today))"
            )
        }
    }

    public static func check(_ profile: ChildProfile) throws(ValidationError) {
        guard ChildProfile.siblingGroupSizes.contains(profile.siblingGroupSize) else {
            throw .invalid(
                "/profile/sibling_group_size",
                "sibling_group_size counts the child and the siblings placed with them: 1 to \(ChildProfile.siblingGroupSizes.upperBound)"
            )
        }
        if profile.unborn, profile.expectedBirthMonth == nil {
            throw .invalid("/profile/expected_birth_month", "a case opened for an unborn child needs expected_birth_month (YYYY-MM)")
        }
        if !profile.unborn, profile.expectedBirthMonth != nil {
            throw .invalid("/profile/expected_birth_month", "expected_birth_month is only recorded for a child unborn at referral")
        }
    }

    /// Parses a DfE SSDA903 ethnicity code, refusing anything outside the 20 codes.
    public static func ethnicity(_ code: String) throws(ValidationError) -> Ethnicity {
        guard let ethnicity = Ethnicity(rawValue: code) else {
            throw .invalid("/profile/ethnicity", "ethnicity must be one of the 20 DfE SSDA903 codes, e.g. WBRI, MWBC, BAFR, NOBT")
        }
        return ethnicity
    }
}
