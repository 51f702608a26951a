import EPDomain
import EPStore
import Foundation

/// A POST carrying `Idempotency-Key`: the key and a hash of what was asked, so a retry replays
/// the first answer and a reuse of the key for something else is refused.
public struct IdempotencyRequest: Sendable {
    public let key: String
    public let requestHash: String

    public init?(key: String?, operation: String, target: String, body: some Encodable) throws {
        guard let key else { return nil }
        // The contract's 1 to 100 characters from a set no layer rewrites (no %, + or spaces).
        guard (1...100).contains(key.unicodeScalars.count), key.unicodeScalars.allSatisfy(Self.isKeyCharacter) else {
            throw ServiceError.badParameter(field: "Idempotency-Key", detail: "Idempotency-Key must be 1 to 100 letters, digits, '.', '_', '~', ':' or '-'; a UUID is ideal")
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        var material = Data("\(operation) \(target)\n".utf8)
        material.append(try encoder.encode(body))
        self.key = key
        self.requestHash = sha256Hex(material)
    }

    private static func isKeyCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || "._~:-".unicodeScalars.contains(scalar))
    }
}

/// A fresh result, or the stored first response to an idempotent retry.
public enum Replayable<Value: Sendable>: Sendable {
    case fresh(Value)
    case replay(IdempotencyRecord)

    /// A replayed retry stored nothing new.
    public var isReplay: Bool {
        if case .replay = self { true } else { false }
    }

    /// The response body either way: `encode` turns a fresh value into it; a replay is the body
    /// stored when the first request made it (the same `encode`, then).
    public func body<Body: Decodable>(_ encode: (Value) throws -> Body) throws -> Body {
        switch self {
        case .fresh(let value): try encode(value)
        case .replay(let stored): try stored.decodeBody(as: Body.self)
        }
    }
}

extension IdempotencyRequest {
    /// The record to store beside the write, holding the response a retry will replay.
    func record(caller: String, _ response: IdempotencyRecord.Response) -> IdempotencyRecord {
        IdempotencyRecord(caller: caller, key: key, requestHash: requestHash, body: response.body)
    }
}

extension Optional where Wrapped == IdempotencyRequest {
    func record(caller: String, _ response: () throws -> IdempotencyRecord.Response) rethrows -> IdempotencyRecord? {
        try map { $0.record(caller: caller, try response()) }
    }
}

extension Store {
    /// The one shape of an idempotent write, once the caller's right to make it has been
    /// checked: `write` works out its value and stores it, handing the store the record that
    /// `stored(value)` makes of the answer (nil without a key). A retry is recognised when it
    /// is refused, not by a look-up before every write (which would cost every keyed write a
    /// round trip): the stored key refuses the retry's write, or the retry is refused because
    /// the first one's change is already there; either way the stored answer to the same
    /// request is replayed instead, and a key used for another request is refused.
    func idempotentWrite<T: Sendable>(
        _ request: IdempotencyRequest?, caller: String, at now: Date,
        response: @escaping (T) throws -> IdempotencyRecord.Response,
        _ write: (_ stored: (T) throws -> IdempotencyRecord?) async throws -> T
    ) async throws -> Replayable<T> {
        do {
            return .fresh(try await write { value in try request.record(caller: caller) { try response(value) } })
        } catch let refusal where request != nil && !(refusal is DatabaseUnavailable || refusal is CancellationError) {
            // Any refusal: the domain's (the change is already there), the store's (the key is
            // taken), the service's (an acknowledged alert has closed since). A retry is answered
            // as the first request was, whatever has happened since.
            if let stored = try await replay(request, caller: caller, at: now) { return .replay(stored) }
            // The key is held by a request that has not finished, or has since been rolled back.
            if case StoreError.idempotencyKeyTaken = refusal { throw ServiceError.idempotencyInFlight }
            throw refusal
        }
    }

    /// The stored response for this key, if the same request was made before; refuses a key
    /// reused for another request.
    func replay(_ request: IdempotencyRequest?, caller: String, at now: Date) async throws -> IdempotencyRecord? {
        guard let request, let stored = try await idempotencyRecord(caller: caller, key: request.key, at: now) else { return nil }
        guard stored.requestHash == request.requestHash else { throw ServiceError.idempotencyKeyReused }
        return stored
    }
}

extension IdempotencyRecord {
    /// The part of a response kept for replay: its JSON body.
    public struct Response: Sendable {
        public let body: String

        public init(body: some Encodable) throws {
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            encoder.dateEncodingStrategy = .iso8601
            self.body = String(decoding: try encoder.encode(body), as: UTF8.self)
        }
    }

    /// The stored body, decoded as the operation's response type.
    public func decodeBody<T: Decodable>(as type: T.Type) throws -> T {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(type, from: Data(body.utf8))
    }
}
