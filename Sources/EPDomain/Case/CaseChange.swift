import Foundation

/// A write to a case's history: a new milestone, or a correction of an effective one.
public enum CaseChange: Hashable, Sendable {
    case record(MilestoneInput)
    case correct(Milestone.ID, replacement: MilestoneInput, reason: String)
    case retract(Milestone.ID, reason: String)
}

/// A case after one accepted change: the case with the new record appended (and its version
/// bumped), the record, and the journey it now has: the very journey the change was checked
/// against, built once, from which everything stored beside the case is worked out.
public struct CaseRevision: Sendable {
    public let subject: Case
    public let record: Milestone
    public let journey: Journey
}

extension Case {
    public static let maxNoteLength = 500
    /// How many years before today a milestone may be dated: a child's whole childhood.
    public static let reachBackYears = 18

    /// The record `change` would append, checked against the journey it would produce.
    public func record(
        _ change: CaseChange, id: UUID, recordedBy: String, at recordedAt: Date, asOf: CalendarDate
    ) throws(ValidationError) -> Milestone {
        try revised(by: change, id: id, recordedBy: recordedBy, at: recordedAt, asOf: asOf).record
    }

    /// The case with `change` applied, checked against the journey it produces. Pure: the new
    /// record's id, author and timestamp are given, and `asOf` is the day it is recorded. Throws,
    /// naming the field and the conflicting milestone, when the result is impossible.
    public func revised(
        by change: CaseChange, id: UUID, recordedBy: String, at recordedAt: Date, asOf: CalendarDate
    ) throws(ValidationError) -> CaseRevision {
        let current = journey
        let record: Milestone
        let removed: Set<UUID>
        switch change {
        case .record(let input):
            let note = try Self.check(input, asOf: asOf)
            if let ending = current.milestones.first(where: \.kind.endsJourney) {
                throw .conflict(
                    "/kind",
                    "the journey ended with \(ending.kind.rawValue) on \(ending.occurredOn): correct or retract that record before adding more",
                    with: ending
                )
            }
            record = Milestone(
                id: id, kind: input.kind, occurredOn: input.occurredOn, details: input.details,
                note: note, recordedAt: recordedAt, recordedBy: recordedBy
            )
            removed = []
        case .correct(let target, let replacement, let reason):
            let note = try Self.check(replacement, asOf: asOf)
            let reason = try Self.reason(reason)
            try Self.requireEffective(target, in: current, records: records)
            record = Milestone(
                id: id, kind: replacement.kind, occurredOn: replacement.occurredOn, details: replacement.details,
                note: note, recordedAt: recordedAt, recordedBy: recordedBy,
                correction: .init(supersedes: target, reason: reason, retracted: false)
            )
            removed = [target]
        case .retract(let target, let reason):
            let reason = try Self.reason(reason)
            let original = try Self.requireEffective(target, in: current, records: records)
            record = Milestone(
                id: id, kind: original.kind, occurredOn: original.occurredOn, details: original.details,
                note: nil, recordedAt: recordedAt, recordedBy: recordedBy,
                correction: .init(supersedes: target, reason: reason, retracted: true)
            )
            removed = [target]
        }
        try Self.refuseNameAsLabel(record, among: records)
        let candidate = current.replacing(removed, adding: record.correction?.retracted == true ? nil : record)
        try Self.refuseNewViolations(candidate: candidate, current: current, changed: record, retracting: removed)
        var revised = self
        revised.records.append(record)
        revised.version += 1
        return CaseRevision(subject: revised, record: record, journey: candidate)
    }

    /// A viability assessment's label has room for a name ("SMITH-JANE"), which no check can tell
    /// from a code and which, unlike a note, cannot be redacted: so a new label is a code (up to
    /// four letters and a number: VA-1, MGM2). A label this case already holds, stored before the
    /// rule, may still be used, so that a start and its completion pair up.
    private static func refuseNameAsLabel(_ record: Milestone, among records: [Milestone]) throws(ValidationError) {
        guard record.correction?.retracted != true, case .viabilityAssessment(let assessment) = record.details,
              !DetailsCodec.isCode(assessment.assessment) else { return }
        let held = records.contains { other in
            if case .viabilityAssessment(let earlier) = other.details { earlier.assessment == assessment.assessment } else { false }
        }
        guard !held else { return }
        throw .invalid("/details/assessment", "assessment is a code for the person assessed, such as VA-1 (up to 4 letters, then a number of up to 3 digits), never their name")
    }

