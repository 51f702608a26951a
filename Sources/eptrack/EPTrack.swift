import ArgumentParser

@main
struct EPTrack: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eptrack",
        abstract: "Early permanence journey tracking and timeliness alerts.",
        subcommands: [Serve.self, Migrate.self, PolicyCommand.self, AgencyCommand.self, PartnershipCommand.self, TokenCommand.self, AuditCommand.self, DemoCommand.self, ExportCommand.self, SignInLinkCommand.self]
    )
}
