/// The checks every piece of free text passes (notes, correction reasons, text details,
/// acknowledgements, agency names): a length limit counted as the contract counts it (Unicode
/// code points of the value as sent, before any trimming), no control characters (PostgreSQL
/// refuses NUL, and none belongs in a note) and no bidirectional overrides (which make text
/// read differently from what is stored), nothing blank, and no personal data.
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
        if text.unicodeScalars.contains(where: isBidirectionalControl) {
            throw .invalid(field, "\(name) contains a right-to-left or left-to-right override, which would show the text in another order than it is stored")
        }
        guard !isBlank(text) else { throw .invalid(field, "\(name) must not be blank") }
        let trimmed = text.trimmingWhitespace
        if personalData { try PersonalDataGuard.check(trimmed, field: field) }
        return trimmed
    }

    /// Whether nothing in the text shows: only whitespace, and characters that draw nothing
    /// (zero-width spaces and joiners, the byte order mark, soft hyphens, fillers such as the
    /// Hangul filler, the blank Braille pattern, combining marks with nothing to combine with).
    /// A reason made of them would be no reason.
    public static func isBlank(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in
            let properties = scalar.properties
            switch properties.generalCategory {
            case .format, .nonspacingMark, .enclosingMark, .spaceSeparator, .lineSeparator, .paragraphSeparator, .control:
                return true
            default:
                return properties.isWhitespace || properties.isDefaultIgnorableCodePoint || scalar == "\u{2800}"
            }
        }
    }

    /// The embedding, override and isolate controls of the bidirectional algorithm (U+202A–U+202E,
    /// U+2066–U+2069), which reorder how text is shown. (The plain marks, U+200E and U+200F, only
    /// set a direction and are allowed.)
    public static func isBidirectionalControl(_ scalar: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
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
