import Foundation
import HTTPTypes
import HummingbirdTesting
import JWTKit
import Testing

/// Bearer JWTs from an OpenID Connect provider, as Microsoft Entra ID client credentials issue
/// them: accepted when signed by a configured key for this audience, issuer and tenant; refused
/// otherwise, and never with `alg: none`.
@Suite struct OIDCTests {
    static let issuer = "https://login.microsoftonline.com/5d2e3c1a-0000-4000-8000-00000000abcd/v2.0"
    static let audience = "api://eptrack-northshire"
    static let tenant = "5d2e3c1a-0000-4000-8000-00000000abcd"

    struct Claims: JWTPayload {
        var iss: IssuerClaim = .init(value: OIDCTests.issuer)
        var aud: AudienceClaim = .init(value: [OIDCTests.audience])
        var exp: ExpirationClaim = .init(value: TestWorld.now.addingTimeInterval(3600))
        var iat: IssuedAtClaim?
        var sub: SubjectClaim? = .init(value: "7a1c9e52-3b0e-4a51-9f3e-0c9d2b7f6a10")
        var tid: String? = OIDCTests.tenant
        var roles: [String]? = ["la-northshire.iro"]
        func verify(using algorithm: some JWTAlgorithm) async throws {}
    }

    /// A signing key, the JWKS file the server is given for it, and the server's settings.
    /// The provider publishes two keys, as Entra does while it rolls its keys over.
    static func provider() async throws -> (keys: JWTKeyCollection, environment: [String: String], key: ES256PrivateKey) {
        let key = ES256PrivateKey()
        let parameters = try #require(key.publicKey.parameters)
        let next = try #require(ES256PrivateKey().publicKey.parameters)
        let jwks = #"{"keys":[{"kty":"EC","crv":"P-256","alg":"ES256","kid":"entra-key-1","use":"sig","x":"\#(parameters.x)","y":"\#(parameters.y)"},{"kty":"EC","crv":"P-256","alg":"ES256","kid":"entra-key-2","use":"sig","x":"\#(next.x)","y":"\#(next.y)"}]}"#
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("eptrack-jwks-\(UUID().uuidString).json")
        try jwks.write(to: file, atomically: true, encoding: .utf8)
        let keys = JWTKeyCollection()
        await keys.add(ecdsa: key, kid: "entra-key-1")
        return (keys, [
            "EPTRACK_OIDC_ISSUER": issuer, "EPTRACK_OIDC_AUDIENCE": audience, "EPTRACK_OIDC_TENANT": tenant,
            "EPTRACK_OIDC_JWKS_FILE": file.path,
        ], key)
    }

    @Test func aTokenFromTheProviderIsAccepted() async throws {
        let (keys, environment, _) = try await Self.provider()
        try await TestWorld.run(on: .sqlite, environment: environment) { world, client in
            let token = try await keys.sign(Claims(), kid: "entra-key-1")
            let id = try await client.openCase(in: world)
            let read = try await client.send(.get, "/v1/cases/\(id)", as: nil, in: world, headers: [.authorization: "Bearer \(token)"])
            #expect(read.status == .ok, "\(read.text)")
            // API tokens keep working beside OIDC.
            #expect(try await client.send(.get, "/v1/cases/\(id)", as: .northshireIRO, in: world).status == .ok)

            var admin = Claims()
            admin.roles = ["la-northshire.admin"]
            let adminToken = try await keys.sign(admin, kid: "entra-key-1")
            let forbidden = try await client.send(.get, "/v1/cases/\(id)", as: nil, in: world, headers: [.authorization: "Bearer \(adminToken)"])
            #expect(forbidden.status == .forbidden, "a valid caller without the right is 403, not 401")
        }
    }

    @Test func badTokensAreRefused() async throws {
        let (keys, environment, key) = try await Self.provider()
        let stranger = JWTKeyCollection()
        await stranger.add(ecdsa: ES256PrivateKey(), kid: "entra-key-1")
        var expired = Claims()
        expired.exp = .init(value: TestWorld.now.addingTimeInterval(-60))
        var otherAudience = Claims()
        otherAudience.aud = .init(value: ["api://someone-else"])
        var otherIssuer = Claims()
        otherIssuer.iss = .init(value: "https://login.example.org/")
        var otherTenant = Claims()
        otherTenant.tid = "00000000-0000-4000-8000-000000000000"
        var unknownAgency = Claims()
        unknownAgency.roles = ["la-nowhere.iro"]
        var twoRoles = Claims()
        twoRoles.roles = ["la-northshire.iro", "la-southmoor.iro"]
        var noSubject = Claims()
        noSubject.sub = nil
        var longLived = Claims()
        longLived.iat = .init(value: TestWorld.now.addingTimeInterval(-60))
        longLived.exp = .init(value: TestWorld.now.addingTimeInterval(2 * 86_400))
        var longLivedWithoutIssue = Claims()
        longLivedWithoutIssue.exp = .init(value: TestWorld.now.addingTimeInterval(30 * 3600))
        let signed = [expired, otherAudience, otherIssuer, otherTenant, unknownAgency, twoRoles, noSubject, longLived, longLivedWithoutIssue]
        var tokens = [String]()
        for claims in signed { tokens.append(try await keys.sign(claims, kid: "entra-key-1")) }
        tokens.append(try await stranger.sign(Claims(), kid: "entra-key-1"))
        // The provider's own key, but the token names no key, or a key the provider does not have.
        let unnamed = JWTKeyCollection()
        await unnamed.add(ecdsa: key)
        tokens.append(try await unnamed.sign(Claims()))
        let misnamed = JWTKeyCollection()
        await misnamed.add(ecdsa: key, kid: "entra-key-9")
        tokens.append(try await misnamed.sign(Claims(), kid: "entra-key-9"))
        // alg none: a header and a payload with no signature.
        let none = Data(#"{"alg":"none","typ":"JWT"}"#.utf8).base64URL + "." + Data(#"{"iss":"\#(Self.issuer)","aud":"\#(Self.audience)","exp":1999999999,"tid":"\#(Self.tenant)","roles":["la-northshire.iro"]}"#.utf8).base64URL + "."
        tokens.append(none)
        let finalTokens = tokens
        try await TestWorld.run(on: .sqlite, environment: environment) { world, client in
            for (index, token) in finalTokens.enumerated() {
                let response = try await client.send(.get, "/v1/cases", as: nil, in: world, headers: [.authorization: "Bearer \(token)"])
                #expect(response.status == .unauthorized, "token \(index): \(response.text)")
                #expect(response.headers[.wwwAuthenticate] != nil)
            }
        }
    }
}

extension OIDCTests {
    /// A deployment may allow longer-lived tokens; the default refuses them.
    @Test func theLongestLifetimeIsASetting() async throws {
        let (keys, environment, _) = try await Self.provider()
        var twoDays = Claims()
        twoDays.iat = .init(value: TestWorld.now.addingTimeInterval(-60))
        twoDays.exp = .init(value: TestWorld.now.addingTimeInterval(2 * 86_400))
        let token = try await keys.sign(twoDays, kid: "entra-key-1")
        try await TestWorld.run(on: .sqlite, environment: environment.merging(["EPTRACK_OIDC_MAX_TOKEN_LIFETIME": "259200"]) { $1 }) { world, client in
            let response = try await client.send(.get, "/v1/cases", as: nil, in: world, headers: [.authorization: "Bearer \(token)"])
            #expect(response.status == .ok, "\(response.text)")
        }
    }
}

extension Data {
    var base64URL: String {
        base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
}
