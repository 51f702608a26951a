import EPDomain
import EPStore
import Foundation
import Prometheus

/// What `/metrics` shows, in the Prometheus text format: the request metrics Hummingbird
/// records through swift-metrics (when the CLI bootstraps it with this registry), and
/// eptrack's own: start time, milestones recorded, open alerts by rule.
public final class ServiceMetrics: Sendable {
    public let registry: PrometheusCollectorRegistry
    private let policy: Policy

    public init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry(), policy: Policy, startedAt: Date = Date()) {
        self.registry = registry
        self.policy = policy
        registry.makeGauge(descriptor: .init(metricName: "process_start_time", unitName: "seconds", helpText: "When the server started, as a Unix time."))
            .set(startedAt.timeIntervalSince1970)
    }

    /// Counts one recorded milestone of `kind`.
    func milestoneRecorded(_ kind: MilestoneKind) {
        registry.makeCounter(
            descriptor: .init(namespace: "eptrack", metricName: "milestones_recorded", unitName: "total", helpText: "Milestones recorded."),
            labels: [("kind", kind.rawValue)]
        ).increment()
    }

    /// The exposition text, with the open-alert gauges read fresh from the alert index.
    func exposition(store: any Store, asOf: CalendarDate) async throws -> String {
        let counts = try await store.openAlertCounts(asOf: asOf)
        for setting in policy.rules where setting.enabled {
            registry.makeGauge(
                descriptor: .init(namespace: "eptrack", metricName: "alerts", unitName: "open", helpText: "Open alerts (due soon or overdue) on open journeys, by rule."),
                labels: [("rule_id", setting.rule.id)]
            ).set(Double(counts[setting.rule.id] ?? 0))
        }
        return registry.emitToString()
    }
}
