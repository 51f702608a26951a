import ArgumentParser
import EPDomain
import EPServer
import EPStore
import Foundation
import Logging

typealias EPDomainPolicy = EPDomain.Policy

enum CLI {
    static func make(_ label: String) -> Logger {
        bootstrap
        var logger = Logger(label: label)
        logger.logLevel = level
        return logger
    }

    static var level: Logger.Level {
        ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
    }

    /// Log lines are JSON unless LOG_FORMAT=text (for reading on a terminal); set up once.
    static let bootstrap: Void = {
        if ProcessInfo.processInfo.environment["LOG_FORMAT"] != "text" {
            LoggingSystem.bootstrap { label in JSONLogHandler(label: label, level: level) }
        }
    }()

    /// Runs an operator's administration command through the same service (checks and audit
    /// events) as the API; a refusal is printed as the API would word it.
    /// `options` names the command's option for each field the service may refuse.
    static func withAdmin<T>(options: [String: String] = [:], _ body: (AdminService) async throws -> T) async throws -> T {
        try await withBackend { backend in
            do {
                return try await body(AdminService(store: backend.store, clock: Clock()))
            } catch {
                guard let message = Problem.operatorMessage(for: error, options: options) else { throw error }
                throw Refused(description: message)
            }
        }
    }

    /// A command typed correctly that the service refused (an agency that exists already, a
    /// token that does not): "Error: …" and exit status 1, without the usage hint and status 64
    /// that a mistyped command gets.
    struct Refused: Error, CustomStringConvertible {
        let description: String
    }

    /// Connects to the configured database (migrating it) for a one-off command, runs `body`,
    /// and disconnects.
    static func withBackend<T>(_ body: (Backend) async throws -> T) async throws -> T {
        var logger = make("eptrack")
        logger.logLevel = .warning
        return try await Backend.run(try ServerConfiguration(), logger: logger, body)
    }
}

/// `--role social_worker|iro|leader|admin`: the argument parser refuses any other value and
/// lists these in the help and the error.
extension Role: ExpressibleByArgument {}
