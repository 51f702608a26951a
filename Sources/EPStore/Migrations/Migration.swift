import Foundation

/// One numbered file of Schema/<dialect>/, e.g. `0001_core.sql`.
public struct Migration: Sendable, Equatable {
    public let version: Int
    public let name: String
    public let statements: [String]

    /// Reads every `NNNN_name.sql` in `folder`, in version order.
    public static func load(from folder: URL) throws -> [Migration] {
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".sql") }.sorted()
        return try files.map { file in
            guard let version = Int(file.prefix { $0.isNumber }), version > 0 else {
                throw MigrationError("\(file): migration files are named NNNN_name.sql")
            }
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            return Migration(version: version, name: String(file.dropLast(4)), statements: SQLScript.statements(in: text))
        }
    }
}

public struct MigrationError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// Splits a SQL file into statements, because neither driver runs several at once. A statement
/// ends with `;` at the end of a line, except inside a `$$` body (PostgreSQL functions) or a
/// `BEGIN … END;` trigger body (SQLite).
enum SQLScript {
    static func statements(in text: String) -> [String] {
        var statements: [String] = []
        var current: [Substring] = []
        var inDollarBody = false
        var inTriggerBody = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if current.isEmpty && (trimmed.isEmpty || trimmed.hasPrefix("--")) { continue }
            current.append(line)
            if line.components(separatedBy: "$$").count % 2 == 0 { inDollarBody.toggle() }
            if trimmed.uppercased() == "BEGIN" && current.first?.uppercased().contains("CREATE TRIGGER") == true {
                inTriggerBody = true
            }
            guard trimmed.hasSuffix(";"), !inDollarBody else { continue }
            if inTriggerBody {
                guard trimmed.uppercased() == "END;" else { continue }
                inTriggerBody = false
            }
            let statement = current.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
            statements.append(String(statement.dropLast()))
            current = []
        }
        let rest = current.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        if !rest.isEmpty { statements.append(rest) }
        return statements
    }
}
