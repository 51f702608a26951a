import ArgumentParser
import EPDomain
import EPServer
import EPStore
import Foundation

struct AgencyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "agency", abstract: "Manage agencies.", subcommands: [Create.self, List.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Register an LA, RAA or VAA.")
        @Option(help: "A short lower-case code, e.g. la-northshire") var id: String
        @Option(help: "The agency's name") var name: String
        @Option(help: "la, raa or vaa") var type: String

        func run() async throws {
            guard let type = AgencyType(rawValue: type) else { throw ValidationError("--type must be la, raa or vaa") }
            let agency = Agency(id: id, name: name, type: type)
            _ = try await CLI.withAdmin(options: ["/id": "--id", "/name": "--name"]) { try await $0.registerAgency(agency, by: .current) }
            print("created \(type.rawValue) \(id)")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List agencies.")
        func run() async throws {
            for agency in try await CLI.withAdmin({ try await $0.agencies(by: .current) }) {
                print("\(agency.id)\t\(agency.type.rawValue)\t\(agency.name)")
            }
        }
    }
}

struct PartnershipCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "partnership", abstract: "Manage who works for whom.", subcommands: [Create.self, End.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Let an RAA or VAA work on a local authority's cases (the operator acts for the LA; its proposal, if any, is accepted)."
        )
        @Option(help: "The RAA or VAA") var agency: String
        @Option(name: .customLong("local-authority"), help: "The LA") var localAuthority: String

        func run() async throws {
            _ = try await CLI.withAdmin(options: ["/agency": "--agency", "/local_authority": "--local-authority"]) {
                try await $0.startPartnership(agency: agency, localAuthority: localAuthority, by: .current)
            }
            print("\(agency) now works for \(localAuthority)")
        }
    }

    struct End: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "End a partnership: access stops on the next request.")
        @Option(help: "The RAA or VAA") var agency: String
        @Option(name: .customLong("local-authority"), help: "The LA") var localAuthority: String

        func run() async throws {
            try await CLI.withAdmin { try await $0.endPartnership(agency: agency, localAuthority: localAuthority, by: .current) }
            print("ended: \(agency) no longer works for \(localAuthority)")
        }
    }
}

struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "token", abstract: "Manage API tokens.", subcommands: [Create.self, List.self, Revoke.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a token; it is printed once and only its hash is kept.")
        @Option(help: "The agency the token acts for") var agency: String
        @Option(help: "What the token may do") var role: Role
        @Option(help: "What it is for, to recognise it by in token lists and the admin page (no personal data)") var name: String
        // (Unconditional: "--expires -5" is a number out of range, not a missing value.)
        @Option(parsing: .unconditional, help: "Days until it expires (1 to 365)") var expires: Int = 90

        /// Through the admin service, as the API's and the pages' token creation: the same
        /// checks (a registered agency, no personal data in the label) and an audit event
        /// stored with the token.
        func run() async throws {
            let (_, secret) = try await CLI.withAdmin(options: ["/agency": "--agency", "/label": "--name", "/days": "--expires"]) {
                try await $0.createToken(agency: agency, role: role, label: name, days: expires, by: .current)
            }
            print(secret)
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List tokens (never their secrets).")
        func run() async throws {
            for token in try await CLI.withAdmin({ try await $0.tokens(by: .current) }) {
                let status = token.revokedAt != nil ? "revoked" : (token.expiresAt < Date() ? "expired" : "active")
                // A use is noted when an hour has passed since the last one noted: the last use was
                // then, or in the hour after.
                let lastUse = token.lastUsedAt.map { ISO8601DateFormatter().string(from: $0).prefix(16) + "Z (or in the hour after)" } ?? "never"
                print("\(token.id.uuidString.lowercased())\t\(token.agency)\t\(token.role.rawValue)\t\(status)\texpires \(ISO8601DateFormatter().string(from: token.expiresAt))\tlast used \(lastUse)\t\(token.label ?? "")")
            }
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a token by its id (from token list).")
        @Argument var id: String

        func run() async throws {
            guard let uuid = UUID(uuidString: id) else { throw ValidationError("give the token's id from 'eptrack token list'") }
            let revoked = try await CLI.withAdmin { try await $0.revokeToken(id: uuid, by: .current) }
            print(revoked ? "revoked \(id)" : "\(id) was already revoked")
        }
    }
}
