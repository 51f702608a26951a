import Crypto
import Foundation

/// API token secrets: `ept_` + 32 random bytes (base64url) + `_` + a 6-character checksum, so
/// a leaked token is recognisable to secret scanners and a mistyped one is refused without a
/// database look-up. Only the SHA-256 of the whole token is stored.
public enum TokenSecret {
    public static let prefix = "ept_"

    public static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let body = Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        return prefix + body + "_" + checksum(body)
    }

    /// Whether `token` has the shape and checksum of one of ours.
    public static func isWellFormed(_ token: String) -> Bool {
        guard token.hasPrefix(prefix) else { return false }
        let parts = token.dropFirst(prefix.count).split(separator: "_", omittingEmptySubsequences: false)
        // The base64url body may itself contain "_": the checksum is what follows the last one.
        guard parts.count >= 2, let sum = parts.last else { return false }
        let body = parts.dropLast().joined(separator: "_")
        return body.count == 43 && sum == checksum(body)
    }

    public static func hash(_ token: String) -> String {
        sha256Hex(Data(token.utf8))
    }

    private static func checksum(_ body: some StringProtocol) -> String {
        String(sha256Hex(Data(body.utf8)).prefix(6))
    }
}

/// SHA-256 as lower-case hex: token hashes, token checksums and idempotency request hashes.
/// (Every request hashes its token twice; formatting each byte with `String(format:)` was a
/// twentieth of a milestone write's CPU.)
package func sha256Hex(_ data: Data) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var hex: [UInt8] = []
    hex.reserveCapacity(64)
    for byte in SHA256.hash(data: data) {
        hex.append(digits[Int(byte >> 4)])
        hex.append(digits[Int(byte & 0x0F)])
    }
    return String(decoding: hex, as: UTF8.self)
}
