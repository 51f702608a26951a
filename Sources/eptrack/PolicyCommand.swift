import ArgumentParser
import EPDomain
import EPServer
import Foundation

struct PolicyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "policy", abstract: "Work with policy files.", subcommands: [Check.self])

    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Check a policy file; print the rules in force or every error.")

        @Argument(help: "The policy file, e.g. Policies/england-default.yaml")
        var file: String

        func run() async throws {
            let policy: EPDomain.Policy
            do {
                policy = try PolicyFile.load(path: file)
            } catch let error as PolicyLoadError {
                var standardError = FileHandle.standardError
                print(error.description, to: &standardError)
                throw ExitCode.failure
            }
            print("\(policy.id) version \(policy.version): \(policy.title)")
            print("bank holidays: \(policy.calendar.name) (\(policy.calendar.bankHolidays.count) dates)")
            for setting in policy.rules {
                let threshold = setting.threshold.map { "\($0.spoken), warning \(setting.warning?.spoken ?? "none")" } ?? setting.rule.shape.name
                let state = setting.enabled ? "" : " [disabled]"
                print("  \(setting.rule.id.padding(toLength: 34, withPad: " ", startingAt: 0)) \(setting.rule.standard.padding(toLength: 11, withPad: " ", startingAt: 0)) \(threshold) (\(setting.rule.basis.name))\(state)")
            }
        }
    }
}

extension FileHandle: @retroactive TextOutputStream {
    public func write(_ string: String) { write(Data(string.utf8)) }
}
