/// The checks every piece of free text passes (notes, correction reasons, text details,
/// acknowledgements, agency names): a length limit counted as the contract counts it (Unicode
/// code points of the value as sent, before any trimming), no control characters (PostgreSQL
/// refuses NUL, and none belongs in a note), nothing blank, and no personal data.
public enum FreeText {
    /// Returns the text with surrounding whitespace removed, for storing.
    public static func check(
        _ text: String, field: String, limit: Int, personalData: Bool = true
    ) throws(ValidationError) -> String {
        let name = field.split(separator: "/").last.map(String.init) ?? field
        guard text.unicodeScalars.count <= limit else {
            throw .invalid(field, "\(name) is limited to \(limit) characters")
        }
        if text.unicodeScalars.contains(where: isControl) {
            throw .invalid(field, "\(name) contains a control character; only printable text, line breaks and tabs are allowed")
        }
        let trimmed = text.trimmingWhitespace
        guard !trimmed.isEmpty else { throw .invalid(field, "\(name) must not be blank") }
        if personalData { try PersonalDataGuard.check(trimmed, field: field) }
        return trimmed
    }

    /// C0 and C1 controls and DEL, but for tab, line feed and carriage return.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: false
        case 0x00...0x1F, 0x7F...0x9F: true
        default: false
        }
    }
}
