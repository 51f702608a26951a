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
        let sex: Sex? = checked { () throws(ValidationError) in
            try required(form.choice("sex", field: "/profile/sex", sexQuestion), "/profile/sex", sexQuestion)
        }
        let ethnicity: Ethnicity? = checked { () throws(ValidationError) in
            try required(form.choice("ethnicity", field: "/profile/ethnicity", ethnicityQuestion), "/profile/ethnicity", ethnicityQuestion)
        }
        let siblingsRead = checked { () throws(ValidationError) in try siblings(form) ?? 1 }
        let disability = checked { () throws(ValidationError) in
            try required(form.yesNo("disability", field: "/profile/disability", disabilityQuestion), "/profile/disability", disabilityQuestion)
        }
        guard let sex, let ethnicity, let siblingsRead, let disability, !unborn || expected != nil else { return nil }
        return ChildProfile(
            sex: sex, ethnicity: ethnicity, siblingGroupSize: siblingsRead, disability: disability, unborn: unborn, expectedBirthMonth: expected
        )
    }

    /// An update names only what the form sends (a field left out keeps its value); a value the
    /// form never offers is refused, not read as unchanged.
    static func update(from form: FormData) throws(ValidationError) -> CaseUpdate {
        CaseUpdate(
            sex: try form.choice("sex", field: "/profile/sex", sexQuestion),
            ethnicity: try form.choice("ethnicity", field: "/profile/ethnicity", ethnicityQuestion),
            siblingGroupSize: try siblings(form), disability: try form.yesNo("disability", field: "/profile/disability", disabilityQuestion),
            expectedBirthMonth: form.trimmed("expected_birth_month-month") == nil ? nil : try month(form)
        )
    }

    private static let sexQuestion = "choose the child's sex, or not known"
    private static let ethnicityQuestion = "choose the child's ethnicity, or not yet obtained (NOBT)"
    private static let disabilityQuestion = "say whether the child has a disability: yes or no"

    /// A question a new case must have answered: the answer, or the question as its refusal.
    private static func required<T>(_ answer: T?, _ field: String, _ question: String) throws(ValidationError) -> T {
        guard let answer else { throw ValidationError(.invalidField, field: field, question) }
        return answer
    }

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
