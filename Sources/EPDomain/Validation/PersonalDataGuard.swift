import Foundation

/// Refuses free text that carries a personal identifier. Cases are pseudonymous: an NHS
/// number, a postcode, an email address, a phone number, a National Insurance number or a date
/// of birth in a note would undo that. The refusal names the field and the kind of identifier,
/// never the value. (Names cannot be told from ordinary words reliably; the API documents that
/// notes must not hold them.)
///
/// One identifier can be written many ways, and a guard that knows only `943 476 5919` is passed
/// by `943.476.5919`. So text is folded first (`normalised`), and the patterns allow a run of
/// separators wherever a person might put one.
public enum PersonalDataGuard {
    public enum Identifier: String, CaseIterable, Sendable {
        case nhsNumber = "an NHS number"
        case postcode = "a postcode"
        case email = "an email address"
        case phoneNumber = "a phone number"
        case nationalInsuranceNumber = "a National Insurance number"
        case dateOfBirth = "a date of birth"
    }

    /// Checks free text (`note`, `reason`, acknowledgement notes, labels).
    public static func check(_ text: String, field: String) throws(ValidationError) {
        if let found = identifier(in: text) {
            throw .invalid(field, "\(field.split(separator: "/").last.map(String.init) ?? field) looks like it contains \(found.rawValue); eptrack holds no personal data, so remove it")
        }
    }

    /// Checks a case reference, which must not look like an identifier or hold a date at all:
    /// a date in an opaque code is most likely someone's birth date.
    public static func checkReference(_ reference: String) throws(ValidationError) {
        let folded = normalised(reference)
        if let found = identifier(in: reference) ?? (matches(numericDatePattern, folded) || containsCompactDate(folded) ? .dateOfBirth : nil) {
            throw .invalid("/reference", "a reference must be an opaque code, but this looks like \(found.rawValue)")
        }
    }

    public static func identifier(in text: String) -> Identifier? {
        let text = normalised(text)
        if containsNHSNumber(text) || matches(labelledNHSPattern, text) { return .nhsNumber }
        if matches(emailPattern, text) || matches(spelledEmailPattern, text) || matches(wordedEmailPattern, text) { return .email }
        if matches(nationalInsurancePattern, text) || matches(lowerCaseNationalInsurancePattern, text) { return .nationalInsuranceNumber }
        if matches(postcodePattern, text) { return .postcode }
        if matches(phonePattern, text) { return .phoneNumber }
        if containsDateOfBirth(text) { return .dateOfBirth }
        return nil
    }

