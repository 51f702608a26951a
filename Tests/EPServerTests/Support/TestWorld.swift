import EPDomain
import EPServer
import EPStore
import EPWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Synchronization

/// A running eptrack on a fresh database with a realistic set of agencies: two local
/// authorities, an RAA in partnership with one of them, and a VAA with no partnership; and a
/// token for each kind of caller.
struct TestWorld: Sendable {
    let backend: Backend
    let tokens: [Caller: String]
    let clock: Clock
    let metrics: ServiceMetrics
    let configuration: ServerConfiguration

    /// Who calls, in the tests' words.
    enum Caller: String, CaseIterable, Sendable {
        case northshireSocialWorker, northshireIRO, northshireLeader, northshireAdmin
        case southmoorSocialWorker, southmoorIRO, southmoorAdmin
        case raaSocialWorker, raaAdmin
        case vaaSocialWorker, vaaAdmin
    }

    static let northshire = "la-northshire"
    static let southmoor = "la-southmoor"
    static let raa = "raa-coast-and-vale"
    static let vaa = "vaa-hearth"
    /// The day the tests run on: 1 September 2025, 10:00 in London.
    static let now = Date(timeIntervalSince1970: 1_756_717_200)

    static func run(
        on database: TestDatabase, now: Date = TestWorld.now, environment extra: [String: String] = [:],
        logger given: Logger? = nil, policy: Policy? = nil,
        _ body: @Sendable (TestWorld, any TestClientProtocol) async throws -> Void
    ) async throws {
        try await database.withBackend { backend in
            try await run(on: backend, now: now, environment: extra, logger: given, policy: policy, body)
        }
    }

    /// The same world on a backend the caller connected (e.g. as a restricted database role).
    static func run(
        on backend: Backend, now: Date = TestWorld.now, environment extra: [String: String] = [:],
        logger given: Logger? = nil, policy chosen: Policy? = nil,
        _ body: @Sendable (TestWorld, any TestClientProtocol) async throws -> Void
    ) async throws {
        let store = backend.store
        let created = Date(timeIntervalSince1970: 1_735_689_600)
        try await store.createAgency(Agency(id: northshire, name: "Northshire County Council", type: .la), at: created, audit: nil)
        try await store.createAgency(Agency(id: southmoor, name: "Southmoor Borough Council", type: .la), at: created, audit: nil)
        try await store.createAgency(Agency(id: raa, name: "Coast and Vale Adoption", type: .raa), at: created, audit: nil)
        try await store.createAgency(Agency(id: vaa, name: "Hearth Adoption Society", type: .vaa), at: created, audit: nil)
        try await store.startPartnership(agency: raa, localAuthority: northshire, at: created, audit: nil)
        var tokens: [Caller: String] = [:]
        for caller in Caller.allCases {
            let (agency, role) = caller.agencyAndRole
            let secret = TokenSecret.generate()
            try await store.createToken(
                TokenRecord(id: UUID(), agency: agency, role: role, label: caller.rawValue, createdAt: created, expiresAt: created.addingTimeInterval(400 * 86_400)),
                hash: TokenSecret.hash(secret), audit: nil, idempotency: nil
            )
            tokens[caller] = secret
        }
        // The clock starts at `now` and moves on a millisecond each time it is read, so that
        // records made one after another are ordered in time as they would be for real.
        let ticks = Mutex(0)
        let clock = Clock(now: { now.addingTimeInterval(Double(ticks.withLock { tick in tick += 1; return tick }) / 1000) })
        var environment = extra.merging(["DATABASE_URL": "sqlite://unused.sqlite"]) { _, fixed in fixed }
        environment["EPTRACK_OPENAPI_FILE"] = TestDatabase.repository.appendingPathComponent("api-docs/openapi.yaml").path
        let configuration = try ServerConfiguration(environment: environment)
        var logger = given ?? Logger(label: "eptrack-test")
        if given == nil { logger.logLevel = .warning }
        let policy = try chosen ?? TestDatabase.englandPolicy()
        try await AlertIndex.rebuildIfPolicyChanged(store: backend.store, policy: policy, clock: clock, logger: logger)
        let metrics = ServiceMetrics(policy: policy)
        let world = TestWorld(backend: backend, tokens: tokens, clock: clock, metrics: metrics, configuration: configuration)
        let discovery = OIDCDiscovery.of(configuration)
        let app = try await buildApplication(
            configuration: configuration, backend: backend, policy: policy, clock: clock, metrics: metrics, logger: logger,
            pages: WebPages(settings: configuration.pages, discovery: discovery, logger: logger), publishedKeys: discovery
        )
        try await app.test(.router) { client in try await body(world, client) }
    }
}

