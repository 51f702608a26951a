import EPDomain
import Foundation
import Testing

/// Free text and references are refused when they carry a personal identifier, naming the field
/// and the kind of identifier but never echoing the value.
@Suite struct PersonalDataGuardTests {
    @Test(arguments: [
        ("Birth mother's NHS no 943 476 5919 on the referral", PersonalDataGuard.Identifier.nhsNumber),
        ("NHS 9434765919", .nhsNumber),
        ("Visit arranged at B33 8TH", .postcode),
        ("visit to sw1a 1aa", .postcode),
        ("Contact grandmother on 07700 900123", .phoneNumber),
        ("ring +44 20 7946 0958 after 5", .phoneNumber),
        ("Email from carer.smith@example.org", .email),
        ("NI number AB 12 34 56 C quoted by father", .nationalInsuranceNumber),
    ])
    func freeTextWithAnIdentifierIsRefused(text: String, kind: PersonalDataGuard.Identifier) throws {
        #expect(PersonalDataGuard.identifier(in: text) == kind)
        let error = #expect(throws: ValidationError.self) { try PersonalDataGuard.check(text, field: "/note") }
        #expect(error?.field == "/note")
        #expect(error?.detail.contains(kind.rawValue) == true)
        // The refusal never repeats what it found.
        #expect(error?.detail.contains("5919") != true && error?.detail.contains("8TH") != true)
    }

    @Test(arguments: [
        "Twin-track plan agreed at legal gateway on 12 March",
        "Maternal aunt withdrew after 2 sessions; VA-2 to start",
        "Contact supervised at the family centre, 3 sessions a week",
        "Panel 14/25 recommended the match",
        "Court listed for 26 weeks; 8 week extension granted",
        "Reference 9434765918 from the court",  // ten digits, but the check digit is wrong
    ])
    func ordinaryCaseNotesAreAccepted(text: String) throws {
        try PersonalDataGuard.check(text, field: "/note")
    }

    @Test func aReferenceThatLooksLikeADateOfBirthIsRefused() {
        for reference in ["NS/12/03/2019", "2019-03-12", "NS-943-476-5919"] {
            let error = #expect(throws: ValidationError.self) { try ProfileValidator.check(reference: reference) }
            #expect(error?.field == "/reference", "\(reference)")
        }
        #expect(throws: Never.self) { try ProfileValidator.check(reference: "NS-EP-2025-0142") }
    }

    @Test func aMilestoneNoteOrReasonWithAnIdentifierIsRefused() {
        let subject = Case(id: UUID(), reference: "NS-EP-2025-0142", localAuthority: "la-northshire",
                           profile: ChildProfile(sex: .male, ethnicity: .BCRB), createdAt: Date(timeIntervalSince1970: 0))
        let today = CalendarDate(iso: "2025-09-01")!
        let note = MilestoneInput(kind: .familyGroupConference, occurredOn: today, note: "Held at grandmother's, M1 1AE")
        let noteError = #expect(throws: ValidationError.self) {
            try subject.record(.record(note), id: UUID(), recordedBy: "sw", at: Date(), asOf: today)
        }
        #expect(noteError?.field == "/note")
        let reason = MilestoneInput(kind: .epConsideration, occurredOn: today, details: .epConsideration(outcome: .deferred, reason: "await call from 07700 900123"))
        let reasonError = #expect(throws: ValidationError.self) {
            try subject.record(.record(reason), id: UUID(), recordedBy: "sw", at: Date(), asOf: today)
        }
        #expect(reasonError?.field == "/details/reason")
    }
}
