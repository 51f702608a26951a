import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// The request context the server runs with: Hummingbird's, plus the peer's address, so that
/// failed authentication is limited per client before any database lookup.
public struct ServerRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: SocketAddress?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }
}

/// Who is calling, as far as the network says: the peer's IP address, or, when the peer is one
/// of the trusted proxies (`EPTRACK_TRUSTED_PROXIES`), the address that proxy appended last to
/// `X-Forwarded-For`. Anything else a client writes in that header is ignored, so a client
/// cannot pick a fresh address for each guess.
struct ClientAddress: Sendable {
    let trustedProxies: Set<String>

    func of(_ request: Request, peer: SocketAddress?) -> String {
        let direct = peer?.ipAddress ?? "unknown"
        guard trustedProxies.contains(direct), let forwarded = request.headers[.xForwardedFor] else { return direct }
        let hops = forwarded.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return hops.last(where: { !trustedProxies.contains($0) }) ?? direct
    }
}

extension HTTPField.Name {
    static let xForwardedFor = HTTPField.Name("X-Forwarded-For")!
}
