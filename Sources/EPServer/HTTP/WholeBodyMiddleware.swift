import HTTPTypes
import Hummingbird
import NIOCore

/// Sends a small API response in one write. swift-openapi-hummingbird hands Hummingbird every
/// generated response as a body to be written piece by piece (the encoded JSON passed through an
/// async sequence), which Hummingbird sends in two writes, the head and then the body, each its
/// own system call and TCP segment. Hummingbird sends a body that is one buffer together with its
/// head, so a body of known, small length is gathered into one buffer here. Only the API's
/// responses are gathered: they come from the generated code, whose bodies are already whole in
/// memory and end without trailing headers. Anything larger, or of unknown length, streams as
/// before. It must sit outside every middleware that wraps the body again (Hummingbird's
/// `MetricsMiddleware` does, to time the write, which it then times up to the gathering).
struct WholeBodyMiddleware<Context: RequestContext>: RouterMiddleware {
    /// Larger than nearly every JSON answer (a case of 60 milestones is about 20 KB) and small
    /// enough that a gathered body costs little memory.
    static var largestGathered: Int { 64 * 1024 }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        guard request.uri.path.hasPrefix("/v1/"), let length = response.body.contentLength,
              length > 0, length <= Self.largestGathered else { return response }
        let gathered = GatheredBody(capacity: length)
        try await response.body.write(gathered.writer)
        response.body = ResponseBody(byteBuffer: gathered.buffer)
        return response
    }
}

/// The bytes a response body writes, kept in one buffer.
private final class GatheredBody: @unchecked Sendable {
    // Written only by the body's own write, which has finished before `buffer` is read.
    var buffer: ByteBuffer

    init(capacity: Int) {
        buffer = ByteBufferAllocator().buffer(capacity: capacity)
    }

    var writer: Writer { Writer(body: self) }

    struct Writer: ResponseBodyWriter {
        let body: GatheredBody

        mutating func write(_ buffer: ByteBuffer) async throws {
            var buffer = buffer
            body.buffer.writeBuffer(&buffer)
        }

        consuming func finish(_ trailingHeaders: HTTPFields?) async throws {
            assert(trailingHeaders == nil, "a gathered body has nowhere to put trailing headers")
        }
    }
}
