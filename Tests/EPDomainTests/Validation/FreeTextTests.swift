import EPDomain
import Testing

/// Free text is measured as the contract measures it and refuses what a database or a reader
/// should never get.
@Suite struct FreeTextTests {
    @Test func theLimitCountsEveryCharacterAsSent() throws {
        let fits = String(repeating: "a", count: 500)
        #expect(try FreeText.check(fits, field: "/note", limit: 500) == fits)
        // Trailing space and a combining accent count: 501 code points are over 500.
        #expect(throws: ValidationError.self) { try FreeText.check(fits + " ", field: "/note", limit: 500) }
        #expect(throws: ValidationError.self) { try FreeText.check(String(repeating: "a", count: 499) + "e\u{301}", field: "/note", limit: 500) }
    }

    @Test func controlCharactersAreRefusedButLineBreaksAndTabsAreText() throws {
        for bad in ["Seen\u{0}", "IRO\u{7}review", "panel\u{1B}[31m", "x\u{85}y"] {
            let error = #expect(throws: ValidationError.self) { try FreeText.check(bad, field: "/note", limit: 500) }
            #expect(error?.detail.contains("control character") == true, "\(bad.unicodeScalars.map(\.value))")
        }
        #expect(try FreeText.check("Discussed at panel.\n\tParents informed.\r\n", field: "/note", limit: 500) == "Discussed at panel.\n\tParents informed.")
    }

    @Test func blankTextAndPersonalDataAreRefused() {
        #expect(throws: ValidationError.self) { try FreeText.check(" \n ", field: "/reason", limit: 200) }
        #expect(throws: ValidationError.self) { try FreeText.check("Mother at NW1 4NP", field: "/reason", limit: 200) }
    }

    /// A reason typed as zero-width spaces, a byte order mark, a word joiner, a soft hyphen, the
    /// Hangul filler or a blank Braille pattern shows nothing: it is no reason, and is refused as
    /// blank. Text around one of them is text.
    @Test func textThatShowsNothingIsBlank() throws {
        for invisible in ["\u{200B}\u{200B}", "\u{FEFF}", "\u{2060} ", "\u{00AD}", "\u{3164}", "\u{2800}", " \u{200D}\n", "\u{301}"] {
            let error = #expect(throws: ValidationError.self) { try FreeText.check(invisible, field: "/reason", limit: 200) }
            #expect(error?.detail == "reason must not be blank", "\(invisible.unicodeScalars.map(\.value))")
        }
        #expect(try FreeText.check("\u{200B}Entered in error", field: "/reason", limit: 200) == "\u{200B}Entered in error")
        #expect(try FreeText.check("Réunion familiale annulée", field: "/reason", limit: 200) == "Réunion familiale annulée")
    }

    /// Overrides and isolates reorder how a note is shown ("Parents agreed" read backwards, or a
    /// date turned round): refused. The plain direction marks are allowed (Arabic or Hebrew text).
    @Test func bidirectionalOverridesAreRefused() throws {
        for reordering in ["Parents \u{202E}deerga\u{202C}", "\u{2067}panel 12/03\u{2069}", "\u{202A}x"] {
            let error = #expect(throws: ValidationError.self) { try FreeText.check(reordering, field: "/note", limit: 200) }
            #expect(error?.detail.contains("override") == true)
        }
        #expect(try FreeText.check("Interpreter booked (\u{200F}العربية)", field: "/note", limit: 200) == "Interpreter booked (\u{200F}العربية)")
    }

    @Test func anAgencyNameNeedNotPassThePersonalDataGuard() throws {
        #expect(try FreeText.check("Coast and Vale Adoption, 01234 567890", field: "/name", limit: 200, personalData: false) == "Coast and Vale Adoption, 01234 567890")
    }
}
