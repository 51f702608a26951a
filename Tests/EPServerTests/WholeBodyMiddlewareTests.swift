@testable import EPServer
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Synchronization
import Testing

/// A small API answer is gathered into one buffer before it leaves the middleware (so
/// Hummingbird sends it with its head, in one write), byte for byte as written; a large one, one
/// of unknown length and a page stream as before.
@Suite struct WholeBodyMiddlewareTests {
    /// Whether each body was written before the middleware chain returned (gathered) or after,
    /// as Hummingbird sends it (streamed).
    final class Timeline: Sendable {
        private let state = Mutex<(returned: Bool, gathered: [String: Bool])>((false, [:]))

        func chainReturned() { state.withLock { $0.returned = true } }
        func chainStarted() { state.withLock { $0.returned = false } }
        func bodyWritten(_ path: String) { state.withLock { $0.gathered[path] = !$0.returned } }
        func gathered(_ path: String) -> Bool? { state.withLock { $0.gathered[path] } }
    }

    /// Outside the middleware under test: notes when the chain below it has returned, and
    /// whether the body it returns is one buffer (which Hummingbird writes with the head).
    struct Outer<Context: RequestContext>: RouterMiddleware {
        let timeline: Timeline

        func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
            timeline.chainStarted()
            var response = try await next(request, context)
            timeline.chainReturned()
            // ResponseBody keeps its kind private; its description names it.
            response.headers[HTTPField.Name("X-Body-Kind")!] = String(describing: response.body).contains("byteBuffer") ? "buffer" : "pieces"
            return response
        }
    }

    static let bodyText = #"{"milestone":{"kind":"family_time"},"state":"in_proceedings"}"#

    @Test func aSmallAPIAnswerIsGatheredAndAnythingElseStreams() async throws {
        let timeline = Timeline()
        let router = Router()
        router.add(middleware: Outer(timeline: timeline))
        router.add(middleware: WholeBodyMiddleware())
        // As in the server: Hummingbird's metrics wrap every body again, inside the gathering.
        router.add(middleware: MetricsMiddleware())
        @Sendable func pieces(_ path: String, _ parts: [String], known: Bool) -> Response {
            let buffers = parts.map { ByteBuffer(string: $0) }
            let length = buffers.reduce(0) { $0 + $1.readableBytes }
            return Response(status: .ok, body: ResponseBody(contentLength: known ? length : nil) { writer in
                timeline.bodyWritten(path)
                for buffer in buffers { try await writer.write(buffer) }
                try await writer.finish(nil)
            })
        }
        let halves = [String(Self.bodyText.prefix(20)), String(Self.bodyText.dropFirst(20))]
        let large = String(repeating: "x", count: WholeBodyMiddleware<BasicRequestContext>.largestGathered + 1)
        router.get("/v1/small") { _, _ in pieces("/v1/small", halves, known: true) }
        router.get("/v1/unknown") { _, _ in pieces("/v1/unknown", halves, known: false) }
        router.get("/v1/large") { _, _ in pieces("/v1/large", [large], known: true) }
        router.get("/cases/page") { _, _ in pieces("/cases/page", halves, known: true) }

        try await Application(router: router).test(.router) { client in
            let small = try await client.execute(uri: "/v1/small", method: .get)
            #expect(String(buffer: small.body) == Self.bodyText)
            #expect(small.headers[.contentLength] == String(Self.bodyText.utf8.count))
            #expect(timeline.gathered("/v1/small") == true)
            #expect(small.headers[HTTPField.Name("X-Body-Kind")!] == "buffer")

            let unknown = try await client.execute(uri: "/v1/unknown", method: .get)
            #expect(String(buffer: unknown.body) == Self.bodyText)
            #expect(timeline.gathered("/v1/unknown") == false)
            #expect(unknown.headers[HTTPField.Name("X-Body-Kind")!] == "pieces")

            let largeAnswer = try await client.execute(uri: "/v1/large", method: .get)
            #expect(largeAnswer.body.readableBytes == large.utf8.count)
            #expect(timeline.gathered("/v1/large") == false)

            let page = try await client.execute(uri: "/cases/page", method: .get)
            #expect(String(buffer: page.body) == Self.bodyText)
            #expect(timeline.gathered("/cases/page") == false)
        }
    }
}