    /// The text with look-alikes folded to one spelling, for matching only: NFKC turns full-width
    /// and other styled digits and letters into ASCII and no-break spaces into spaces; format
    /// characters (zero-width space and joiners, word joiner, BOM, soft hyphen) and stray
    /// combining marks are dropped, since they split a number without showing; every other space
    /// becomes " ", every dash "-", and the digits of other scripts ASCII digits.
    private static func normalised(_ text: String) -> String {
        var folded = String.UnicodeScalarView()
        for scalar in text.precomposedStringWithCompatibilityMapping.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .format, .nonspacingMark, .enclosingMark:
                continue
            case .spaceSeparator:
                folded.append(" ")
            case .dashPunctuation:
                folded.append("-")
            case .mathSymbol where scalar == "\u{2212}":  // the minus sign, which reads as a dash
                folded.append("-")
            case .decimalNumber:
                folded.append(Unicode.Scalar(UInt8(ascii: "0") + UInt8(scalar.properties.numericValue ?? 0)))
            default:
                folded.append(scalar)
            }
        }
        return String(folded)
    }

    // MARK: Patterns (matched against normalised text, ignoring case)

    /// A character people put between the parts of an identifier.
    private static let separator = #"[\s\-./()]"#

    // UK postcodes (SW1A 1AA, SW1A-1AA, SW1A1AA, M1 1AE, B33 8TH). The inward code's letters are
    // never C, I, K, M, O or V, which keeps a road and a distance ("off the M6 2km") out.
    private static let postcodePattern = pattern(#"\b[A-Z]{1,2}[0-9][A-Z0-9]?"# + separator + #"*[0-9][ABD-HJLNP-UW-Z]{2}\b"#)
    // (Matches start where a run of address characters starts: trying from inside a long run
    // would make the search quadratic, and find nothing more.)
    // Ten digits written as an NHS number and labelled as one ("NHS no 943 476 5918"), whatever
    // the check digit: a mistyped NHS number is still all but the child's.
    private static let labelledNHSPattern = pattern(
        #"\bNHS\b\s*(?:(?:no|number|num)\b\.?|#)?\s*:?\s*\d{3}[\s.\-]?\d{3}[\s.\-]?\d{4}(?!\d)"#
    )
    private static let emailPattern = pattern(#"(?<![A-Z0-9._%+-])[A-Z0-9._%+-]+@[A-Z0-9.-]+\.[A-Z]{2,}"#)
    // The same with the @ spaced out or spelled ("jane.smith @ example.com", "jane(at)example.com",
    // "jane [at] example [dot] com"), ending in a common top-level domain. The domain's own dots
    // are not spaced, and "Seen @ home.Mum ok" ends in no domain, so neither is an address.
    private static let topLevelDomain = #"(?:com|org|net|uk|gov|nhs|co|ac|edu|sch|info|io|me|biz)\b"#
    private static let spelledEmailPattern = pattern(
        #"(?<![A-Z0-9._%+-])[A-Z0-9._%+-]+\s*(?:@|[(\[]\s*at\s*[)\]])\s*[A-Z0-9-]+(?:(?:\.|\s*[(\[]\s*dot\s*[)\]]\s*)[A-Z0-9-]+)*(?:\.|\s*[(\[]\s*dot\s*[)\]]\s*)"#
            + topLevelDomain
    )
    // And written out in words: "jane dot smith at example dot com" (an "at" then a "dot", then
    // a top-level domain: "Mum at contact dot centre" is none).
    private static let wordedEmailPattern = pattern(
        #"\b[A-Z0-9._%+-]+(?:\s+dot\s+[A-Z0-9_%+-]+)*\s+at\s+[A-Z0-9-]+(?:\s+dot\s+[A-Z0-9-]+)*\s+dot\s+"# + topLevelDomain
    )
    // National Insurance numbers: two letters (not D, F, I, Q, U, V; second not O), six digits,
    // A-D. The two letters must be capitals, as NI numbers are printed: in lower case they are
    // more often a word before a date ("on 12-03-25 a care order was made").
    private static let nationalInsurancePattern = pattern(
        #"\b(?-i:[A-CEGHJ-PR-TW-Z]"# + separator + #"*[A-CEGHJ-NPR-TW-Z])(?:"# + separator + #"*\d){6}"# + separator + #"*[A-D]\b"#
    )
    // The same typed in lower or mixed case ("ni ab123456c", "Ab 12 34 56 c"), as notes are:
    // written as NI numbers are, the letters and pairs of digits together or a single space
    // apart, and not after a short word a date follows ("on 12 03 25 a hearing"). A date's
    // slashes, dots and dashes stay with the capitals' pattern.
    private static let lowerCaseNationalInsurancePattern = pattern(
        #"\b(?!(?:on|at|by|as|am|pm|we|he|me|my|be|or|an|ok)\b)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?(?:\d\d ?){3}[A-D]\b"#
    )
    // UK phone numbers. National: 0 and 9 or 10 more digits (07700 900123, (01632) 960123,
    // 07700.900.123), its first group at least three digits long, which no date or time
    // ("01.04.2025 10.30") has. International: +44 or 0044, then perhaps (0) or 0, then 9 or 10
    // digits (+44 (0)7700 900123, 0044 7700 900123). Not slashes: file numbers use them
    // ("0123/2025/01").
    // UK numbers: 0 and 9 or 10 more digits; +44, 0044 or a bare 44 before the national number
    // (447700900123); a mobile without its 0 (7700 900123: 071–075 and 077–079 are mobiles, so a
    // reference such as 7001234567 is none); every digit spaced apart (0 7 7 0 0 ...).
    private static let phonePattern = pattern(
        #"(?<![\d+])(?=\(?0(?:[\s.\-()]*\d){9,10}(?!\d))\(?0\d{2}"#
            + #"|(?:\+|(?<!\d)00|(?<![\d+])(?=44\d))\s*44[\s.\-]*(?:\(\s*0\s*\)|0)?(?:[\s.\-()]*\d){9,10}(?!\d)"#
            + #"|(?<![\d+])7[1-57-9]\d{2}[\s.\-]?\d{3}[\s.\-]?\d{3}(?![\d])"#
            + #"|(?<![\d+])0(?: \d){10}(?! ?\d)"#
    )
    // Numeric dates: 01/02/2024, 1-2-24, 2024-02-01, 01.02.2024.
    private static let numericDate = #"(?<!\d)(?:\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*(?:\d{4}|\d{2})|\d{4}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{1,2})(?!\d)"#
    private static let numericDatePattern = pattern(numericDate)
    // A full date (day, month and year) in the forms people write: the numeric ones, 3 April 2025,
    // 3rd of Apr '25, 03-Apr-2025, April 3rd, 2025, perhaps after a weekday ("Thursday, 3 April
    // 2025"). A year is required: a day and month alone ("family time moved to 3 April") is how
    // practice is written, not a birth date. The year is not a time's hour ("3 April, 10:30").
    private static let fullDatePattern: NSRegularExpression = {
        let weekday = #"(?:\b(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s*)?"#
        let day = #"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"#
        let month = #"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?"#
        let year = #"(?:\d{4}|'?\d{2})(?![:.]?\d)"#
        let dayFirst = #"\b"# + day + #"(?:\s+of)?[\s\-]*"# + month + #"[\s,\-]*"# + year
        // (The day ends on a word boundary, or "April 2025" would read as April 20, '25.)
        let monthFirst = #"\b"# + month + #"[\s\-]*"# + day + #"\b,?[\s\-]*"# + year
        return pattern(weekday + "(?:" + numericDate + "|" + dayFirst + "|" + monthFirst + ")")
    }()
    // Words that make a nearby date a birth date: born, DOB (D.O.B., d/o/b), date of birth,
    // birthday, birth date, birth registered (birth reg; not "birth registration booked for ..."),
    // a baby delivered. Not "birth" alone:
    // "pre-birth conference held 14/05/2025" is practice; nor "delivered" alone ("letter
    // delivered 12/03/2025").
    // A word may run straight into its date ("DoB12/03/2025", "born12/03/2025"), so it ends
    // before a letter, not at a word boundary; but "d o b" written apart must end at one ("do b4
    // the hearing" is no birth word).
    private static let birthWordPattern = pattern(
        #"\b(?:(?:born|dob|date\s+of\s+birth|birth\s?(?:day|date)s?|birth\s+reg(?:istered)?|(?:baby|infant)\s+(?:was\s+)?delivered)(?![a-z])|d[./ ]?o[./ ]?b\b\.?)"#
    )
    // "b." for born ("Baby Girl b. 12.03.25", "mother (b. 3 April 1990)"): a birth word only
    // straight before a date and after a word or "(", since "b." is also a list's second letter
    // ("a. 12/03/2025 strategy meeting; b. 14/05/2025 ICPC") and a label ("plan B.", "Part B.").
    private static let bornAbbreviationPattern = pattern(#"(?<![a-z0-9])b\.(?=\s*\d)"#)
    private static let letteredListPattern = pattern(#"(?<![a-z0-9])a[.)]\s*\d"#)
    private static let labelWords: Set<String> = [
        "plan", "part", "appendix", "annex", "option", "section", "schedule", "item", "step", "stage", "para",
        "paragraph", "point", "phase", "track", "exhibit", "table", "figure", "page", "question", "category",
        "type", "level", "tier", "list", "box", "form", "route", "scenario", "version", "bundle", "tab",
    ]
    // A day, month and year written with spaces between ("12 03 2025", "1 3 25"): read as a
    // date only beside a birth word, as "on 12 03 25 a hearing" is ordinary practice.
    private static let spacedDatePattern = pattern(#"(?<!\d)(?<!\d )(\d{1,2}) +(\d{1,2}) +(\d{4}|\d{2})(?! ?\d)"#)
    // Six or eight digits alone, which may be a date written without separators (`12032025`,
    // `20250312`, `120325`); `isCompactDate` says whether they read as one.
    private static let digitRunPattern = pattern(#"(?<!\d)(?:\d{8}|\d{6})(?!\d)"#)
    /// How many words may stand between a birth word and its date ("born at home on 3 April 2025").
    private static let birthWordReach = 4

    private static func pattern(_ source: String) -> NSRegularExpression {
        // The patterns are constants of this file: a typo fails every test at once.
        try! NSRegularExpression(pattern: source, options: [.caseInsensitive])
    }

    private static func matches(_ expression: NSRegularExpression, _ text: String) -> Bool {
        expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    private static func ranges(of expression: NSRegularExpression, in text: String) -> [Range<String.Index>] {
        expression.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { Range($0.range, in: text) }
    }

    // MARK: Dates of birth

    /// A full date with a birth word a few words before or after it in the same clause: "born
    /// on 3 April 2025", "DOB: 03/04/1990", "03/04/1990 (date of birth)", "DOB 12032025", or
    /// straight after "b." ("b. 12.03.25"). A date alone is
    /// ordinary practice ("hearing listed 14/05/2025") and passes, and so does one in the next
    /// clause ("Baby born 2 weeks early, hearing 14/05/2025").
    private static func containsDateOfBirth(_ text: String) -> Bool {
        let compact = ranges(of: digitRunPattern, in: text).filter { isCompactDate(text[$0].compactMap(\.wholeNumberValue)) }
        let spaced = spacedDatePattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match -> Range<String.Index>? in
            guard let day = Range(match.range(at: 1), in: text).flatMap({ Int(text[$0]) }),
                  let month = Range(match.range(at: 2), in: text).flatMap({ Int(text[$0]) }),
                  isDay(day, month) else { return nil }
            return Range(match.range, in: text)
        }
        let dates = ranges(of: fullDatePattern, in: text) + compact + spaced
        guard !dates.isEmpty else { return false }
        let lettered = matches(letteredListPattern, text)
        let abbreviated = !lettered && ranges(of: bornAbbreviationPattern, in: text).contains { b in
            isBornAbbreviation(before: text[..<b.lowerBound])
                && dates.contains { date in date.lowerBound >= b.upperBound && text[b.upperBound..<date.lowerBound].allSatisfy(\.isWhitespace) }
        }
        return abbreviated || ranges(of: birthWordPattern, in: text).contains { word in
            dates.contains { date in areNear(word, date, in: text) }
        }
    }

    /// Whether "b." after `before` reads as "born": after "(" or a word on the same line that is
    /// not a label ("plan", "part"), never where a sentence, clause, line or text begins.
    private static func isBornAbbreviation(before: Substring) -> Bool {
        let line = before.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).last ?? ""
        let trimmed = line.reversed().drop { $0 == " " || $0 == "\t" }
        guard let last = trimmed.first else { return false }
        if last == "(" { return true }
        guard last.isLetter else { return false }
        let word = String(trimmed.prefix { $0.isLetter }.reversed()).lowercased()
        return !labelWords.contains(word)
    }

    private static func areNear(_ one: Range<String.Index>, _ other: Range<String.Index>, in text: String) -> Bool {
        let (first, second) = one.lowerBound < other.lowerBound ? (one, other) : (other, one)
        let between = text[first.upperBound..<max(first.upperBound, second.lowerBound)]
        let words = between.split(whereSeparator: \.isWhitespace)
        // A clause ends at , ; ! ? or a word's final full stop ("Baby born. Hearing 14/05/2025").
        if words.contains(where: { $0.last == "." || $0.contains(where: ",;!?".contains) }) { return false }
        return words.filter { $0.contains(where: { $0.isLetter || $0.isNumber }) }.count <= birthWordReach
    }

    // MARK: Dates written without separators, in references

    /// A date written as digits alone, as references carry them: eight digits that read as a
    /// day, month and year (`10032025`, or `20250310` year first, years 1900 to 2099), or six
    /// that read as day, month and two-digit year (`100325`) next to a birth word (`DOB-100325`).
    /// Six digits alone are too often a serial number to refuse.
    private static func containsCompactDate(_ reference: String) -> Bool {
        let runs = reference.split { !$0.isASCII || !$0.isNumber }.map { $0.compactMap(\.wholeNumberValue) }
        let birthWord = matches(birthWordPattern, reference) || reference.lowercased().contains("dob")
        return runs.contains { digits in isCompactDate(digits) && (digits.count == 8 || birthWord) }
    }

    /// Whether a day and a month could be a date's (the year decides no more than this guard needs).
    private static func isDay(_ day: Int, _ month: Int) -> Bool { (1...12).contains(month) && (1...31).contains(day) }

    /// Whether digits written together read as a date: eight as day, month and year or year first
    /// (years 1900 to 2099), six as day, month and two-digit year.
    private static func isCompactDate(_ digits: [Int]) -> Bool {
        func number(_ range: Range<Int>) -> Int { digits[range].reduce(0) { $0 * 10 + $1 } }
        switch digits.count {
        case 8:
            let dayFirst = isDay(number(0..<2), number(2..<4)) && (1900...2099).contains(number(4..<8))
            let yearFirst = (1900...2099).contains(number(0..<4)) && isDay(number(6..<8), number(4..<6))
            return dayFirst || yearFirst
        case 6:
            return isDay(number(0..<2), number(2..<4))
        default:
            return false
        }
    }

    // MARK: NHS numbers

    /// Digits written together, and the separators written before them.
    private struct DigitGroup {
        var separator: Substring
        var digits: [Int]
    }

    // A group and the separators before it, matched from where the separators start (as the
    // email pattern is, for the same reason).
    private static let digitGroupPattern = pattern("((?<!\(separator))\(separator)*)(\\d+)")

    /// Ten digits whose last is the NHS modulus 11 check digit, made of whole digit groups that
    /// read as one number: unbroken, 3-3-4 with any separators, or any grouping with the same
    /// separators throughout (943.476.5919, 9 4 3 4 7 6 5 9 1 9). Groups joined by different
    /// separators, as a date and a time are ("14.05.25 10.30"), are not read as one.
    private static func containsNHSNumber(_ text: String) -> Bool {
        digitRuns(in: text).contains { run in
            run.indices.contains { start in
                var digits: [Int] = []
                var end = start
                while digits.count < 10, end < run.endIndex {
                    digits += run[end].digits
                    end += 1
                }
                let groups = run[start..<end]
                let readsAsOne = groups.map(\.digits.count) == [3, 3, 4] || Set(groups.dropFirst().map(\.separator)).count <= 1
                return digits.count == 10 && readsAsOne && passesModulus11(digits)
            }
        }
    }

    /// The text's runs of digit groups joined only by separators ("Tel 07700 900123" has one run
    /// of two groups).
    private static func digitRuns(in text: String) -> [[DigitGroup]] {
        var runs: [[DigitGroup]] = []
        var previousEnd = -1
        for match in digitGroupPattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            guard let separator = Range(match.range(at: 1), in: text), let digits = Range(match.range(at: 2), in: text) else { continue }
            let group = DigitGroup(separator: text[separator], digits: text[digits].compactMap(\.wholeNumberValue))
            if match.range.location == previousEnd {
                runs[runs.count - 1].append(group)
            } else {
                runs.append([group])
            }
            previousEnd = NSMaxRange(match.range)
        }
        return runs
    }

    private static func passesModulus11(_ digits: [Int]) -> Bool {
        let sum = zip(digits.prefix(9), (2...10).reversed()).reduce(0) { $0 + $1.0 * $1.1 }
        let check = (11 - sum % 11) % 11
        return check != 10 && check == digits[9]
    }
}
