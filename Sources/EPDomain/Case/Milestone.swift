import Foundation

/// One append-only record in a case's history. A correction is a new record that supersedes an
/// earlier one and carries a reason; a retraction is a correction that withdraws the earlier
/// record without replacing it. Nothing is ever edited or deleted.
public struct Milestone: Hashable, Sendable, Identifiable {
    public let id: UUID
    public let kind: MilestoneKind
    public let occurredOn: CalendarDate
    public let details: MilestoneDetails
    public let note: String?
    public let recordedAt: Date
    /// The caller that recorded it (token or subject id), for the audit trail and the case view.
    public let recordedBy: String
    public let correction: Correction?

    public init(
        id: UUID, kind: MilestoneKind, occurredOn: CalendarDate, details: MilestoneDetails = .none,
        note: String? = nil, recordedAt: Date, recordedBy: String, correction: Correction? = nil
    ) {
        self.id = id
        self.kind = kind
        self.occurredOn = occurredOn
        self.details = details
        self.note = note
        self.recordedAt = recordedAt
        self.recordedBy = recordedBy
        self.correction = correction
    }

    public struct Correction: Hashable, Sendable {
        /// The record this one replaces or withdraws.
        public let supersedes: UUID
        public let reason: String
        /// True when this record withdraws `supersedes` and puts nothing in its place.
        public let retracted: Bool

        public init(supersedes: UUID, reason: String, retracted: Bool) {
            self.supersedes = supersedes
            self.reason = reason
            self.retracted = retracted
        }
    }
}

/// What a social worker submits for a milestone: the same fields for a first record and for a
/// replacement.
public struct MilestoneInput: Hashable, Sendable {
    public var kind: MilestoneKind
    public var occurredOn: CalendarDate
    public var details: MilestoneDetails
    public var note: String?

    public init(kind: MilestoneKind, occurredOn: CalendarDate, details: MilestoneDetails = .none, note: String? = nil) {
        self.kind = kind
        self.occurredOn = occurredOn
        self.details = details
        self.note = note
    }
}
