import Foundation
import JWTKit

/// The identity provider's public signing keys, as a verifier looks them up: by the key id
/// (`kid`) a token names. Two sources: a JWKS file read at start (`JWKSFile`), or the keys the
/// provider publishes, fetched over HTTPS and fetched again when it rotates them (EPWeb's
/// `OIDCDiscovery`, which the pages' sign-in uses too).
public protocol SigningKeys: Sendable {
    /// The provider's keys if one of them has the id `kid`, nil if it publishes no such key.
    /// Throws `SigningKeysUnavailable` when the keys cannot be had just now.
    func keys(naming kid: String, now: Date) async throws -> JWTKeyCollection?
}

/// The provider's keys could not be fetched (it is unreachable, or answered with something that
/// is not a key set): no token can be checked until they can. The reason is for the log, not
/// for the caller.
public struct SigningKeysUnavailable: Error, CustomStringConvertible, Sendable {
    public let reason: String

    public init(_ reason: String) {
        self.reason = reason
    }

    public var description: String { "the identity provider's signing keys could not be fetched (\(reason))" }
}

/// A JWKS document, read: its keys and their ids.
public struct KeySet: Sendable {
    public let keys: JWTKeyCollection
    public let ids: Set<String>

    /// Every key must have a `kid`: JWTKit would otherwise verify a token that names no key
    /// against a default one. A key of an algorithm the kit does not know is refused here too.
    public init(jwks json: String) async throws {
        struct Document: Decodable {
            struct Key: Decodable { let kid: String? }
            let keys: [Key]
        }
        let document = try JSONDecoder().decode(Document.self, from: Data(json.utf8))
        let ids = document.keys.compactMap(\.kid)
        guard ids.count == document.keys.count else { throw JWTError.generic(identifier: "jwks", reason: "every key of the JWKS needs a kid") }
        keys = JWTKeyCollection()
        try await keys.add(jwksJSON: json)
        self.ids = Set(ids)
    }

    public func keys(naming kid: String) -> JWTKeyCollection? {
        ids.contains(kid) ? keys : nil
    }
}

/// Keys pinned by hand (`EPTRACK_OIDC_JWKS_FILE`): read once, at start, so a bad file stops the
/// server there rather than failing the first request. Replacing the file needs a restart.
public struct JWKSFile: SigningKeys {
    let set: KeySet

    public init(path: String) async throws {
        set = try await KeySet(jwks: try String(contentsOfFile: path, encoding: .utf8))
    }

    public func keys(naming kid: String, now: Date) async throws -> JWTKeyCollection? {
        set.keys(naming: kid)
    }
}
