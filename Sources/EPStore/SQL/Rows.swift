import EPDomain
import Foundation
import SQLKit

/// Row ↔ value mapping shared by every query, so both databases read and write one shape.
enum Rows {
    /// A milestone's own columns (those a row is written with, less the case it belongs to and
    /// its place in the case's order) renamed with a prefix, for a query that joins them to
    /// their case.
    static func milestoneColumns(_ table: String, prefix: String) -> String {
        TableRow.milestoneColumns.filter { !["case_id", "seq"].contains($0) }
            .map { "\(table).\($0) AS \(prefix)\($0)" }.joined(separator: ", ")
    }

    /// The columns of a milestone row, as selected by `milestoneColumns(prefix:)`.
    static func milestone(_ row: any SQLRow, prefix: String = "") throws -> Milestone {
        let kindName = try row.decode(column: prefix + "kind", as: String.self)
        guard let kind = MilestoneKind(rawValue: kindName),
              let occurredOn = CalendarDate(iso: try row.decode(column: prefix + "occurred_on", as: String.self)) else {
            throw StoredDataError("milestone row with kind \(kindName) cannot be read")
        }
        let details = try DetailsCodec.decodeStored(kind: kind, try DetailsJSON.parse(try row.decode(column: prefix + "details", as: String.self)))
        let supersedes = try row.decode(column: prefix + "supersedes", as: UUID?.self)
        return Milestone(
            id: try row.decode(column: prefix + "id", as: UUID.self),
            kind: kind,
            occurredOn: occurredOn,
            details: details,
            note: try row.decode(column: prefix + "note", as: String?.self),
            recordedAt: try row.decode(column: prefix + "recorded_at", as: Date.self),
            recordedBy: try row.decode(column: prefix + "recorded_by", as: String.self),
            correction: try supersedes.map { supersedes in
                Milestone.Correction(
                    supersedes: supersedes,
                    reason: try row.decode(column: prefix + "correction_reason", as: String?.self) ?? "",
                    retracted: try row.decode(column: prefix + "retracted", as: Bool.self)
                )
            }
        )
    }

    /// The columns `caseSummary` reads, for every query of cases: not `*`, which would also
    /// carry each case's journey digest (about 600 bytes) on every row, once per milestone in
    /// a join, to be decoded and thrown away.
    static func caseColumns(_ table: String) -> String {
        ["id", "reference", "local_authority", "adoption_agency", "sex", "ethnicity", "sibling_group_size", "disability",
         "unborn", "expected_birth_month", "state", "version", "created_at"]
            .map { "\(table).\($0)" }.joined(separator: ", ")
    }

    static func caseSummary(_ row: any SQLRow) throws -> CaseSummary {
        let sex = try row.decode(column: "sex", as: String.self)
        let ethnicity = try row.decode(column: "ethnicity", as: String.self)
        let stateName = try row.decode(column: "state", as: String.self)
        guard let sex = Sex(rawValue: sex), let ethnicity = Ethnicity(rawValue: ethnicity),
              let state = JourneyState(rawValue: stateName) else {
            throw StoredDataError("case row with sex \(sex), ethnicity \(ethnicity), state \(stateName) cannot be read")
        }
        let profile = ChildProfile(
            sex: sex, ethnicity: ethnicity,
            siblingGroupSize: try row.decode(column: "sibling_group_size", as: Int.self),
            disability: try row.decode(column: "disability", as: Bool.self),
            unborn: try row.decode(column: "unborn", as: Bool.self),
            expectedBirthMonth: try row.decode(column: "expected_birth_month", as: String?.self).flatMap { YearMonth(iso: $0) }
        )
        let subject = Case(
            id: try row.decode(column: "id", as: UUID.self),
            reference: try row.decode(column: "reference", as: String.self),
            localAuthority: try row.decode(column: "local_authority", as: String.self),
            adoptionAgency: try row.decode(column: "adoption_agency", as: String?.self),
            profile: profile,
            createdAt: try row.decode(column: "created_at", as: Date.self),
            version: try row.decode(column: "version", as: Int.self)
        )
        return CaseSummary(subject: subject, state: state)
    }

    /// The columns `token` reads.
    static func tokenColumns(_ table: String) -> String {
        ["id", "agency_id", "role", "label", "created_at", "expires_at", "revoked_at", "last_used_at"]
            .map { "\(table).\($0)" }.joined(separator: ", ")
    }

    static func token(_ row: any SQLRow) throws -> TokenRecord {
        let roleName = try row.decode(column: "role", as: String.self)
        guard let role = Role(rawValue: roleName) else { throw StoredDataError("token with unknown role \(roleName)") }
        return TokenRecord(
            id: try row.decode(column: "id", as: UUID.self),
            agency: try row.decode(column: "agency_id", as: String.self),
            role: role,
            label: try row.decode(column: "label", as: String?.self),
            createdAt: try row.decode(column: "created_at", as: Date.self),
            expiresAt: try row.decode(column: "expires_at", as: Date.self),
            revokedAt: try row.decode(column: "revoked_at", as: Date?.self),
            lastUsedAt: try row.decode(column: "last_used_at", as: Date?.self)
        )
    }
    /// A day column that may be empty; a value that is no day is an error, not taken as empty.
    static func optionalDay(_ row: any SQLRow, _ column: String) throws -> CalendarDate? {
        guard let text = try row.decode(column: column, as: String?.self) else { return nil }
        guard let day = CalendarDate(iso: text) else { throw StoredDataError("\(column) \(text) is not a day") }
        return day
    }
}

/// A row that breaks the schema's promises: a bug or a hand edit, never a client's doing.
public struct StoredDataError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
