import EPDomain
import Foundation
import Testing

/// Free text and references are refused when they carry a personal identifier, however it is
/// written, naming the field and the kind of identifier but never echoing the value; ordinary
/// practice text passes.
@Suite struct PersonalDataGuardTests {
    // Valid NHS numbers (modulus 11): 943 476 5919, 401 023 2137, 485 777 3457, 732 184 9503,
    // 601 234 5674. Phone numbers are from Ofcom's drama ranges.
    static let refused: [(String, PersonalDataGuard.Identifier)] = [
        // NHS numbers, in every way one gets written or pasted.
        ("Birth mother's NHS no 943 476 5919 on the referral", .nhsNumber),
        ("NHS 9434765919", .nhsNumber),
        ("NHS no 943  476  5919", .nhsNumber),
        ("NHS 943.476.5919 from the hospital", .nhsNumber),
        ("NHS 943/476/5919", .nhsNumber),
        ("NHS 943\u{200B}476\u{200B}5919", .nhsNumber),
        ("NHS 943\u{200C}476\u{200D}5919", .nhsNumber),
        ("NHS \u{FF19}\u{FF14}\u{FF13} \u{FF14}\u{FF17}\u{FF16} \u{FF15}\u{FF19}\u{FF11}\u{FF19}", .nhsNumber),
        ("401 023 2137 is the baby's number", .nhsNumber),
        ("401-023-2137", .nhsNumber),
        ("(401) 023 2137", .nhsNumber),
        ("4 0 1 0 2 3 2 1 3 7", .nhsNumber),
        ("NHS 401\u{00A0}023\u{00A0}2137", .nhsNumber),
        ("NHS 401\u{2013}023\u{2013}2137", .nhsNumber),
        ("NHS 401 \u{2014} 023 \u{2014} 2137", .nhsNumber),
        ("NHS 4010\u{2060}232137", .nhsNumber),
        ("\u{FEFF}4010232137", .nhsNumber),
        ("NHS 401\u{00AD}023\u{00AD}2137", .nhsNumber),
        ("NHS 943\u{3000}476\u{3000}5919", .nhsNumber),
        ("NHS \u{0664}\u{0660}\u{0661}\u{0660}\u{0662}\u{0663}\u{0662}\u{0661}\u{0663}\u{0667}", .nhsNumber),
        ("NHS: 485 777 3457.", .nhsNumber),
        ("NHS number 4857-773-457", .nhsNumber),
        ("Baby's NHS no. 732 184 9503 (from the hospital)", .nhsNumber),
        ("Case 12 943 476 5919", .nhsNumber),
        ("NHS 943 - 476 - 5919", .nhsNumber),
        ("NHS 601 234-5674", .nhsNumber),
        // Phone numbers.
        ("Contact grandmother on 07700 900123", .phoneNumber),
        ("ring +44 20 7946 0958 after 5", .phoneNumber),
        ("Aunt's mobile +44 (0)7700 900123", .phoneNumber),
        ("Call +44(0)7700 900 123", .phoneNumber),
        ("+44 (0) 20 7946 0958 duty desk", .phoneNumber),
        ("Office (01632) 960123", .phoneNumber),
        ("(020) 7946 0958 duty desk", .phoneNumber),
        ("mobile 07700.900.123", .phoneNumber),
        ("0044 7700 900123 while abroad", .phoneNumber),
        ("0044-7700-900123", .phoneNumber),
        ("07700-900-123", .phoneNumber),
        ("07700  900123", .phoneNumber),
        ("\u{FF10}\u{FF17}\u{FF17}\u{FF10}\u{FF10} \u{FF19}\u{FF10}\u{FF10}\u{FF11}\u{FF12}\u{FF13}", .phoneNumber),
        ("07700\u{200B}900123", .phoneNumber),
        ("+447700900123", .phoneNumber),
        ("+44 07700 900123", .phoneNumber),
        ("0161.496.0000", .phoneNumber),
        ("tel: 0113 \u{2013} 496 0000", .phoneNumber),
        ("mobile 447700900123", .phoneNumber),
        ("mobile 7700 900123", .phoneNumber),
        ("mum's 7700900123", .phoneNumber),
        ("0 7 7 0 0 9 0 0 1 2 3", .phoneNumber),
        // Postcodes.
        ("Visit arranged at B33 8TH", .postcode),
        ("visit to sw1a 1aa", .postcode),
        ("Moved to SW1A-1AA", .postcode),
        ("M1-1AE", .postcode),
        ("at \u{FF33}\u{FF37}\u{FF11}\u{FF21} \u{FF11}\u{FF21}\u{FF21}", .postcode),
        ("B33\u{00A0}8TH", .postcode),
        ("SW1A\u{2013}1AA", .postcode),
        ("SW1A\u{200B}1AA", .postcode),
        // Email addresses.
        ("Email from carer.smith@example.org", .email),
        ("carer.smith\u{FF20}example.org", .email),
        ("NHS 943 476 5918 (check digit wrong)", .nhsNumber),
        ("nhs no: 9434765918", .nhsNumber),
        ("Birth reg: 12/03/2025", .dateOfBirth),
        ("baby delivered 12/03/2025", .dateOfBirth),
        ("Baby was delivered at 02:10 on 12 March 2025", .dateOfBirth),
        ("mum email jane.smith @ example.com", .email),
        ("jane.smith(at)example.com", .email),
        ("jane.smith [at] example [dot] com", .email),
        ("jane dot smith at example dot com", .email),
        ("write to jsmith at example dot co dot uk", .email),
        // National Insurance numbers.
        ("NI number AB 12 34 56 C quoted by father", .nationalInsuranceNumber),
        ("NI AB-12-34-56-C", .nationalInsuranceNumber),
        ("NI: AB  12  34  56  C", .nationalInsuranceNumber),
        ("NI AB 123 456 c", .nationalInsuranceNumber),
        ("NI AB.12.34.56.C", .nationalInsuranceNumber),
        ("NI AB/123456/C", .nationalInsuranceNumber),
        ("A B 12 34 56 C", .nationalInsuranceNumber),
        ("JG\u{2013}10\u{2013}37\u{2013}26\u{2013}A", .nationalInsuranceNumber),
        ("\u{FF21}\u{FF22}\u{FF11}\u{FF12}\u{FF13}\u{FF14}\u{FF15}\u{FF16}\u{FF23}", .nationalInsuranceNumber),
        ("AB\u{200B}12\u{200B}34\u{200B}56\u{200B}C", .nationalInsuranceNumber),
        // In lower or mixed case, as notes are typed.
        ("father ni ab123456c", .nationalInsuranceNumber),
        ("NI Ab123456c", .nationalInsuranceNumber),
        ("ni ab 12 34 56 c", .nationalInsuranceNumber),
        ("mother's ni is jg103726a", .nationalInsuranceNumber),
        ("on123456a", .nationalInsuranceNumber),
        // Dates of birth: a full date with a birth word a few words before or after it.
        ("Baby born 03/04/2025", .dateOfBirth),
        ("born 3-4-25", .dateOfBirth),
        ("DOB 3 April 2025", .dateOfBirth),
        ("date of birth 2025-04-03", .dateOfBirth),
        ("D.O.B. 03.04.2025", .dateOfBirth),
        ("DOB: 3rd April 2025", .dateOfBirth),
        ("born on April 3 2025", .dateOfBirth),
        ("born on April 3rd, 2025", .dateOfBirth),
        ("Mother's date of birth is 03/04/1990", .dateOfBirth),
        ("born 3 Apr 25", .dateOfBirth),
        ("born on the 3rd of April 2025", .dateOfBirth),
        ("Father 03/04/1990 (DOB)", .dateOfBirth),
        ("3 April 1990 is father's birthday", .dateOfBirth),
        ("Birthday: 03-Apr-2025", .dateOfBirth),
        ("born at home on 3 April 2025", .dateOfBirth),
        ("d.o.b 12/11/89", .dateOfBirth),
        ("DOB 2025/04/03", .dateOfBirth),
        ("birth date 3.4.2025", .dateOfBirth),
        ("born \u{FF13}/\u{FF14}/\u{FF12}\u{FF10}\u{FF12}\u{FF15}", .dateOfBirth),
        ("born 03\u{200B}/04/2025", .dateOfBirth),
        ("DOB\u{00A0}03/04/2025", .dateOfBirth),
        ("born on Thursday, 3 April 2025", .dateOfBirth),
        ("Born: April 3, '25", .dateOfBirth),
        ("date of birth 3 - 4 - 2025", .dateOfBirth),
        ("DoB 01/02/03", .dateOfBirth),
        ("Baby was born at 10:30 on 3.4.25", .dateOfBirth),
        // Written without separators, or run straight into the birth word.
        ("DOB 12032025", .dateOfBirth),
        ("born 12032025", .dateOfBirth),
        ("date of birth 12032025", .dateOfBirth),
        ("DOB 20250312", .dateOfBirth),
        ("DOB 120325", .dateOfBirth),
        ("DoB12/03/2025", .dateOfBirth),
        ("born12/03/2025", .dateOfBirth),
        ("mother dob:12032025", .dateOfBirth),
        // Written with spaces between its parts.
        ("DOB 12 03 2025", .dateOfBirth),
        ("date of birth 12 03 2025", .dateOfBirth),
        ("born on 1 3 25", .dateOfBirth),
        // "b." for born, straight before the date.
        ("Baby Girl b. 12.03.25", .dateOfBirth),
        ("sibling b.12/03/2025", .dateOfBirth),
        ("mother (b. 3 April 1990)", .dateOfBirth),
    ]

