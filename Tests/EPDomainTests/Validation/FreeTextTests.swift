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

    @Test func anAgencyNameNeedNotPassThePersonalDataGuard() throws {
        #expect(try FreeText.check("Coast and Vale Adoption, 01234 567890", field: "/name", limit: 200, personalData: false) == "Coast and Vale Adoption, 01234 567890")
    }
}
