import PostgresNIO
import Synchronization

/// The names under which this process prepares statements: one per statement text and types of
/// its values (a NULL has no type, so the same text with a NULL in another place is another
/// statement). Names are handed out in order and never again, so two texts never share one.
/// PostgresNIO prepares a name on a connection the first time it runs there and keeps it while
/// the connection lives; past `capacity` names, statements run unprepared, so an unforeseen
/// variety of shapes cannot fill the database's memory.
final class PreparedStatementNames: Sendable {
    static let shared = PreparedStatementNames(capacity: 500)

    private struct State {
        var names: [Key: String] = [:]
        var issued = 0
    }

    private let state = Mutex(State())
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
        return state.withLock { state in
            if let name = state.names[key] { return name }
            guard state.issued < capacity else { return nil }
            state.issued += 1
            let name = "eptrack_\(state.issued)"
            state.names[key] = name
            return name
        }
    }

    /// Gives the statement a new name next time. PostgresNIO remembers a failed preparation
    /// (a statement timeout behind a migration's lock, say) and answers every later run of that
    /// name on that connection with the same error, so a statement whose run failed for any
    /// reason but its data is prepared afresh under another name.
    func forget(sql: String, types: [PostgresDataType]) {
        let key = Key(sql: sql, types: types.map(\.rawValue))
        state.withLock { _ = $0.names.removeValue(forKey: key) }
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

    /// Set around `PostgresConnection.execute`, which (in PostgresNIO 1.33) reads the static
    /// properties below before it first suspends; a test runs every prepared statement.
    @TaskLocal static var current: Current?

    static var name: String { current!.name }
    static var sql: String { current!.sql }
    static var bindingDataTypes: [PostgresDataType] { current!.types }

    let bindings: PostgresBindings

    func makeBindings() throws -> PostgresBindings { bindings }

    func decodeRow(_ row: PostgresRow) throws -> PostgresRow { row }
}
