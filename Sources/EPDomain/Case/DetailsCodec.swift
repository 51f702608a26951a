/// Turns the flat `details` object a client sends into typed `MilestoneDetails` and back.
/// Unknown keys, wrong types, values outside their lists and missing required keys are refused,
/// each naming the key as `/details/<key>`.
public enum DetailsCodec {
    public static let maxTextLength = 200
    public static let maxLabelLength = 16

    /// Up to four letters, an optional `-`, then one to three digits: `VA-1`, `MGM2`, `PA-12`.
    static func isCode(_ text: String) -> Bool {
        let letters = text.prefix { $0.isLetter }
        var rest = text.dropFirst(letters.count)
        if rest.first == "-" { rest = rest.dropFirst() }
        return (1...4).contains(letters.count) && (1...3).contains(rest.count) && rest.allSatisfy(\.isNumber)
    }
    /// The weeks of pregnancy a `gestation_weeks` detail may give.
    public static let gestationWeeks = 10...42

    public static func decode(kind: MilestoneKind, _ raw: [String: DetailValue]) throws(ValidationError) -> MilestoneDetails {
        try decode(kind: kind, raw, checkingText: true)
    }

    /// Details as they were stored: read the same way, except that free text is taken as it was
    /// accepted when recorded. Free-text rules may tighten (control characters were once let
    /// through); an older record must still be shown, not make its case unreadable.
    public static func decodeStored(kind: MilestoneKind, _ raw: [String: DetailValue]) throws(ValidationError) -> MilestoneDetails {
        try decode(kind: kind, raw, checkingText: false)
    }

    private static func decode(
        kind: MilestoneKind, _ raw: [String: DetailValue], checkingText: Bool
    ) throws(ValidationError) -> MilestoneDetails {
        var reader = Reader(kind: kind, raw: raw, checkingText: checkingText)
        let details: MilestoneDetails
        switch kind {
        case .preBirthConference:
            details = .preBirthConference(gestationWeeks: try reader.optionalInteger("gestation_weeks", in: gestationWeeks))
        case .preBirthAssessmentStarted, .birth:
            details = try reader.optionalInteger("gestation_weeks", in: gestationWeeks).map { MilestoneDetails.gestation(weeks: $0) } ?? MilestoneDetails.none
        case .viabilityAssessment:
            let status: ViabilityAssessment.Status = try reader.required("status")
            let outcome: ViabilityAssessment.Outcome? = try reader.optional("outcome")
            if status == .completed, outcome == nil {
                throw .invalid("/details/outcome", "a completed viability assessment needs an outcome: positive or negative")
            }
            if status == .started, outcome != nil {
                throw .invalid("/details/outcome", "an outcome is recorded with status completed, not started")
            }
            details = .viabilityAssessment(ViabilityAssessment(
                assessment: try reader.label("assessment"),
                relationship: try reader.required("relationship"),
                // Absent on every record made before stages existed: those were viability assessments.
                stage: try reader.optional("stage") ?? .viability,
                status: status,
                outcome: outcome
            ))
        case .paternityTest:
            details = .paternityTest(status: try reader.required("status"))
        case .epConsideration:
            details = .epConsideration(outcome: try reader.required("outcome"), reason: try reader.optionalText("reason"))
        case .epCarersLinked:
            details = .epCarersLinked(route: try reader.required("route"))
        case .reg25aDecision:
            details = .reg25aDecision(outcome: try reader.required("outcome"))
        case .interimPlacement:
            details = .interimPlacement(placementType: try reader.required("placement_type"))
        case .epPlacement:
            details = .epPlacement(scheme: try reader.required("scheme"), placedFrom: try reader.required("placed_from"))
        case .placementConsent:
            details = .placementConsent(outcome: try reader.required("outcome"))
        case .familyTime:
            details = .familyTime(status: try reader.required("status"), supervised: try reader.optionalBoolean("supervised"))
        case .timetableExtension:
            guard let weeks = try reader.optionalInteger("weeks", in: 1...8) else {
                throw .invalid("/details/weeks", "a timetable extension needs weeks: 1 to 8")
            }
            details = .timetableExtension(weeks: weeks)
        case .courtDecision:
            details = .courtDecision(outcome: try reader.required("outcome"))
        case .adoptionPanel:
            details = .adoptionPanel(outcome: try reader.required("outcome"))
        case .admMatchDecision:
            details = .admMatchDecision(outcome: try reader.required("outcome"), adopters: try reader.required("adopters"))
        case .caseClosed:
            guard let reason = try reader.optionalText("reason") else {
                throw .invalid("/details/reason", "closing a case needs a reason")
            }
            details = .caseClosed(reason: reason)
        case .adoptionRequest, .ploPreProceedings, .familyGroupConference, .parentsInformedOfEP, .proceedingsIssued,
             .enteredCare, .section19Application, .familyTimePlan, .panelMinutesReceived, .reunificationPlan,
             .reunification, .placedForAdoption, .adoptionOrder:
            details = .none
        }
        try reader.refuseUnreadKeys()
        return details
    }

