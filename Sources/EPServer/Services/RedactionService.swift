import EPDomain
import EPStore
import Foundation

/// Erasing personal data recorded by mistake (UK GDPR Articles 16 and 17): the admin of the
/// local authority that owns the case replaces a record's free text with `[redacted]`
/// everywhere it is stored. The record's facts stay, so the journey and its rules are unchanged.
public struct RedactionService: Sendable {
    let store: any Store
    let clock: Clock

    public init(store: any Store, clock: Clock) {
        self.store = store
        self.clock = clock
    }

    public enum Target: Sendable, Equatable {
        case milestone(UUID)
        case acknowledgement(UUID)
    }

    public struct Redacted: Sendable, Equatable {
        public let caseID: UUID
        public let target: Target
        public let fields: [String]
        public let reason: String
        public let at: Date
        public let by: String
    }

    public func redact(_ target: Target, caseID: UUID, reason: String, by caller: Caller, requestID: String?) async throws -> Redacted {
        try require(caller.role == .admin, caller, "redact records (the local authority's admin does)")
        guard caller.agencyType == .la else {
            throw ServiceError.forbidden("only the admin of the local authority that owns a case may redact its records")
        }
        let why = try FreeText.check(reason, field: "/reason", limit: DetailsCodec.maxTextLength)
        guard let subject = try await store.findCase(id: caseID), subject.localAuthority == caller.agency else {
            throw ServiceError.notFound("no case \(caseID.lowercased) of \(caller.agency)")
        }
        let now = clock.stamp
        switch target {
        case .milestone(let id):
            guard let record = subject.records.first(where: { $0.id == id }) else {
                throw ServiceError.notFound("no milestone \(id.lowercased) on this case")
            }
            guard let (redacted, fields, removed) = Redaction.redact(record) else {
                // Redacted before (409), or there never was free text to take out (422).
                guard Redaction.isRedacted(record) else {
                    throw ValidationError(.invalidField, field: "/milestone_id", "milestone \(id.lowercased) holds no free text (note, reason) to redact")
                }
                throw ServiceError.alreadyExists("a redaction of milestone \(id.lowercased)")
            }
            let audit = AuditEvent(caller, "milestone.redact", at: now, caseID: caseID, milestoneID: id, requestID: requestID, reason: why, recordID: id)
            // The digest is the case's with the redacted record in place (free text leaves no
            // trace in it today, but the store writes what it is given and works nothing out).
            var after = subject
            after.records = subject.records.map { $0.id == id ? redacted : $0 }
            try await store.redact(redacted, in: subject, digest: JourneyDigest(after.journey), removing: Set(removed), audit: audit)
            return Redacted(caseID: caseID, target: target, fields: fields, reason: why, at: now, by: caller.actor)
        case .acknowledgement(let id):
            guard let acknowledgement = try await store.acknowledgements(caseIDs: [caseID]).first(where: { $0.id == id }) else {
                throw ServiceError.notFound("no acknowledgement \(id.lowercased) on this case")
            }
            guard acknowledgement.note != Redaction.marker else {
                throw ServiceError.alreadyExists("a redaction of acknowledgement \(id.lowercased)")
            }
            let redacted = Acknowledgement(
                id: id, caseID: caseID, ruleID: acknowledgement.ruleID, note: Redaction.marker,
                acknowledgedBy: acknowledgement.acknowledgedBy, acknowledgedAt: acknowledgement.acknowledgedAt, anchorOn: acknowledgement.anchorOn
            )
            let audit = AuditEvent(caller, "acknowledgement.redact", at: now, caseID: caseID, requestID: requestID, reason: why, recordID: id)
            try await store.redact(acknowledgement: redacted, removing: [acknowledgement.note], audit: audit)
            return Redacted(caseID: caseID, target: target, fields: ["note"], reason: why, at: now, by: caller.actor)
        }
    }
}