extension TestWorld {
    /// What Prometheus reads from the metrics listener (its own address, not the API's).
    func scrapeMetrics() async throws -> TestResponse {
        let app = buildMetricsApplication(configuration: configuration, backend: backend, metrics: metrics, clock: clock, logger: Logger(label: "eptrack-test"))
        return try await app.test(.router) { client in try await client.execute(uri: "/metrics", method: .get) }
    }
}

/// JSON in and out of the API, the way a client library would do it.
extension TestClientProtocol {
    @discardableResult
    func send(
        _ method: HTTPRequest.Method, _ path: String, as caller: TestWorld.Caller?, in world: TestWorld,
        json: String? = nil, headers extra: HTTPFields = [:]
    ) async throws -> TestResponse {
        var headers = extra
        if let caller { headers[.authorization] = "Bearer \(world.tokens[caller]!)" }
        if json != nil, headers[.contentType] == nil { headers[.contentType] = "application/json" }
        return try await execute(uri: path, method: method, headers: headers, body: json.map { ByteBuffer(string: $0) })
    }

    /// Opens a case in Northshire (or `localAuthority`) and returns its id.
    func openCase(
        in world: TestWorld, reference: String = "NS-EP-2025-0142", as caller: TestWorld.Caller = .northshireSocialWorker,
        localAuthority: String = TestWorld.northshire, unborn: Bool = false
    ) async throws -> String {
        let profile = unborn
            ? #"{"sex":"not_known","ethnicity":"MWBC","sibling_group_size":1,"disability":false,"unborn":true,"expected_birth_month":"2025-06"}"#
            : #"{"sex":"female","ethnicity":"WBRI","sibling_group_size":1,"disability":false,"unborn":false}"#
        let response = try await send(.post, "/v1/cases", as: caller, in: world, json: """
            {"reference":"\(reference)","local_authority":"\(localAuthority)","profile":\(profile)}
            """)
        guard response.status == .created, let id = try response.object()["id"] as? String else {
            throw TestSetupError("opening a case answered \(response.status): \(response.text)")
        }
        return id
    }

    /// Records a milestone and returns the response.
    @discardableResult
    func record(
        _ kind: String, on date: String, details: String? = nil, caseID: String, in world: TestWorld,
        as caller: TestWorld.Caller = .northshireSocialWorker, headers: HTTPFields = [:]
    ) async throws -> TestResponse {
        let detailsJSON = details.map { #","details":\#($0)"# } ?? ""
        return try await send(.post, "/v1/cases/\(caseID)/milestones", as: caller, in: world, json: """
            {"kind":"\(kind)","occurred_on":"\(date)"\(detailsJSON)}
            """, headers: headers)
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }

    func object() throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
            throw TestSetupError("not a JSON object: \(text)")
        }
        return object
    }

    /// The problem's type slug, e.g. `invalid-field`.
    var problemType: String? {
        (try? object()["type"] as? String)?.split(separator: "/").last.map(String.init)
    }

    var problemField: String? { try? object()["field"] as? String }

    var problemDetail: String? { try? object()["detail"] as? String }
}

extension TestWorld.Caller {
    /// The agency and role a caller acts for.
    var agencyAndRole: (String, Role) {
        switch self {
        case .northshireSocialWorker: (TestWorld.northshire, .socialWorker)
        case .northshireIRO: (TestWorld.northshire, .iro)
        case .northshireLeader: (TestWorld.northshire, .leader)
        case .northshireAdmin: (TestWorld.northshire, .admin)
        case .southmoorSocialWorker: (TestWorld.southmoor, .socialWorker)
        case .southmoorIRO: (TestWorld.southmoor, .iro)
        case .southmoorAdmin: (TestWorld.southmoor, .admin)
        case .raaSocialWorker: (TestWorld.raa, .socialWorker)
        case .raaAdmin: (TestWorld.raa, .admin)
        case .vaaSocialWorker: (TestWorld.vaa, .socialWorker)
        case .vaaAdmin: (TestWorld.vaa, .admin)
        }
    }
}