    public static func encode(_ details: MilestoneDetails) -> [String: DetailValue] {
        var raw: [String: DetailValue] = [:]
        func put(_ key: String, _ value: (some RawRepresentable<String>)?) {
            if let value { raw[key] = .string(value.rawValue) }
        }
        switch details {
        case .none:
            break
        case .preBirthConference(let weeks):
            if let weeks { raw["gestation_weeks"] = .integer(weeks) }
        case .gestation(let weeks):
            raw["gestation_weeks"] = .integer(weeks)
        case .viabilityAssessment(let assessment):
            raw["assessment"] = .string(assessment.assessment)
            put("relationship", assessment.relationship)
            // The default is left out, so what was stored before stages existed is written as it was.
            if assessment.stage != .viability { put("stage", assessment.stage) }
            put("status", assessment.status)
            put("outcome", assessment.outcome)
        case .paternityTest(let status):
            put("status", status)
        case .epConsideration(let outcome, let reason):
            put("outcome", outcome)
            if let reason { raw["reason"] = .string(reason) }
        case .epCarersLinked(let route):
            put("route", route)
        case .reg25aDecision(let outcome):
            put("outcome", outcome)
        case .placementConsent(let outcome):
            put("outcome", outcome)
        case .interimPlacement(let placementType):
            put("placement_type", placementType)
        case .epPlacement(let scheme, let placedFrom):
            put("scheme", scheme)
            put("placed_from", placedFrom)
        case .familyTime(let status, let supervised):
            put("status", status)
            if let supervised { raw["supervised"] = .boolean(supervised) }
        case .timetableExtension(let weeks):
            raw["weeks"] = .integer(weeks)
        case .courtDecision(let outcome):
            put("outcome", outcome)
        case .adoptionPanel(let outcome):
            put("outcome", outcome)
        case .admMatchDecision(let outcome, let adopters):
            put("outcome", outcome)
            put("adopters", adopters)
        case .caseClosed(let reason):
            raw["reason"] = .string(reason)
        }
        return raw
    }

    /// Reads keys one at a time and remembers which were read, so that whatever is left over
    /// is an unknown key.
    private struct Reader {
        let kind: MilestoneKind
        var unread: [String: DetailValue]
        /// False for stored details (`decodeStored`).
        let checkingText: Bool

        init(kind: MilestoneKind, raw: [String: DetailValue], checkingText: Bool) {
            self.kind = kind
            self.unread = raw
            self.checkingText = checkingText
        }

        mutating func take(_ key: String) -> DetailValue? { unread.removeValue(forKey: key) }

        mutating func optional<T: RawRepresentable<String> & CaseIterable>(_ key: String) throws(ValidationError) -> T? {
            guard let value = take(key) else { return nil }
            guard case .string(let text) = value else {
                throw .invalid("/details/\(key)", "expected one of \(Self.allowed(T.self)), got \(value.typeName)")
            }
            guard let typed = T(rawValue: text) else {
                throw .invalid("/details/\(key)", "\(key) must be one of \(Self.allowed(T.self))")
            }
            return typed
        }

        mutating func required<T: RawRepresentable<String> & CaseIterable>(_ key: String) throws(ValidationError) -> T {
            guard let value: T = try optional(key) else {
                throw .invalid("/details/\(key)", "\(kind.rawValue) needs \(key): one of \(Self.allowed(T.self))")
            }
            return value
        }

        /// The values a coded key takes, for its error messages (built only when one is needed).
        private static func allowed<T: RawRepresentable<String> & CaseIterable>(_: T.Type) -> String {
            T.allCases.map(\.rawValue).joined(separator: ", ")
        }

        mutating func optionalInteger(_ key: String, in range: ClosedRange<Int>) throws(ValidationError) -> Int? {
            guard let value = take(key) else { return nil }
            guard case .integer(let number) = value else {
                throw .invalid("/details/\(key)", "expected an integer, got \(value.typeName)")
            }
            guard range.contains(number) else {
                throw .invalid("/details/\(key)", "\(key) must be between \(range.lowerBound) and \(range.upperBound), got \(number)")
            }
            return number
        }

        mutating func optionalBoolean(_ key: String) throws(ValidationError) -> Bool? {
            guard let value = take(key) else { return nil }
            guard case .boolean(let flag) = value else {
                throw .invalid("/details/\(key)", "expected true or false, got \(value.typeName)")
            }
            return flag
        }

        mutating func optionalText(_ key: String) throws(ValidationError) -> String? {
            guard let value = take(key) else { return nil }
            guard case .string(let text) = value else {
                throw .invalid("/details/\(key)", "expected a string, got \(value.typeName)")
            }
            guard checkingText else { return text }
            // Personal data too: whatever a client writes is checked where it is read.
            return try FreeText.check(text, field: "/details/\(key)", limit: DetailsCodec.maxTextLength)
        }

        /// A short code such as `VA-1`: letters, digits and `-`, at most 16 characters.
        mutating func label(_ key: String) throws(ValidationError) -> String {
            guard let value = take(key) else {
                throw .invalid("/details/\(key)", "\(kind.rawValue) needs \(key): a short label such as VA-1 pairing its start and completion")
            }
            guard case .string(let text) = value, !text.isEmpty, text.count <= DetailsCodec.maxLabelLength,
                  text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) else {
                throw .invalid("/details/\(key)", "\(key) must be a short code of letters, digits and -, at most \(DetailsCodec.maxLabelLength) characters")
            }
            // A code has room for an NHS number, a postcode or a phone number.
            if checkingText { try PersonalDataGuard.check(text, field: "/details/\(key)") }
            return text
        }

        func refuseUnreadKeys() throws(ValidationError) {
            guard let key = unread.keys.sorted().first else { return }
            throw .invalid("/details/\(key)", "\(kind.rawValue) has no detail called \(key)")
        }
    }
}

extension String {
    var trimmingWhitespace: String {
        var text = Substring(self)
        while text.first?.isWhitespace == true { text.removeFirst() }
        while text.last?.isWhitespace == true { text.removeLast() }
        return String(text)
    }
}
