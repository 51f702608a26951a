import ArgumentParser
import EPDomain
import EPServer
import Foundation

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Export data for analysis.", subcommands: [Cases.self])

    struct Cases: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write one LA's cases as CSV to standard output: no references, month of birth, milestones in weeks from the start of planning, SSDA903 placement codes."
        )
        @Option(name: .customLong("local-authority"), help: "The LA whose cases to export") var localAuthority: String

        func run() async throws {
            let text = try await CLI.withAdmin(options: ["/local_authority": "--local-authority"]) {
                try await $0.exportCases(localAuthority: localAuthority, by: .current)
            }
            print(text, terminator: "")
        }
    }
}