    @Test(arguments: refused)
    func freeTextWithAnIdentifierIsRefused(text: String, kind: PersonalDataGuard.Identifier) {
        #expect(PersonalDataGuard.identifier(in: text) == kind)
        let error = #expect(throws: ValidationError.self) { try PersonalDataGuard.check(text, field: "/note") }
        #expect(error?.field == "/note")
        // The refusal names the kind and never repeats what it found.
        #expect(error?.detail == "note looks like it contains \(kind.rawValue); eptrack holds no personal data, so remove it")
    }

    static let accepted = [
        "Twin-track plan agreed at legal gateway on 12 March",
        "Maternal aunt withdrew after 2 sessions; VA-2 to start",
        "Contact supervised at the family centre, 3 sessions a week",
        "Panel 14/25 recommended the match",
        "Court listed for 26 weeks; 8 week extension granted",
        "Reference 9434765918 from the court",  // ten digits, but the check digit is wrong
        "Family time moved to 3 April",
        "Hearing listed 14/05/2025",
        "IRH on 2025-06-02 at 10:30",
        "Week 12 of proceedings; 2 viability assessments outstanding",
        "Reg 25A approval considered at panel",
        "Child accommodated under s.20 on 01/04/2025",
        "PLO meeting held; letter before proceedings sent",
        "Pre-birth conference held 14/05/2025",
        "Birth parents informed of EP on 02/06/2025",
        "Baby born at 36 weeks; placed with EP carers 03/04/2025",
        "FGC on 03/04/2025; baby born 2 days later",
        "Baby born in April 2025, discharged with mother",
        "Born on 3 April, discharged home with mother",
        "Born 2025, placed 2025",
        "Birthday party planned for family time in June",
        "Fostering allowance £250.50 per week agreed",
        "Costs £1,250 for the DNA test; result in 10 working days",
        "Hearing moved from 14.05.25 10.30 to 15.05.25 14.00",
        "Placement 01/04/2025 - 30/06/2025 under an ICO",
        "Court case number ZW25C50123 listed for IRH",
        "Case ref NS-EP-2025-0142 transferred from NS/2024/0099",
        "Timetable extended by 8 weeks to 2025-11-30",
        "Meeting at 10:30, 2 parents and 3 professionals",
        "Sessions at 09.30 and 14.00 on Tuesdays",
        "Viability assessments VA-1 and VA-2 both negative",
        "Mum attended 9 of 12 sessions (75%)",
        "Hearing on 12/03/25 a care order was made",
        "On 12-03-25 a care order was made",
        "on 12 03 25 a care order was made",
        "at 10 30 15 a hearing was held",
        "hearing on 12/03/25 b listed",
        "Baby born, IRH listed 14/05/2025",
        "Baby born 2 weeks early, hearing 14/05/2025",
        "Paternity test requested 3 April, result received 17 April",
        "ADM decision 2025-07-14: match with EP carers approved",
        "Carers live just off the M6 2km from junction 19",
        "Judge's directions para 12-14, 2 weeks for the response",
        "Section 20 consent withdrawn in 2025; now s.31",
        // Six or eight digits that are no date, or a date with no birth word beside it.
        "Baby born at 38 weeks, court number 12345678",
        "Born at 37 weeks; placement order 20250312 sealed",
        "Born 2 weeks early. Case 120325 listed",
        "Birthdays are on the care plan; invoice 20251399 paid",
        "Bornholm trip cancelled 12032025",
        "DOB check court number 12345678",
        "Born, no: DOB ref 20251399",
        "Will do b4 hearing 12/03/2025",
        "Baby born at 38 weeks 2 days 40 minutes",
        "born 12 13 2025 is no date",
        "Plan b. agreed; hearing 14/05/2025",
        "Option b. hearing 14/05/2025",
        "Contingency plan b. 12 weeks of family time",
        "Item 4b. 12/03/2025 letter sent",
        "a. 12/03/2025 strategy meeting; b. 14/05/2025 ICPC",
        "a. 12/03/2025 strategy meeting b. 14/05/2025 ICPC",
        "Agreed to move to plan B. 14/05/2025 review confirmed",
        "Appendix B. 1 April 2025 panel minutes",
        "Part B. 2 April 2025 panel",
        "b. 14/05/2025 ICPC held",
        "Chronology:\nb. 14/05/2025 ICPC held",
        // Near the spelled-out addresses and numbers, but none.
        "FGC @ 2pm. Mum attended",
        "Contact @ 2.30pm at the centre",
        "Met at the family centre; dot points agreed",
        "Family time at home, dot to dot book shared",
        "Session 7 of 12, 3 cancelled",
        "Case 44 of 120 in the audit",
        "Score 0 1 2 on the scale",
        "Invoice 7123 paid in 3 parts",
        "Letter delivered 12/03/2025 to the parents' solicitor",
        "NHS trust referral on 12/03/2025",
        "NHS 111 called twice",
        "Birth registration booked; hearing 12/03/2025",
        "Birth registration booked for 14/04/2025",
        "Seen @ home.Mum ok",
        "Contact @ 10am.Mum late",
        "Mum at contact dot centre",
        "Case ref 7001234568 transferred",
    ]

