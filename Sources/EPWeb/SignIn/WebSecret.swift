import Crypto
import EPServer
import Foundation

/// The random secrets of browser sign-in (session ids, CSRF tokens, OIDC state, nonce and PKCE
/// verifier, one-time links): 32 random bytes, base64url. Only their SHA-256 is stored.
enum WebSecret {
    static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        return base64URL(Data((0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }))
    }

    static func hash(_ secret: String) -> String { sha256Hex(Data(secret.utf8)) }

    /// PKCE's S256 challenge for a verifier (RFC 7636 §4.2).
    static func challenge(for verifier: String) -> String { base64URL(Data(SHA256.hash(data: Data(verifier.utf8)))) }

    /// Compares two secrets in time that does not depend on where they differ.
    static func matches(_ given: String, _ expected: String) -> Bool {
        let a = Array(given.utf8), b = Array(expected.utf8)
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }

    static func base64URL(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
