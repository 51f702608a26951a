@testable import EPServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// Guessing tokens costs the guesser, not the database: failed authentications are limited per
/// client address, and once over the limit the address is refused before any token is looked up.
@Suite struct AuthenticationLimitTests {
    @Test(arguments: TestDatabase.all)
    func failedAuthenticationIsLimitedPerAddress(database: TestDatabase) async throws {
        try await TestWorld.run(on: database, environment: ["EPTRACK_AUTH_FAILURE_LIMIT": "5"]) { world, client in
            let id = try await client.openCase(in: world)
            let forged = "ept_" + String(repeating: "A", count: 43) + "_abcdef"
            for attempt in 1...5 {
                let headers: HTTPFields = attempt == 3 ? [:] : [.authorization: "Bearer \(forged)"]
                let response = try await client.send(.get, "/v1/cases/\(id)", as: nil, in: world, headers: headers)
                #expect(response.status == .unauthorized, "attempt \(attempt)")
            }
            let limited = try await client.send(.get, "/v1/cases/\(id)", as: nil, in: world, headers: [.authorization: "Bearer \(forged)"])
            #expect(limited.status == .tooManyRequests)
            #expect(limited.problemType == "rate-limited")
            #expect(Int(limited.headers[.retryAfter] ?? "") ?? 0 >= 1)
            // The address is refused whatever it sends until the bucket refills: checking a good
            // token would take the same database lookup the limit protects.
            #expect(try await client.send(.get, "/v1/cases/\(id)", as: .northshireIRO, in: world).status == .tooManyRequests)
            #expect(try await client.send(.get, "/health/live", as: nil, in: world).status == .ok, "health is never limited")
        }
    }

    @Test func aForwardedAddressCountsOnlyFromATrustedProxy() throws {
        let addresses = ClientAddress(trustedProxies: ["10.0.0.5"])
        func request(forwardedFor: String?) -> Request {
            var head = HTTPRequest(method: .get, scheme: "http", authority: "eptrack", path: "/v1/cases")
            head.headerFields[.xForwardedFor] = forwardedFor
            return Request(head: head, body: RequestBody(buffer: ByteBuffer()))
        }
        let forwarded = request(forwardedFor: "203.0.113.9, 198.51.100.23")
        let proxy = try SocketAddress(ipAddress: "10.0.0.5", port: 41_000)
        let stranger = try SocketAddress(ipAddress: "192.0.2.44", port: 41_000)
        #expect(addresses.of(forwarded, peer: proxy) == "198.51.100.23", "the address the trusted proxy appended")
        #expect(addresses.of(forwarded, peer: stranger) == "192.0.2.44", "a client's own header is ignored")
        #expect(ClientAddress(trustedProxies: []).of(forwarded, peer: proxy) == "10.0.0.5")
        #expect(addresses.of(request(forwardedFor: nil), peer: proxy) == "10.0.0.5")
    }
}
