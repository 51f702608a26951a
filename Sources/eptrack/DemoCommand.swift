import ArgumentParser
import EPDomain
import EPServer
import EPStore
import EPWeb
import Foundation

/// Fills the configured database with synthetic, anonymised journeys across two local
/// authorities and a partnered RAA, so a newcomer sees real alerts and dashboards at once.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Fill the database with synthetic journeys and print tokens to explore them.",
        discussion: "Every milestone goes through the same domain checks as the API (a step they refuse is skipped); nothing here is real data."
    )

    @Option(help: "How many cases") var cases: Int = 200
    @Option(help: "Seed: the same seed gives the same journeys") var seed: UInt64 = 1

    /// Two councils whose early permanence practice differs, as England's do: North places a
    /// fair share of its children with EP carers, South few, so their dashboards differ.
    static let localAuthorities = [("la-demo-north", "Demo North County Council"), ("la-demo-south", "Demo South Borough Council")]
    static let practice: [String: SyntheticJourneys.Practice] = ["la-demo-north": .established, "la-demo-south": .developing]
    static let raa = ("raa-demo", "Demo Regional Adoption Agency")

    func run() async throws {
        guard (1...1_000_000).contains(cases) else { throw ValidationError("--cases must be 1 to 1000000") }
        let configuration = try ServerConfiguration()
        let policy = try PolicyFile.load(path: configuration.policyFile)
        try await CLI.withBackend { backend in
            let store = backend.store
            let clock = Clock()
            let admin = AdminService(store: store, clock: clock)
            for (id, name) in Self.localAuthorities where try await store.agency(id: id) == nil {
                _ = try await admin.registerAgency(Agency(id: id, name: name, type: .la), by: .current)
            }
            if try await store.agency(id: Self.raa.0) == nil {
                _ = try await admin.registerAgency(Agency(id: Self.raa.0, name: Self.raa.1, type: .raa), by: .current)
                for (id, _) in Self.localAuthorities {
                    _ = try await admin.startPartnership(agency: Self.raa.0, localAuthority: id, by: .current)
                }
            }
            // The journeys' alert index entries are worked out with the policy in force: bring
            // any earlier cases' entries to it first and mark it, so the server has nothing to rebuild.
            try await AlertIndex.rebuildIfPolicyChanged(store: store, policy: policy, clock: clock, logger: CLI.make("eptrack"))
            let service = CaseService(store: store, policy: policy, clock: clock)
            var generator = SyntheticJourneys(seed: seed)
            var recorded = 0
            // Stored a thousand journeys per transaction: 200,000 cases load in minutes, not hours.
            for batchStart in stride(from: 0, to: cases, by: 1000) {
                for (localAuthority, _) in Self.localAuthorities {
                    let caller = Caller(actor: "demo", agency: localAuthority, agencyType: .la, role: .socialWorker, visibleLocalAuthorities: [localAuthority])
                    var journeys: [(draft: NewCase, steps: [MilestoneInput])] = []
                    for number in batchStart..<min(batchStart + 1000, cases) where Self.localAuthorities[number % Self.localAuthorities.count].0 == localAuthority {
                        let (profile, milestones) = generator.next(startingBefore: clock.today, practice: Self.practice[localAuthority] ?? .typical)
                        let draft = NewCase(reference: "DEMO-\(seed)-\(number + 1)", localAuthority: localAuthority, adoptionAgency: Self.raa.0, profile: profile)
                        journeys.append((draft, milestones))
                    }
                    do {
                        recorded += try await service.importJourneys(journeys, by: caller).milestones
                    } catch StoreError.duplicateReference {
                        throw ValidationError("this database already holds demo cases made with --seed \(seed): use another seed")
                    }
                }
            }
            print("created \(cases) synthetic cases (\(recorded) milestones) in \(Self.localAuthorities.map(\.0).joined(separator: " and ")), worked on by \(Self.raa.0)")
            for (agency, role) in [("la-demo-north", Role.leader), ("la-demo-north", .iro), (Self.raa.0, .leader)] {
                let (_, secret) = try await admin.createToken(agency: agency, role: role, label: "demo \(role.rawValue)", days: 7, by: .current)
                print("\(agency) \(role.rawValue) token (7 days): \(secret)")
            }
            // The pages, without an identity provider: one-time links (refused by the server when
            // OIDC is configured, unless EPTRACK_WEB_SIGN_IN_LINKS=allow).
            for (agency, role) in [("la-demo-north", Role.socialWorker), ("la-demo-north", .iro), ("la-demo-north", .leader), ("la-demo-north", .admin)] {
                let link = try await SignInLinks.create(store: store, agency: agency, role: role, publicURL: configuration.pages.publicURL, clock: clock)
                print("sign-in link for \(agency) \(role.rawValue) (15 minutes): \(link)")
            }
        }
    }
}
