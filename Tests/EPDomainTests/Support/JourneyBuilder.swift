import EPDomain
import Foundation
import Testing

/// Builds an anonymised journey the way a social worker records it, one milestone at a time,
/// through the same validation the API uses, so a test journey can never be one the product
/// would refuse.
struct JourneyBuilder {
    private(set) var subject: Case
    private var clock = Date(timeIntervalSince1970: 1_700_000_000)

    init(reference: String = "EP-2025-014", profile: ChildProfile = ChildProfile(sex: .female, ethnicity: .WBRI)) {
        subject = Case(
            id: UUID(), reference: reference, localAuthority: "la-northshire", profile: profile,
            createdAt: Date(timeIntervalSince1970: 1_700_000_000)
        )
    }

    static func unborn(expected month: String, ethnicity: Ethnicity = .MWBC) -> JourneyBuilder {
        JourneyBuilder(profile: ChildProfile(
            sex: .notKnown, ethnicity: ethnicity, unborn: true, expectedBirthMonth: YearMonth(iso: month)!
        ))
    }

    /// Records a milestone (validated as of that day) and returns its id.
    @discardableResult
    mutating func record(
        _ kind: MilestoneKind, _ date: String, _ details: MilestoneDetails = .none, asOf: String? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> Milestone.ID {
        let day = CalendarDate(iso: date)!
        let input = MilestoneInput(kind: kind, occurredOn: day, details: details)
        return apply(.record(input), asOf: asOf.flatMap { CalendarDate(iso: $0) } ?? day, sourceLocation: sourceLocation)
    }

    @discardableResult
    mutating func apply(_ change: CaseChange, asOf: CalendarDate, sourceLocation: SourceLocation = #_sourceLocation) -> Milestone.ID {
        clock += 60
        do {
            let record = try subject.record(change, id: UUID(), recordedBy: "sw-test", at: clock, asOf: asOf)
            subject.records.append(record)
            return record.id
        } catch {
            Issue.record("journey refused: \(error)", sourceLocation: sourceLocation)
            return UUID()
        }
    }

    var journey: Journey { subject.journey }

    /// The result of one rule of the shipped England policy on `asOf`.
    func result(_ ruleID: String, asOf: String, policy: Policy = Policies.england) -> RuleResult {
        let results = policy.evaluate(journey, asOf: CalendarDate(iso: asOf)!)
        return results.first { $0.ruleID == ruleID }!
    }
}

enum Policies {
    /// The repository's Policies/ folder, found from this file's path (tests never read ../shared).
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Policies")

    static func load(_ name: String = "england-default.yaml") throws -> Policy {
        let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        return try load(yaml: text)
    }

    static func load(yaml: String) throws(PolicyLoadError) -> Policy {
        try PolicyLoader.load(yaml: yaml, file: "test-policy.yaml") { path in
            try? String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
        }
    }

    /// The shipped England policy; a test that fails to load it fails loudly here.
    static let england: Policy = try! load()
}

extension CalendarDate {
    static func day(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }
}
