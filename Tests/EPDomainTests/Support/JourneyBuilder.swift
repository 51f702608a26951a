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

    static func unborn(expected month: String, ethnicity: Ethnicity = .MWBC, reference: String = "EP-2025-014") -> JourneyBuilder {
        JourneyBuilder(reference: reference, profile: ChildProfile(
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
            // The same revision the API's write and the demo's import make.
            let revision = try subject.revised(by: change, id: UUID(), recordedBy: "sw-test", at: clock, asOf: asOf)
            subject = revision.subject
            // The journey the change was checked against is the one everything stored is worked
            // out from: it must be the journey of the records as they now are.
            #expect(revision.journey.milestones == subject.journey.milestones, sourceLocation: sourceLocation)
            return revision.record.id
        } catch {
            Issue.record("journey refused: \(error)", sourceLocation: sourceLocation)
            return UUID()
        }
    }

    /// Corrects an effective milestone (validated as of `asOf`, default the new date) and
    /// returns the id of the replacement record.
    @discardableResult
    mutating func correct(
        _ target: Milestone.ID, to kind: MilestoneKind, _ date: String, _ details: MilestoneDetails = .none,
        reason: String, asOf: String? = nil, sourceLocation: SourceLocation = #_sourceLocation
    ) -> Milestone.ID {
        let input = MilestoneInput(kind: kind, occurredOn: .day(date), details: details)
        return apply(.correct(target, replacement: input, reason: reason), asOf: .day(asOf ?? date), sourceLocation: sourceLocation)
    }

    /// Retracts an effective milestone and returns the id of the retraction record.
    @discardableResult
    mutating func retract(
        _ target: Milestone.ID, reason: String, asOf: String, sourceLocation: SourceLocation = #_sourceLocation
    ) -> Milestone.ID {
        apply(.retract(target, reason: reason), asOf: .day(asOf), sourceLocation: sourceLocation)
    }

    /// The refusal `change` meets, leaving the case unchanged; nil (and a test issue) when the
    /// case would accept it.
    func refusal(_ change: CaseChange, asOf: String, sourceLocation: SourceLocation = #_sourceLocation) -> ValidationError? {
        do {
            _ = try subject.record(change, id: UUID(), recordedBy: "sw-test", at: clock + 60, asOf: .day(asOf))
            Issue.record("expected the change to be refused, but it was accepted", sourceLocation: sourceLocation)
            return nil
        } catch {
            return error
        }
    }

    /// The refusal a new milestone meets (validated as of `asOf`, default its own date).
    func refusal(
        recording kind: MilestoneKind, _ date: String, _ details: MilestoneDetails = .none, asOf: String? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> ValidationError? {
        let input = MilestoneInput(kind: kind, occurredOn: .day(date), details: details)
        return refusal(.record(input), asOf: asOf ?? date, sourceLocation: sourceLocation)
    }

    var journey: Journey { subject.journey }

    /// Every enabled rule's result on `asOf`, by rule id.
    func results(asOf: String, policy: Policy = Policies.england) -> [String: RuleResult] {
        Dictionary(uniqueKeysWithValues: policy.evaluate(journey, asOf: .day(asOf)).map { ($0.ruleID, $0) })
    }

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