    @Test(arguments: accepted)
    func ordinaryPracticeTextIsAccepted(text: String) throws {
        #expect(PersonalDataGuard.identifier(in: text) == nil)
        try PersonalDataGuard.check(text, field: "/note")
    }

    @Test func aReferenceThatLooksLikeADateOfBirthIsRefused() {
        for reference in ["NS/12/03/2019", "2019-03-12", "NS-943-476-5919", "ab123456c", "NS-10032025", "NS-20250310", "DOB-100325", "NS-dob-100325"] {
            let error = #expect(throws: ValidationError.self) { try ProfileValidator.check(reference: reference) }
            #expect(error?.field == "/reference", "\(reference)")
        }
        // Serial numbers, years and six digits without a birth word are codes, not dates.
        for reference in ["NS-EP-2025-0142", "NS-100325", "NS-EP-12345678", "NS-2025-123456", "AB-99999999"] {
            #expect(throws: Never.self, "\(reference)") { try ProfileValidator.check(reference: reference) }
        }
    }

    static func subject() -> Case {
        Case(id: UUID(), reference: "NS-EP-2025-0142", localAuthority: "la-northshire",
             profile: ChildProfile(sex: .male, ethnicity: .BCRB), createdAt: Date(timeIntervalSince1970: 0))
    }

