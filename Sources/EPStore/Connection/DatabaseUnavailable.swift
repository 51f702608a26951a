/// The database did not hand out a connection in time, or the connection broke: the request
/// did nothing (a broken transaction is rolled back by the database) and may be retried.
public struct DatabaseUnavailable: Error, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
