import PostgresNIO
import Synchronization

/// The names under which this process prepares statements: one per statement text and types of
/// its values (a NULL has no type, so the same text with a NULL in another place is another
/// statement). Names are handed out in order, so two texts never share one. PostgresNIO
/// prepares a name on a connection the first time it runs there and keeps it while the
/// connection lives; past `capacity` names, statements run unprepared, so an unforeseen
/// variety of shapes cannot fill the database's memory.
final class PreparedStatementNames: Sendable {
    static let shared = PreparedStatementNames(capacity: 500)

    private let names = Mutex<[Key: String]>([:])
    private let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
    }

    private struct Key: Hashable {
        let sql: String
        let types: [UInt32]
    }

    /// The name for this statement, or nil when no more are handed out.
    func name(sql: String, types: [PostgresDataType]) -> String? {
        let key = Key(sql: sql, types: types.map(\.rawValue))
        return names.withLock { names in
            if let name = names[key] { return name }
            guard names.count < capacity else { return nil }
            let name = "eptrack_\(names.count + 1)"
            names[key] = name
            return name
        }
    }
}

/// PostgresNIO prepares only statements whose text and name are static properties of a type;
/// this type reads them from a task-local value set around the one call that reads them
/// (`PostgresSQLDatabase`). Upstream: vapor/postgres-nio has no API to prepare a statement
/// built at run time on the async interface.
struct NamedStatement: PostgresPreparedStatement {
    struct Current: Sendable {
        let name: String
        let sql: String
        let types: [PostgresDataType]
    }

    @TaskLocal static var current: Current?

    static var name: String { current!.name }
    static var sql: String { current!.sql }
    static var bindingDataTypes: [PostgresDataType] { current!.types }

    let bindings: PostgresBindings

    func makeBindings() throws -> PostgresBindings { bindings }

    func decodeRow(_ row: PostgresRow) throws -> PostgresRow { row }
}
