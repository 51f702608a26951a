import Foundation

/// Refuses free text that carries a personal identifier. Cases are pseudonymous: an NHS
/// number, a postcode, an email address, a phone number or a National Insurance number in a
/// note would undo that. The refusal names the field and the kind of identifier, never the
/// value. (Names cannot be told from ordinary words reliably; the API documents that notes
/// must not hold them.)
public enum PersonalDataGuard {
    public enum Identifier: String, CaseIterable, Sendable {
        case nhsNumber = "an NHS number"
        case postcode = "a postcode"
        case email = "an email address"
        case phoneNumber = "a phone number"
        case nationalInsuranceNumber = "a National Insurance number"
        case dateOfBirth = "a date"
    }

    /// Checks free text (`note`, `reason`, acknowledgement notes, labels).
    public static func check(_ text: String, field: String) throws(ValidationError) {
        if let found = identifier(in: text) {
            throw .invalid(field, "\(field.split(separator: "/").last.map(String.init) ?? field) looks like it contains \(found.rawValue); eptrack holds no personal data, so remove it")
        }
    }

    /// Checks a case reference, which must not look like an identifier or a date of birth either.
    public static func checkReference(_ reference: String) throws(ValidationError) {
        if let found = identifier(in: reference) ?? (matches(datePattern, reference) ? .dateOfBirth : nil) {
            throw .invalid("/reference", "a reference must be an opaque code, but this looks like \(found.rawValue)")
        }
    }

    public static func identifier(in text: String) -> Identifier? {
        if containsNHSNumber(text) { return .nhsNumber }
        if matches(emailPattern, text) { return .email }
        if matches(nationalInsurancePattern, text) { return .nationalInsuranceNumber }
        if matches(postcodePattern, text) { return .postcode }
        if matches(phonePattern, text) { return .phoneNumber }
        return nil
    }

    // UK postcodes (e.g. SW1A 1AA, M1 1AE, B33 8TH), on word boundaries, any case.
    private static let postcodePattern = pattern(#"\b[A-Z]{1,2}[0-9][A-Z0-9]?\s*[0-9][A-Z]{2}\b"#)
    private static let emailPattern = pattern(#"[A-Z0-9._%+-]+@[A-Z0-9.-]+\.[A-Z]{2,}"#)
    // National Insurance numbers: two letters (not D, F, I, Q, U, V; second not O), six digits, A-D.
    private static let nationalInsurancePattern = pattern(#"\b[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D]\b"#)
    // UK phone numbers: 0 or +44 then 9 or 10 more digits, spaces or dashes allowed between.
    private static let phonePattern = pattern(#"(?<![\d])(?:\+44\s?|0)(?:\d[\s-]?){9,10}(?![\d])"#)
    // Dates as people write them: 01/02/2024, 1-2-24, 2024-02-01, 01.02.2024.
    private static let datePattern = pattern(#"\b(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}[/.-]\d{1,2}[/.-]\d{1,2})\b"#)

    private static func pattern(_ source: String) -> NSRegularExpression {
        // The patterns are constants of this file: a typo fails every test at once.
        try! NSRegularExpression(pattern: source, options: [.caseInsensitive])
    }

    private static func matches(_ expression: NSRegularExpression, _ text: String) -> Bool {
        expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// Ten digits, alone or spaced 3-3-4, whose last digit is the NHS modulus 11 check digit.
    static func containsNHSNumber(_ text: String) -> Bool {
        var run: [Int] = []
        var previousWasDigit = false
        func check() -> Bool {
            defer { run = [] }
            guard run.count == 10 else { return false }
            let sum = zip(run.prefix(9), (2...10).reversed()).reduce(0) { $0 + $1.0 * $1.1 }
            let check = 11 - sum % 11
            return check != 10 && (check == 11 ? 0 : check) == run[9]
        }
        for character in text {
            if let digit = character.wholeNumberValue, character.isASCII {
                run.append(digit)
                previousWasDigit = true
            } else if (character == " " || character == "-") && previousWasDigit && run.count < 10 {
                previousWasDigit = false
            } else {
                if check() { return true }
                previousWasDigit = false
            }
        }
        return check()
    }
}
