import EPDomain
import EPStore
import Foundation
import Prometheus

/// What `/metrics` shows, in the Prometheus text format: the request metrics Hummingbird
/// records through swift-metrics (when the CLI bootstraps it with this registry), and
/// eptrack's own: start time, milestones recorded, database connections, whether tokens come
/// from memory, open alerts by rule.
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

    /// The exposition text, with the pool gauges as they are now and the open-alert gauges read
    /// fresh from the alert index. While the database is away the alert gauges keep their last
    /// values, so the pool figures still reach the operator who needs them most then.
    func exposition(store: any Store, pool: PoolUsage, identityFromMemory: Bool, asOf: CalendarDate) async throws -> String {
        record(pool)
        registry.makeGauge(descriptor: .init(
            namespace: "eptrack", subsystem: "identity", metricName: "from_memory", unitName: "",
            helpText: "1 while tokens and partnerships are answered from memory (the server hears their changes), 0 while every request reads them from the database."
        )).set(Double(identityFromMemory ? 1 : 0))
        do {
            recordAlerts(try await store.openAlertCounts(asOf: asOf))
        } catch is DatabaseUnavailable {}
        return registry.emitToString()
    }

    private func record(_ pool: PoolUsage) {
        let gauges: [(String, String, Int)] = [
            ("in_use", "Database connections held by a request now.", pool.inUse),
            ("waiting", "Requests waiting for a database connection now.", pool.waiting),
            ("capacity", "The most database connections the server opens.", pool.capacity),
        ]
        for (name, help, value) in gauges {
            registry.makeGauge(descriptor: .init(namespace: "eptrack", subsystem: "db_connections", metricName: name, unitName: "", helpText: help)).set(Double(value))
        }
        // A gauge mirrors the pool's own running total (which only grows), so it reads as a counter.
        registry.makeGauge(descriptor: .init(
            namespace: "eptrack", subsystem: "db_connection", metricName: "wait_timeouts", unitName: "total",
            helpText: "Requests that gave up waiting for a database connection (answered 503), since start."
        )).set(Double(pool.timeouts))
        registry.makeGauge(descriptor: .init(
            namespace: "eptrack", subsystem: "db", metricName: "statements", unitName: "total",
            helpText: "Statements sent to the database since start; on PostgreSQL each is a round trip."
        )).set(Double(pool.statements))
    }

    private func recordAlerts(_ counts: [String: Int]) {
        for setting in policy.rules where setting.enabled {
            registry.makeGauge(
                descriptor: .init(namespace: "eptrack", metricName: "alerts", unitName: "open", helpText: "Open alerts (due soon or overdue) on open journeys, by rule."),
                labels: [("rule_id", setting.rule.id)]
            ).set(Double(counts[setting.rule.id] ?? 0))
        }
    }
}
