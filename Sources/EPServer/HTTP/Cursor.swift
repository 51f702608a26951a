import EPDomain
import EPStore
import Foundation

/// Opaque page cursors: base64url text a client hands back unchanged.
package enum Cursor {
    package static func encode(_ cursor: CaseCursor) -> String {
        encode("c:\(Int64((cursor.createdAt.timeIntervalSince1970 * 1000).rounded())):\(cursor.id.uuidString)")
    }

    package static func encode(_ position: AlertService.PagePosition) -> String {
        switch position {
        case .offset(let offset): encode("o:\(offset)")
        case .index(let cursor): encode("k:\(cursor.dueOn.iso):\(cursor.ruleID):\(cursor.caseID.uuidString)")
        }
    }

    package static func caseCursor(_ text: String?) throws -> CaseCursor? {
        guard let text else { return nil }
        let parts = try decode(text).split(separator: ":")
        guard parts.count == 3, parts[0] == "c", let millis = Int64(parts[1]), let id = UUID(uuidString: String(parts[2])) else {
            throw invalid
        }
        return CaseCursor(createdAt: Date(timeIntervalSince1970: Double(millis) / 1000), id: id)
    }

    package static func encode(auditAt at: Date, id: UUID) -> String {
        encode("a:\(Int64((at.timeIntervalSince1970 * 1000).rounded())):\(id.uuidString)")
    }

    package static func auditPosition(_ text: String?) throws -> (at: Date, id: UUID)? {
        guard let text else { return nil }
        let parts = try decode(text).split(separator: ":")
        guard parts.count == 3, parts[0] == "a", let millis = Int64(parts[1]), let id = UUID(uuidString: String(parts[2])) else { throw invalid }
        return (Date(timeIntervalSince1970: Double(millis) / 1000), id)
    }

    package static func alertPosition(_ text: String?) throws -> AlertService.PagePosition? {
        guard let text else { return nil }
        let parts = try decode(text).split(separator: ":")
        if parts.count == 2, parts[0] == "o", let offset = Int(parts[1]), offset >= 0 { return .offset(offset) }
        if parts.count == 4, parts[0] == "k", let due = CalendarDate(iso: parts[1]), let id = UUID(uuidString: String(parts[3])) {
            return .index(AlertCursor(dueOn: due, ruleID: String(parts[2]), caseID: id))
        }
        throw invalid
    }

    package static func limit(_ value: Int?) throws -> Int {
        let limit = value ?? 50
        guard (1...100).contains(limit) else {
            throw ServiceError.badParameter(field: "limit", detail: "limit must be between 1 and 100")
        }
        return limit
    }

    private static var invalid: ServiceError {
        .badParameter(field: "cursor", detail: "cursor is not one this server issued; start again without it")
    }

    private static func encode(_ text: String) -> String {
        Data(text.utf8).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    private static func decode(_ text: String) throws -> String {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64), let decoded = String(data: data, encoding: .utf8) else { throw invalid }
        return decoded
    }
}
