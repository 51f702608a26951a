import ArgumentParser

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Apply any missing migrations to DATABASE_URL and exit.")

    func run() async throws {
        try await CLI.withBackend { _ in print("migrations are current") }
    }
}
