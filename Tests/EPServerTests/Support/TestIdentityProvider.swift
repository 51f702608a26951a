import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import JWTKit
import Synchronization
import Testing

/// An OpenID Connect provider of the tests' own, run on this machine: a discovery document, the
/// signing keys it publishes now (the test rotates them, or takes the key endpoint down), and a
/// token endpoint that answers with whatever ID token the test has lined up once the PKCE
/// verifier matches the challenge it was sent. It counts the fetches of its keys.
final class TestIdentityProvider: Sendable {
    let clientID: String
    /// Every key the provider has had, published or not, to sign the tests' tokens with.
    let signer = JWTKeyCollection()
    private let keys = Mutex<[String: ES256PrivateKey]>([:])
    private let published = Mutex<[String]>([])
    let keysDown = Mutex(false)
    /// While set, the key endpoint does not answer (a provider that hangs).
    private let keysOnHold = Mutex(false)
    let keyFetches = Mutex(0)
    let next = Mutex<(challenge: String, token: String)?>(nil)
    let exchanges = Mutex(0)

    init(clientID: String = "eptrack-pages-northshire") {
        self.clientID = clientID
    }

    /// Makes a key `kid` and publishes it beside the others, as Entra does while it rolls over.
    func addKey(_ kid: String) async {
        let key = ES256PrivateKey()
        keys.withLock { $0[kid] = key }
        published.withLock { $0.append(kid) }
        await signer.add(ecdsa: key, kid: JWKIdentifier(string: kid))
    }

    /// Publishes only these keys from now on (the others stay in `signer`, for forged tokens).
    func publish(only kids: [String]) {
        published.withLock { $0 = kids }
    }

    func sign(_ claims: some JWTPayload, kid: String) async throws -> String {
        try await signer.sign(claims, kid: JWKIdentifier(string: kid))
    }

    var fetchesOfKeys: Int { keyFetches.withLock { $0 } }

    /// Holds the key endpoint until `letKeysGo()`, or for `limit` at most: a test expecting an
    /// answer while a fetch hangs then fails, rather than hangs, if the answer waits after all.
    func holdKeys(atMost limit: Duration) -> Task<Void, Never> {
        keysOnHold.withLock { $0 = true }
        return Task {
            try? await Task.sleep(for: limit)
            letKeysGo()
        }
    }

    func letKeysGo() {
        keysOnHold.withLock { $0 = false }
    }

    var keysHeld: Bool { keysOnHold.withLock { $0 } }

    func application() -> some ApplicationProtocol {
        let router = Router()
        router.get("/.well-known/openid-configuration") { request, _ -> Response in
            let issuer = "http://\(request.head.authority ?? "")"
            return Self.json(#"{"issuer":"\#(issuer)","authorization_endpoint":"\#(issuer)/authorize","token_endpoint":"\#(issuer)/token","jwks_uri":"\#(issuer)/keys"}"#)
        }
        router.get("/keys") { [self] _, _ -> Response in
            keyFetches.withLock { $0 += 1 }
            while keysHeld { try await Task.sleep(for: .milliseconds(10)) }
            if keysDown.withLock({ $0 }) { return Response(status: .serviceUnavailable) }
            let entries = try published.withLock { $0 }.map { kid in
                let parameters = try #require(keys.withLock { $0[kid] }?.publicKey.parameters)
                return #"{"kty":"EC","crv":"P-256","alg":"ES256","kid":"\#(kid)","use":"sig","x":"\#(parameters.x)","y":"\#(parameters.y)"}"#
            }
            return Self.json(#"{"keys":[\#(entries.joined(separator: ","))]}"#)
        }
        router.post("/token") { [self] request, _ -> Response in
            let body = String(buffer: try await request.body.collect(upTo: 65536))
            let fields = Dictionary(body.split(separator: "&").map { pair -> (String, String) in
                let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).removingPercentEncoding ?? "" }
                return (parts[0], parts.count > 1 ? parts[1] : "")
            }, uniquingKeysWith: { first, _ in first })
            exchanges.withLock { $0 += 1 }
            guard let lined = next.withLock({ $0 }), let verifier = fields["code_verifier"],
                  Data(SHA256.hash(data: Data(verifier.utf8))).base64EncodedString().replacingOccurrences(of: "+", with: "-")
                      .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "") == lined.challenge,
                  fields["client_id"] == clientID, fields["grant_type"] == "authorization_code"
            else { return Response(status: .badRequest) }
            return Self.json(#"{"token_type":"Bearer","id_token":"\#(lined.token)"}"#)
        }
        return Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
    }

    private static func json(_ text: String) -> Response {
        Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
