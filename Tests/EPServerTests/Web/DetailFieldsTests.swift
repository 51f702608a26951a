@testable import EPWeb
import EPDomain
import Testing

/// Every kind's form asks for exactly the details the API reads: a form filled with each
/// field's first choice (or a plausible value) decodes through `DetailsCodec` without an
/// unknown or missing detail.
@Suite struct DetailFieldsTests {
    @Test(arguments: MilestoneKind.allCases)
    func eachKindsFormIsReadByTheAPIsCodec(kind: MilestoneKind) throws {
        var fields = ["occurred_on-day": "2", "occurred_on-month": "7", "occurred_on-year": "2025"]
        for field in DetailField.fields(for: kind) {
            fields["details-\(field.key)"] = switch field.input {
            // A started assessment has no outcome yet.
            case .choice(let values): kind == .viabilityAssessment && field.key == "outcome" ? nil : values[0]
            case .integer(let range): String(range.lowerBound)
            case .yesNo: "yes"
            case .text: "Parents asked for a different plan"
            case .label: "VA-1"
            }
        }
        let form = FormData(encoded: fields.map { "\($0.key)=\($0.value.replacingOccurrences(of: " ", with: "+"))" }.joined(separator: "&"))
        // The codec refuses a detail it does not know and one it needs but was not given.
        let input = try MilestoneForm(kind: kind, form: form).input()
        #expect(input.kind == kind && input.occurredOn == CalendarDate(year: 2025, month: 7, day: 2))
    }

    @Test func onlyPathsOnThisServerAreReturnedTo() {
        #expect(ReturnPath.safe("/cases/1?x=2") == "/cases/1?x=2")
        for hostile in ["//evil.example", "https://evil.example", "/\\evil.example", "evil", "/a b", nil] {
            #expect(ReturnPath.safe(hostile) == "/", "\(hostile ?? "nil")")
        }
    }
}
