@testable import EPServer
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing
import Yams

/// The server and api-docs/openapi.yaml agree: every documented operation is answered by its
/// handler, and a path outside the document is not.
@Suite struct ContractTests {
    static func documentedOperations() throws -> [(String, HTTPRequest.Method)] {
        let text = try String(contentsOf: TestDatabase.repository.appendingPathComponent("api-docs/openapi.yaml"), encoding: .utf8)
        let document = try #require(try Yams.load(yaml: text) as? [String: Any])
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        return paths.flatMap { path, item in
            // A path item also holds `parameters`, `summary` and the like: keep the HTTP methods.
            item.keys.filter { ["get", "put", "post", "delete", "patch", "head", "options"].contains($0) }
                .compactMap { HTTPRequest.Method($0.uppercased()) }.map { (path, $0) }
        }.sorted { $0.0 + $0.1.rawValue < $1.0 + $1.1.rawValue }
    }

    /// The required query parameters the problems name (the generated decoder does not) are the
    /// contract's.
    @Test func theRequiredQueryParametersNamedAreTheContracts() throws {
        let text = try String(contentsOf: TestDatabase.repository.appendingPathComponent("api-docs/openapi.yaml"), encoding: .utf8)
        let document = try #require(try Yams.load(yaml: text) as? [String: Any])
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        let shared = (document["components"] as? [String: Any])?["parameters"] as? [String: [String: Any]] ?? [:]
        var required: [String: [String]] = [:]
        for item in paths.values {
            for case let operation as [String: Any] in item.values {
                guard let id = operation["operationId"] as? String else { continue }
                for case var parameter as [String: Any] in operation["parameters"] as? [Any] ?? [] {
                    if let reference = parameter["$ref"] as? String { parameter = shared[String(reference.split(separator: "/").last!)] ?? [:] }
                    if parameter["in"] as? String == "query", parameter["required"] as? Bool == true, let name = parameter["name"] as? String {
                        required[id, default: []].append(name)
                    }
                }
            }
        }
        #expect(required == Problem.requiredQueryParameters)
    }

    @Test func everyDocumentedOperationHasAHandler() async throws {
        let operations = try Self.documentedOperations()
        #expect(operations.count == 23)
        try await TestWorld.run(on: .sqlite) { world, client in
            for (template, method) in operations {
                let path = template
                    .replacingOccurrences(of: "{case_id}", with: UUID().uuidString.lowercased())
                    .replacingOccurrences(of: "{milestone_id}", with: UUID().uuidString.lowercased())
                    .replacingOccurrences(of: "{rule_id}", with: "S2-26-weeks")
                    .replacingOccurrences(of: "{policy_id}", with: "england-default")
                    .replacingOccurrences(of: "{agency_id}", with: "vaa-hearth")
                    .replacingOccurrences(of: "{local_authority}", with: "la-northshire")
                let response = try await client.send(method, path, as: .northshireIRO, in: world, json: method == .get ? nil : "{}")
                // A route the router does not know answers 404 with the router's own detail; every
                // documented one reaches its handler (which may refuse the empty body or the id).
                let routed = response.status != .notFound || response.text.contains("no case")
                #expect(routed, "\(method) \(template) → \(response.text)")
            }
            let wrongMethod = try await client.send(.delete, "/v1/cases", as: .northshireIRO, in: world)
            #expect(wrongMethod.status == .methodNotAllowed)
            #expect(wrongMethod.headers[.allow] == "POST, GET")
            let wrongOnTemplate = try await client.send(.put, "/v1/cases/\(UUID().uuidString)/alerts", as: .northshireIRO, in: world)
            #expect(wrongOnTemplate.status == .methodNotAllowed)
            #expect(wrongOnTemplate.headers[.allow] == "GET")
            let undocumented = try await client.send(.get, "/v1/secrets", as: .northshireIRO, in: world)
            #expect(undocumented.status == .notFound)
            #expect(!undocumented.text.contains("no case"))
        }
    }

    /// A parameter outside the contract is 400 naming the parameter, never a complaint about a
    /// body the request does not have.
    @Test func aRefusedParameterIsNamed() async throws {
        try await TestWorld.run(on: .sqlite) { world, client in
            let id = try await client.openCase(in: world)
            let named: [(String, TestWorld.Caller, String)] = [
                ("/v1/alerts?status=met", .northshireIRO, "status"),
                ("/v1/alerts?status=overdue&rule_id=S9-nope", .northshireIRO, "rule_id"),
                ("/v1/cases?state=bogus", .northshireSocialWorker, "state"),
            ]
            for (path, caller, field) in named {
                let response = try await client.send(.get, path, as: caller, in: world)
                #expect(response.status == .badRequest, "\(path): \(response.text)")
                #expect(try response.object()["field"] as? String == field, "\(path): \(response.text)")
            }
            let missing = try await client.send(.get, "/v1/dashboards/summary?from=2025-07-01", as: .northshireLeader, in: world)
            #expect(missing.status == .badRequest && missing.problemField == "to", "\(missing.text)")
            #expect(!missing.text.contains("body"), "\(missing.text)")
            // Only a refusal of the request's form names them: a reader who may not see
            // dashboards is refused as such, whatever else the query holds.
            let forbidden = try await client.send(.get, "/v1/dashboards/summary?from=2025-01-01&to=2025-12-31&cb=%zz", as: .northshireIRO, in: world)
            #expect(forbidden.status == .forbidden, "\(forbidden.text)")
            let neither = try await client.send(.get, "/v1/dashboards/summary", as: .northshireLeader, in: world)
            #expect(neither.status == .badRequest && neither.problemField == "from" && neither.problemDetail?.contains("from and to") == true, "\(neither.text)")
            let unknownRule = try await client.send(
                .post, "/v1/cases/\(id)/alerts/S9-nope/acknowledgements", as: .northshireIRO, in: world, json: #"{"note":"Reviewed at the IRO's monitoring visit"}"#
            )
            #expect(unknownRule.status == .badRequest && unknownRule.text.contains("the path names S9-nope"), "\(unknownRule.text)")
        }
    }

    @Test func theServedDocumentIsTheContract() async throws {
        try await TestWorld.run(on: .sqlite) { world, client in
            let served = try await client.send(.get, "/openapi.yaml", as: nil, in: world)
            let file = try String(contentsOf: TestDatabase.repository.appendingPathComponent("api-docs/openapi.yaml"), encoding: .utf8)
            #expect(served.text == file)
        }
    }
}
