import EPDomain
import EPServer
import Foundation
import Hummingbird

/// The leaders' dashboard for a chosen run of whole quarters: the report's charts inside the
/// page, and the same figures as a CSV download.
struct DashboardPages: Sendable {
    let services: ApplicationServices
    let pages: PageRenderer

    func register(on group: RouterGroup<ServerRequestContext>) {
        group.get("/dashboard") { request, _ in try await dashboard(FormData.query(of: request)) }
        group.get("/dashboard.csv") { request, _ in try await csv(FormData.query(of: request)) }
    }

    /// The period asked for, whole quarters as the page offers them, or by default the last four
    /// quarters that have ended. (Other days are the API's, for an LA's own exact figures.)
    private func period(_ query: FormData, errors: inout [FieldError]) -> (from: CalendarDate, to: CalendarDate) {
        let to = query.filter("to", "Choose the last quarter from the list: the link asked for a day that ends no quarter", errors: &errors) {
            CalendarDate(iso: $0).flatMap { WholeQuarters.isQuarterEnd($0) ? $0 : nil }
        } ?? WholeQuarters.latestEnded(today: services.clock.today)
        let from = query.filter("from", "Choose the first quarter from the list: the link asked for a day that starts no quarter", errors: &errors) {
            CalendarDate(iso: $0).flatMap { WholeQuarters.isQuarterStart($0) ? $0 : nil }
        }
        return (from ?? Self.quarterStart(of: to, quartersBack: 3), to)
    }

    static func quarterStart(of day: CalendarDate, quartersBack: Int) -> CalendarDate {
        let (year, month, _) = day.components
        let index = year * 4 + (month - 1) / 3 - quartersBack
        return CalendarDate(year: index / 4, month: index % 4 * 3 + 1, day: 1)!
    }

    private func dashboard(_ query: FormData) async throws -> Response {
        let user = try WebScope.requireUser()
        var errors: [FieldError] = []
        let asked = period(query, errors: &errors)
        let (from, to) = asked
        var status: HTTPResponse.Status = errors.isEmpty ? .ok : .badRequest
        let summary: Dashboard?
        do {
            summary = try await figures(user, from, to)
        } catch let refusal as ValidationError {
            // A period the service refuses (the other way round, too long): said beside its
            // field, the form still showing the quarters chosen, to correct, and no figures (those
            // of another period under the chosen quarters would be read as theirs).
            var error = FieldErrors.from(refusal)
            if refusal.field == "to", refusal.detail.contains("before") {
                error = FieldError(target: error.target, message: "Choose a last quarter that is not before the first")
            }
            errors.append(error)
            status = .unprocessableContent
            summary = nil
        }
        // Five years of quarters to choose from, newest first.
        let latest = WholeQuarters.latestEnded(today: services.clock.today)
        // (And the quarters asked for, when a refused period reaches outside them.)
        let listed = (0..<20).map { Self.quarterStart(of: latest, quartersBack: $0) }
        let starts = Set(listed + [asked.from]).sorted(by: >)
        let ends = Set(listed.map { start in Self.quarterStart(of: start, quartersBack: -1).adding(days: -1) } + [asked.to]).sorted(by: >)
        var context: TemplateContext = [
            "froms": starts.map { ["value": $0.iso, "label": $0.written, "selected": $0 == asked.from] },
            "tos": ends.map { ["value": $0.iso, "label": $0.written, "selected": $0 == asked.to] },
        ]
        if let summary {
            context["scope"] = DashboardReport.scope(summary.request)
            context["report"] = DashboardReport.sections(summary)
            context["csvHref"] = "/dashboard.csv?from=\(from.iso)&to=\(to.iso)"
        }
        context.put("fromError", FieldErrors.message(for: ["from"], in: errors))
        context.put("toError", FieldErrors.message(for: ["to"], in: errors))
        return pages.page("dashboard", title: "Dashboard", context, section: "/dashboard", errors: errors, status: status)
    }

    /// The leader's figures over the caller's own scope for the period.
    private func figures(_ user: WebUser, _ from: CalendarDate, _ to: CalendarDate) async throws -> Dashboard {
        try await services.dashboards.summary(by: user.caller, from: from, to: to, localAuthority: nil, asOf: nil, requestID: RequestScope.requestID)
    }

    private func csv(_ query: FormData) async throws -> Response {
        let user = try WebScope.requireUser()
        var errors: [FieldError] = []
        let (from, to) = period(query, errors: &errors)
        // Not a file of other figures than asked for: the page, saying what was wrong.
        guard errors.isEmpty else { return try await dashboard(query) }
        let summary: Dashboard
        do {
            summary = try await figures(user, from, to)
        } catch is ValidationError {
            return try await dashboard(query)
        }
        return Response(
            status: .ok,
            headers: [
                .contentType: "text/csv; charset=utf-8", .cacheControl: "no-store",
                .contentDisposition: "attachment; filename=\"eptrack-dashboard-\(from.iso)-to-\(to.iso).csv\"",
            ],
            body: .init(byteBuffer: ByteBuffer(string: summary.csv))
        )
    }
}
