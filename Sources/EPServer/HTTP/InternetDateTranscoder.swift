import Foundation
import OpenAPIRuntime

/// The API's timestamps (`recorded_at`, `created_at`, …) as RFC 3339 in UTC, whole seconds:
/// `2026-11-26T01:42:39Z`, as before, the fraction cut (ICU first rounded to the millisecond,
/// so 01:42:39.9996 showed as 01:42:40). The runtime's default transcoder on Linux formats
/// through Foundation's `ISO8601DateFormatter` (ICU) behind one lock shared by every event
/// loop, about 1.6% of a milestone write's server CPU; swift-foundation's style is plain Swift.
struct InternetDateTranscoder: DateTranscoder {
    func encode(_ date: Date) throws -> String {
        date.formatted(.iso8601)
    }

    func decode(_ text: String) throws -> Date {
        try Date.ISO8601FormatStyle().parse(text)
    }
}
