import EPDomain
import Foundation

/// A submitted milestone form turned into what the API would have been sent: the kind, the date
/// from its day, month and year boxes, the details through `DetailsCodec`, the note. Refusals
/// are the API's `ValidationError`s, naming the same fields.
struct MilestoneForm {
    let kind: MilestoneKind
    let form: FormData

    /// Every field the form can check on its own that is wrong, found at once (the date, the
    /// details, the note, and a change's reason), so that one submission shows them all.
    struct Refusal: Error {
        let errors: [ValidationError]
    }

    /// The input, or every error in the date, the details and the note together, after
    /// `earlier` (a change's reason).
    func input(after earlier: [ValidationError] = []) throws(Refusal) -> MilestoneInput {
        var errors = earlier
        func checked<T>(_ read: () throws(ValidationError) -> T) -> T? {
            do { return try read() } catch {
                errors.append(error)
                return nil
            }
        }
        let occurredOn = checked { () throws(ValidationError) in try DateInput.read(form, name: "occurred_on", label: "the date it happened") }
        let details = checked { () throws(ValidationError) in try self.details() }
        let note = form.trimmed("note")
        if let note { _ = checked { () throws(ValidationError) in try FreeText.check(note, field: "/note", limit: Case.maxNoteLength) } }
        guard errors.isEmpty, let occurredOn, let details else { throw Refusal(errors: errors) }
        return MilestoneInput(kind: kind, occurredOn: occurredOn, details: details, note: note)
    }

    /// The details from their fields, through `DetailsCodec` as the API's are.
    private func details() throws(ValidationError) -> MilestoneDetails {
        var raw: [String: DetailValue] = [:]
        for field in DetailField.fields(for: kind) {
            guard let value = form.trimmed("details-\(field.key)") else { continue }
            switch field.input {
            case .integer:
                guard let number = Int(value) else {
                    throw ValidationError(.invalidField, field: "/details/\(field.key)", "\(field.label.replacingOccurrences(of: " (optional)", with: "")) must be a whole number")
                }
                raw[field.key] = .integer(number)
            case .yesNo:
                let question = field.label.replacingOccurrences(of: " (optional)", with: "")
                raw[field.key] = try form.yesNo("details-\(field.key)", field: "/details/\(field.key)", "choose yes or no for \(question.lowercased())").map(DetailValue.boolean)
            case .choice, .text, .label:
                raw[field.key] = .string(value)
            }
        }
        return try DetailsCodec.decode(kind: kind, raw)
    }

    /// The reason a correction or retraction must give.
    static func reason(_ form: FormData) throws(ValidationError) -> String {
        guard let reason = form.trimmed("reason") else {
            throw ValidationError(.invalidField, field: "/reason", "give the reason for this change")
        }
        return reason
    }

    /// The form's values as they were typed, to show again beside its errors.
    static func values(of form: FormData?, kind: MilestoneKind, milestone: Milestone? = nil, errors: [FieldError] = []) -> [String: Any] {
        var context: [String: Any] = [:]
        let date = milestone?.occurredOn.components
        context["day"] = form?["occurred_on-day"] ?? date.map { String($0.day) } ?? ""
        context["month"] = form?["occurred_on-month"] ?? date.map { String($0.month) } ?? ""
        context["year"] = form?["occurred_on-year"] ?? date.map { String($0.year) } ?? ""
        context["note"] = form?["note"] ?? milestone?.note ?? ""
        context["reason"] = form?["reason"] ?? ""
        let stored = milestone.map { DetailsCodec.encode($0.details) } ?? [:]
        context["fields"] = DetailField.fields(for: kind).map { field -> [String: Any] in
            let current = form?["details-\(field.key)"] ?? stored[field.key].map(Self.text) ?? ""
            var entry: [String: Any] = ["key": field.key, "label": field.label, "value": current]
            entry.put("hint", field.hint)
            entry.put("error", FieldErrors.message(for: [field.target], in: errors))
            // What a screen reader reads after the field's name: its hint, then its error.
            entry.put("describedBy", [entry["hint"].map { _ in "details-\(field.key)-hint" }, entry["error"].map { _ in "details-\(field.key)-error" }]
                .compactMap { $0 }.joined(separator: " "))
            switch field.input {
            case .choice(let values):
                entry["isChoice"] = true
                entry["options"] = values.map { ["key": field.key, "value": $0, "label": Words.value($0), "checked": $0 == current] }
            case .yesNo:
                entry["isChoice"] = true
                entry["options"] = [("yes", "Yes"), ("no", "No")].map { ["key": field.key, "value": $0.0, "label": $0.1, "checked": $0.0 == current] }
            case .integer:
                entry["isInput"] = true
                entry["inputMode"] = "numeric"
                entry["width"] = "input--width-4"
            case .label:
                entry["isInput"] = true
                entry["width"] = "input--width-10"
            case .text:
                entry["isTextarea"] = true
            }
            return entry
        }
        return context
    }

    private static func text(_ value: DetailValue) -> String {
        switch value {
        case .string(let text): text
        case .integer(let number): String(number)
        case .boolean(let flag): flag ? "yes" : "no"
        case .unsupported: ""
        }
    }
}

/// A date typed as day, month and year in three boxes (the GOV.UK date input).
enum DateInput {
    static func read(_ form: FormData, name: String, label: String) throws(ValidationError) -> CalendarDate {
        let parts = ["day", "month", "year"].map { form.trimmed("\(name)-\($0)") }
        guard parts.contains(where: { $0 != nil }) else { throw ValidationError(.invalidField, field: "/\(name)", "enter \(label)") }
        guard let day = parts[0].flatMap(Int.init), let month = parts[1].flatMap(Int.init), let year = parts[2].flatMap(Int.init),
              parts[2]?.count == 4, let date = CalendarDate(year: year, month: month, day: day) else {
            throw ValidationError(.invalidField, field: "/\(name)", "\(label.capitalisedFirst) must be a real date, such as 27 3 2025")
        }
        return date
    }
}
