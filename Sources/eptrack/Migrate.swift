import ArgumentParser

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Apply any missing migrations and exit (through EPTRACK_MIGRATION_DATABASE_URL, the tables' owner, when set; else DATABASE_URL)."
    )

    func run() async throws {
        try await CLI.withBackend { _ in print("migrations are current") }
    }
}
