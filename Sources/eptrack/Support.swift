import EPDomain
import EPServer
import EPStore
import Foundation
import Logging

typealias EPDomainPolicy = EPDomain.Policy

enum CLI {
    static func make(_ label: String) -> Logger {
        var logger = Logger(label: label)
        logger.logLevel = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
        return logger
    }

    /// Connects to the configured database (migrating it) for a one-off command, runs `body`,
    /// and disconnects.
    static func withBackend<T>(_ body: (Backend) async throws -> T) async throws -> T {
        var logger = make("eptrack")
        logger.logLevel = .warning
        let configuration = try ServerConfiguration()
        let backend = try await Backend.connect(
            configuration.database, schemaFolder: configuration.schemaFolder, allowUnsafe: configuration.allowUnsafeDatabase, logger: logger
        )
        do {
            let result = try await body(backend)
            await backend.shutdown()
            return result
        } catch {
            await backend.shutdown()
            throw error
        }
    }
}