    /// Checks what a record or a correction brings; returns its note as stored (trimmed).
    private static func check(_ input: MilestoneInput, asOf: CalendarDate) throws(ValidationError) -> String? {
        if input.occurredOn > asOf {
            throw .invalid("/occurred_on", "occurred_on \(input.occurredOn) is in the future (today is \(asOf))")
        }
        // A slip of the year (1850 for 2025) would stand as a journey decades overdue.
        if input.occurredOn < asOf.adding(months: -12 * Case.reachBackYears) {
            throw .invalid(
                "/occurred_on", "occurred_on \(input.occurredOn) is more than \(Case.reachBackYears) years before today (\(asOf)): a child's journey does not reach back so far"
            )
        }
        let note = try input.note.map { note throws(ValidationError) in try FreeText.check(note, field: "/note", limit: maxNoteLength) }
        for (key, text) in input.details.freeText {
            try PersonalDataGuard.check(text, field: "/details/\(key)")
        }
        return note
    }

    private static func reason(_ text: String) throws(ValidationError) -> String {
        guard !FreeText.isBlank(text) else { throw .invalid("/reason", "a correction needs a reason") }
        return try FreeText.check(text, field: "/reason", limit: DetailsCodec.maxTextLength)
    }

    @discardableResult
    private static func requireEffective(_ target: UUID, in journey: Journey, records: [Milestone]) throws(ValidationError) -> Milestone {
        if let effective = journey.milestones.first(where: { $0.id == target }) { return effective }
        guard records.contains(where: { $0.id == target }) else {
            throw ValidationError(.unknownMilestone, field: "/milestone_id", "this case has no milestone \(target.uuidString.lowercased())")
        }
        // The end of the chain of corrections: what stands for the record now.
        var latest = records.last { $0.correction?.supersedes == target }
        while let current = latest, let next = records.last(where: { $0.correction?.supersedes == current.id }) { latest = next }
        let said = target.uuidString.lowercased()
        // A retracted record has no later version to change; a corrected one has.
        let detail = latest?.correction?.retracted == true
            ? "milestone \(said) has already been retracted: nothing of it is left to correct or retract"
            : "milestone \(said) has been corrected since: correct or retract its latest version\(latest.map { " (\($0.id.uuidString.lowercased()))" } ?? "") instead"
        throw ValidationError(.chronologyConflict, field: "/milestone_id", detail, conflictingMilestone: latest?.id)
    }

    /// The pointer of the detail a correction changed (the first, in key order), or `/details`.
    private static func changedDetail(from old: MilestoneDetails, to new: MilestoneDetails) -> String {
        let (before, after) = (DetailsCodec.encode(old), DetailsCodec.encode(new))
        let key = Set(before.keys).union(after.keys).sorted().first { before[$0] != after[$0] }
        return key.map { "/details/\($0)" } ?? "/details"
    }

    /// Refuses the change if the journey it produces breaks a rule the current journey keeps.
    /// (Comparing with the current journey means a policy tightened later never blocks
    /// unrelated writes on old cases.)
    private static func refuseNewViolations(
        candidate: Journey, current: Journey, changed: Milestone, retracting: Set<UUID>
    ) throws(ValidationError) {
        let before = ChronologyCheck.violations(in: current)
        let new = ChronologyCheck.violations(in: candidate).filter { !before.contains($0) }
        // Told from the changed record's side where the check sees it that way.
        guard let violation = new.first(where: { $0.milestone.id == changed.id }) ?? new.first else { return }
        if changed.correction?.retracted == true {
            throw .conflict(
                "/retract",
                "retracting this \(changed.kind.rawValue) would leave the journey impossible: \(violation.detail)",
                with: violation.milestone
            )
        }
        if violation.milestone.id == changed.id {
            throw .conflict(violation.field, violation.detail, with: violation.other)
        }
        // The field at fault on the other milestone is the one at fault on this one: a date
        // that now falls on the wrong side of it; or, for a correction that kept the date, the
        // details it changed (a court decision's outcome that no longer gives authority to place).
        let original = changed.correction.flatMap { correction in current.milestones.first { $0.id == correction.supersedes } }
        let field = original.map { $0.kind == changed.kind && $0.occurredOn == changed.occurredOn && $0.details != changed.details } == true
            ? Self.changedDetail(from: original!.details, to: changed.details)
            : violation.field
        throw .conflict(
            field,
            "\(changed.kind.rawValue) on \(changed.occurredOn) conflicts with \(violation.milestone.kind.rawValue): \(violation.detail)",
            with: violation.milestone
        )
    }
}
