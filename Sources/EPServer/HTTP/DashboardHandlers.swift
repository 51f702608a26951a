import EPDomain
import EPTrackAPI
import Foundation
import OpenAPIRuntime

extension APIHandlers {
    func getDashboardSummary(_ input: Operations.GetDashboardSummary.Input) async throws -> Operations.GetDashboardSummary.Output {
        let caller = try RequestScope.requireCaller()
        guard let from = try Mapping.dayParameter(input.query.from, name: "from"),
              let to = try Mapping.dayParameter(input.query.to, name: "to") else {
            throw ServiceError.badParameter(field: "from", detail: "from and to are required (YYYY-MM-DD)")
        }
        let dashboard = try await dashboards.summary(
            by: caller, from: from, to: to, localAuthority: try Mapping.agencyID(input.query.localAuthority, field: "local_authority"),
            asOf: try Mapping.asOf(input.query.asOf), requestID: RequestScope.requestID
        )
        // The representation the client weights highest; JSON when it names neither.
        let preferred = input.headers.accept
            .filter { [.json, .csv, .html].contains($0.contentType) }
            .max { $0.quality.doubleValue < $1.quality.doubleValue }
        switch preferred?.contentType {
        case .csv?:
            return .ok(.init(body: .csv(HTTPBody(dashboard.csv))))
        case .html?:
            let scope = input.query.localAuthority ?? caller.agency
            return .ok(.init(body: .html(HTTPBody(DashboardReport.html(dashboard, title: "Early permanence: \(scope)")))))
        default:
            break
        }
        return .ok(.init(body: .json(.init(
            from: from.iso, to: to.iso, asOf: dashboard.request.asOf.iso,
            smallNumbersSuppressed: dashboard.request.suppressSmallNumbers,
            figures: dashboard.figures.map { figure in
                .init(
                    figure: figure.name, breakdown: figure.breakdown, period: figure.period, statistic: figure.statistic,
                    value: figure.value, numerator: figure.numerator, denominator: figure.denominator, suppressed: figure.suppressed
                )
            },
            definitions: dashboard.definitions.sorted { $0.key < $1.key }.map { .init(figure: $0.key, definition: $0.value) }
        ))))
    }
}
