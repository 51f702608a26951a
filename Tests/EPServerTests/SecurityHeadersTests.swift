import Crypto
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// Responses with case data are never cached or sniffed; the HTML report may run nothing, load
/// nothing from elsewhere and be framed by nobody.
@Suite struct SecurityHeadersTests {
    @Test(arguments: TestDatabase.all)
    func caseDataIsNeitherCachedNorSniffed(database: TestDatabase) async throws {
        try await TestWorld.run(on: database) { world, client in
            let id = try await client.openCase(in: world)
            let recorded = try await client.record("plo_pre_proceedings", on: "2025-07-01", caseID: id, in: world)
            let refused = try await client.send(.get, "/v1/cases/\(id)", as: .southmoorSocialWorker, in: world)
            for response in [
                try await client.send(.get, "/v1/cases/\(id)", as: .northshireIRO, in: world),
                try await client.send(.get, "/v1/alerts", as: .northshireIRO, in: world),
                try await client.send(.get, "/v1/dashboards/summary?from=2025-07-01&to=2025-09-30", as: .northshireLeader, in: world, headers: [.accept: "text/csv"]),
                recorded, refused,
            ] {
                #expect(response.headers[.cacheControl] == "no-store", "\(response.status)")
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
                #expect(response.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true)
            }
            let health = try await client.send(.get, "/health/live", as: nil, in: world)
            #expect(health.headers[.xContentTypeOptions] == "nosniff")
        }
    }

    @Test func theReportAllowsOnlyItsOwnStylesheet() async throws {
        try await TestWorld.run(on: .sqlite) { world, client in
            let report = try await client.send(.get, "/v1/dashboards/summary?from=2025-01-01&to=2025-12-31", as: .northshireLeader, in: world, headers: [.accept: "text/html"])
            #expect(report.status == .ok)
            let policy = try #require(report.headers[.contentSecurityPolicy])
            #expect(policy.contains("default-src 'none'"))
            #expect(policy.contains("frame-ancestors 'none'"))
            #expect(!policy.contains("unsafe-inline") && !policy.contains("script-src"))
            #expect(report.headers[HTTPField.Name("Referrer-Policy")!] == "no-referrer")
            #expect(report.headers[.cacheControl] == "no-store")
            // The one inline stylesheet is allowed by its hash, so the page renders as designed.
            let html = report.text
            let style = try #require(html.range(of: "<style>").flatMap { start in html.range(of: "</style>", range: start.upperBound..<html.endIndex).map { html[start.upperBound..<$0.lowerBound] } })
            let hash = Data(SHA256.hash(data: Data(style.utf8))).base64EncodedString()
            #expect(policy.contains("style-src 'sha256-\(hash)'"), "\(policy)")
            #expect(!html.contains("style=\""), "no inline style attributes, which the policy would block")
        }
    }
}
