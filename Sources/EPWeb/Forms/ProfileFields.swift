import EPDomain
import EPServer

/// The child's profile on a form: sex, SSDA903 ethnicity, sibling group, disability and, for an
/// unborn child, the expected month of birth. Checked by the domain's `ProfileValidator`, as the
/// API checks it.
enum ProfileFields {
    static let targets = [
        "/profile/sex": "sex-male", "/profile/ethnicity": "ethnicity", "/profile/sibling_group_size": "sibling_group_size",
        "/profile/disability": "disability-yes", "/profile/expected_birth_month": "expected_birth_month-month",
        "/profile/unborn": "unborn-yes", "/reference": "reference", "/local_authority": "local_authority",
    ]

    /// The profile the form describes, or nil with every field's refusal added to `errors`: a
    /// form sent blank lists all it lacks at once.
    static func profile(from form: FormData, unborn: Bool, errors: inout [FieldError]) -> ChildProfile? {
        func checked<T>(_ read: () throws(ValidationError) -> T?) -> T? {
            do { return try read() } catch {
                errors.append(FieldErrors.from(error, targets: targets))
                return nil
            }
        }
        // (In the form's order: the expected month comes first.)
        let expected = unborn ? checked { () throws(ValidationError) in try month(form) } : nil
        let sex = checked { () throws(ValidationError) in
            guard let sex = form["sex"].flatMap(Sex.init(rawValue:)) else { throw ValidationError(.invalidField, field: "/profile/sex", "choose the child's sex, or not known") }
            return sex
        }
        let ethnicity = checked { () throws(ValidationError) in
            guard let ethnicity = form["ethnicity"].flatMap(Ethnicity.init(rawValue:)) else {
                throw ValidationError(.invalidField, field: "/profile/ethnicity", "choose the child's ethnicity, or not yet obtained (NOBT)")
            }
            return ethnicity
        }
        let siblingsRead = checked { () throws(ValidationError) in try siblings(form) ?? 1 }
        let disability = checked { () throws(ValidationError) in
            guard let answer = try form.yesNo("disability", field: "/profile/disability", Self.disabilityQuestion) else {
                throw ValidationError(.invalidField, field: "/profile/disability", Self.disabilityQuestion)
            }
            return answer
        }
        guard let sex, let ethnicity, let siblingsRead, let disability, !unborn || expected != nil else { return nil }
        return ChildProfile(
            sex: sex, ethnicity: ethnicity, siblingGroupSize: siblingsRead, disability: disability, unborn: unborn, expectedBirthMonth: expected
        )
    }

    static func update(from form: FormData) throws(ValidationError) -> CaseUpdate {
        // A value the form never offers (a hand-made request) is refused, not read as unchanged.
        func choice<T: RawRepresentable<String>>(_ name: String, _ field: String, _ message: String) throws(ValidationError) -> T? {
            guard let raw = form.trimmed(name) else { return nil }
            guard let value = T(rawValue: raw) else { throw ValidationError(.invalidField, field: field, message) }
            return value
        }
        return CaseUpdate(
            sex: try choice("sex", "/profile/sex", "choose the child's sex, or not known"),
            ethnicity: try choice("ethnicity", "/profile/ethnicity", "choose the child's ethnicity, or not yet obtained (NOBT)"),
            siblingGroupSize: try siblings(form), disability: try form.yesNo("disability", field: "/profile/disability", disabilityQuestion),
            expectedBirthMonth: form.trimmed("expected_birth_month-month") == nil ? nil : try month(form)
        )
    }

    private static let disabilityQuestion = "say whether the child has a disability: yes or no"

    private static func siblings(_ form: FormData) throws(ValidationError) -> Int? {
        guard let text = form.trimmed("sibling_group_size") else { return nil }
        guard let size = Int(text) else {
            throw ValidationError(.invalidField, field: "/profile/sibling_group_size", "the sibling group size must be a whole number from 1 to 12")
        }
        return size
    }

    private static func month(_ form: FormData) throws(ValidationError) -> YearMonth {
        guard let month = form.trimmed("expected_birth_month-month").flatMap(Int.init),
              let year = form.trimmed("expected_birth_month-year").flatMap(Int.init),
              let value = YearMonth(year: year, month: month) else {
            throw ValidationError(.invalidField, field: "/profile/expected_birth_month", "enter the month the baby is expected as a month and a year, such as 3 2026")
        }
        return value
    }

    /// The fields' values (as typed, or the case's current ones) and their messages.
    static func context(form: FormData?, current: ChildProfile?, errors: [FieldError]) -> [String: Any] {
        let sex = form?["sex"] ?? current?.sex.rawValue ?? ""
        let ethnicity = form?["ethnicity"] ?? current?.ethnicity.rawValue ?? ""
        let disability = form?["disability"] ?? current.map { $0.disability ? "yes" : "no" } ?? ""
        var context: TemplateContext = [
            "sexes": Sex.allCases.map { ["value": $0.rawValue, "label": Words.value($0.rawValue), "checked": $0.rawValue == sex] },
            "ethnicityGroups": EthnicityGroup.allCases.map { group in
                [
                    "label": Words.ethnicityGroup(group),
                    "ethnicities": Ethnicity.allCases.filter { $0.group == group }.map {
                        ["value": $0.rawValue, "label": Words.ethnicity($0), "selected": $0.rawValue == ethnicity] as TemplateContext
                    },
                ] as TemplateContext
            },
            "siblingGroupSize": form?["sibling_group_size"] ?? current.map { String($0.siblingGroupSize) } ?? "1",
            "disabilityYes": disability == "yes", "disabilityNo": disability == "no",
            "birthMonth": form?["expected_birth_month-month"] ?? current?.expectedBirthMonth.map { String($0.month) } ?? "",
            "birthYear": form?["expected_birth_month-year"] ?? current?.expectedBirthMonth.map { String($0.year) } ?? "",
        ]
        for (key, target) in [
            ("sexError", "sex-male"), ("ethnicityError", "ethnicity"), ("siblingError", "sibling_group_size"),
            ("disabilityError", "disability-yes"), ("birthMonthError", "expected_birth_month-month"),
        ] {
            context.put(key, FieldErrors.message(for: [target], in: errors))
        }
        return context
    }
}