    static let today = CalendarDate(iso: "2025-09-01")!

    @Test func aMilestoneNoteOrReasonWithAnIdentifierIsRefused() {
        let subject = Self.subject()
        let note = MilestoneInput(kind: .familyGroupConference, occurredOn: Self.today, note: "Held at grandmother's, M1 1AE")
        let noteError = #expect(throws: ValidationError.self) {
            try subject.record(.record(note), id: UUID(), recordedBy: "sw", at: Date(), asOf: Self.today)
        }
        #expect(noteError?.field == "/note")
        let reason = MilestoneInput(kind: .epConsideration, occurredOn: Self.today, details: .epConsideration(outcome: .deferred, reason: "await call from 07700 900123"))
        let reasonError = #expect(throws: ValidationError.self) {
            try subject.record(.record(reason), id: UUID(), recordedBy: "sw", at: Date(), asOf: Self.today)
        }
        #expect(reasonError?.field == "/details/reason")
    }

    /// Details as the API takes them: read from the request by `DetailsCodec.decode`, then
    /// recorded on the case.
    static func recordViability(label: String) throws(ValidationError) -> Milestone {
        let details = try DetailsCodec.decode(kind: .viabilityAssessment, [
            "assessment": .string(label), "relationship": .string("maternal_family"), "status": .string("started"),
        ])
        let input = MilestoneInput(kind: .viabilityAssessment, occurredOn: today, details: details)
        return try subject().record(.record(input), id: UUID(), recordedBy: "sw", at: Date(), asOf: today)
    }

    @Test(arguments: [
        ("9434765919", PersonalDataGuard.Identifier.nhsNumber), ("943-476-5919", .nhsNumber), ("401-023-2137", .nhsNumber),
        ("SW1A-1AA", .postcode), ("07700-900123", .phoneNumber), ("AB-12-34-56-C", .nationalInsuranceNumber),
        ("DOB-03-04-2025", .dateOfBirth),
    ])
    func aViabilityLabelWithAnIdentifierIsRefused(label: String, kind: PersonalDataGuard.Identifier) {
        let error = #expect(throws: ValidationError.self) { try Self.recordViability(label: label) }
        #expect(error?.field == "/details/assessment")
        #expect(error?.detail == "assessment looks like it contains \(kind.rawValue); eptrack holds no personal data, so remove it")
    }

    /// A name typed as the label passes every identifier check, and a label (unlike a note)
    /// cannot be redacted: a label is a code, up to four letters and a number.
    @Test(arguments: ["SMITH-JANE", "JANE", "Janet1", "MGMA-1234", "GRAN-SMITH", "VA-1A", "-1", "VA--1"])
    func aViabilityLabelThatIsNoCodeIsRefused(label: String) {
        let error = #expect(throws: ValidationError.self) { try Self.recordViability(label: label) }
        #expect(error?.field == "/details/assessment")
        #expect(error?.detail.contains("never their name") == true, "\(label): \(error?.detail ?? "")")
    }

    /// A start labelled MGM before labels had to be codes: its completion may still say MGM, so
    /// the two pair up; a new label must be a code.
    @Test func aLabelTheCaseAlreadyHoldsMayBeUsedAgain() throws {
        var legacy = Self.subject()
        legacy.records = [Milestone(
            id: UUID(), kind: .viabilityAssessment, occurredOn: .day("2025-08-01"),
            details: .viabilityAssessment(ViabilityAssessment(assessment: "MGM", relationship: .maternalFamily, status: .started)),
            recordedAt: Date(timeIntervalSince1970: 1_750_000_000), recordedBy: "sw"
        )]
        let completed = try DetailsCodec.decode(kind: .viabilityAssessment, [
            "assessment": .string("MGM"), "relationship": .string("maternal_family"), "status": .string("completed"), "outcome": .string("negative"),
        ])
        let recorded = try legacy.record(.record(MilestoneInput(kind: .viabilityAssessment, occurredOn: Self.today, details: completed)), id: UUID(), recordedBy: "sw", at: Date(), asOf: Self.today)
        #expect(recorded.details == completed)
        let other = try DetailsCodec.decode(kind: .viabilityAssessment, ["assessment": .string("PGM"), "relationship": .string("paternal_family"), "status": .string("started")])
        let refused = #expect(throws: ValidationError.self) {
            try legacy.record(.record(MilestoneInput(kind: .viabilityAssessment, occurredOn: Self.today, details: other)), id: UUID(), recordedBy: "sw", at: Date(), asOf: Self.today)
        }
        #expect(refused?.field == "/details/assessment")
    }

    @Test func anOrdinaryViabilityLabelIsRecordedAndAStoredOneIsReadAsItWas() throws {
        for label in ["VA-1", "VA12", "MGM-2", "pa-3", "V-100"] {
            let details = try Self.recordViability(label: label).details
            #expect(details == .viabilityStarted(label, .maternalFamily), "\(label)")
        }
        #expect(try DetailsCodec.decodeStored(kind: .viabilityAssessment, ["assessment": .string("SMITH-JANE"), "relationship": .string("sibling"), "status": .string("started")]) == .viabilityStarted("SMITH-JANE", .sibling))
        // A label accepted before the check must still be read back, not make its case unreadable.
        let stored: [String: DetailValue] = ["assessment": .string("9434765919"), "relationship": .string("sibling"), "status": .string("started")]
        #expect(try DetailsCodec.decodeStored(kind: .viabilityAssessment, stored) == .viabilityStarted("9434765919", .sibling))
    }

    @Test func aTextDetailWithAnIdentifierIsRefusedWhereTheAPIReadsIt() {
        let error = #expect(throws: ValidationError.self) {
            try DetailsCodec.decode(kind: .caseClosed, ["reason": .string("Family moved to SW1A-1AA")])
        }
        #expect(error?.field == "/details/reason")
        #expect(error?.detail.contains(PersonalDataGuard.Identifier.postcode.rawValue) == true)
    }
}
