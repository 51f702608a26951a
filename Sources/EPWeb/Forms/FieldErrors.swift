import EPDomain
import EPServer

/// The API's refusals as the pages show them: the message beside the field it names and in the
/// error summary, linking to that field.
enum FieldErrors {
    /// `targets` maps a JSON pointer the API would name (`/occurred_on`) to the id of the
    /// element to link to (`occurred_on-day`); by default the pointer's last part, with
    /// `/details/<key>` as `details-<key>`.
    static func from(_ error: ValidationError, targets: [String: String] = [:]) -> FieldError {
        let target = targets[error.field] ?? defaultTarget(error.field)
        return FieldError(target: target, message: Words.plain(error.detail).capitalisedFirst)
    }

    static func defaultTarget(_ pointer: String) -> String {
        if pointer == "/occurred_on" { return "occurred_on-day" }
        if pointer.hasPrefix("/details/") { return "details-" + pointer.dropFirst("/details/".count) }
        return pointer.split(separator: "/").last.map(String.init) ?? "main-content"
    }

    /// The message for a field, to show beside it (nil when it has none).
    static func message(for ids: [String], in errors: [FieldError]) -> String? {
        errors.first { ids.contains($0.target) }?.message
    }
}
