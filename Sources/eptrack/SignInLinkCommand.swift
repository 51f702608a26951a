import ArgumentParser
import EPDomain
import EPServer
import EPWeb
import Foundation

/// A one-time link that signs one browser in to the pages as a named agency and role: for a
/// laptop or a demo without an identity provider.
struct SignInLinkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "signin-link",
        abstract: "Print a one-time sign-in link for the pages (works once, for 15 minutes).",
        discussion: "The server refuses these links when OIDC sign-in is configured, unless EPTRACK_WEB_SIGN_IN_LINKS=allow. The link's address comes from EPTRACK_PUBLIC_URL."
    )

    @Option(help: "The agency id, e.g. la-northshire") var agency: String
    @Option(help: "What the person signed in may do") var role: Role

    func run() async throws {
        let configuration = try ServerConfiguration()
        if !configuration.pages.signInLinks {
            var standardError = FileHandle.standardError
            print("note: this server refuses sign-in links (OIDC is configured and EPTRACK_WEB_SIGN_IN_LINKS is not allow)", to: &standardError)
        }
        let link = try await CLI.withBackend { backend in
            try await SignInLinks.create(store: backend.store, agency: agency, role: role, publicURL: configuration.pages.publicURL)
        }
        print(link)
    }
}
