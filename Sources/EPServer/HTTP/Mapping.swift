import EPDomain
import EPStore
import EPTrackAPI
import Foundation

/// Conversions between the generated contract types and the domain: the only place that
/// knows both.
enum Mapping {
    typealias Schemas = Components.Schemas

    // MARK: Requests → domain

    static func uuid(_ text: String, field: String) throws -> UUID {
        guard let id = UUID(uuidString: text) else {
            throw ServiceError.badParameter(field: field, detail: "\(field) must be a UUID")
        }
        return id
    }

    /// An agency id given as a filter: malformed is a bad request, not an empty answer.
    static func agencyID(_ text: String?, field: String) throws -> String? {
        guard let text else { return nil }
        guard Agency.isValidID(text) else {
            throw ServiceError.badParameter(field: field, detail: "\(field) must be an agency id: 2 to 64 lower-case letters, digits or -")
        }
        return text
    }

    /// A text filter: within its length, and printable.
    static func filterText(_ text: String?, field: String, limit: Int) throws -> String? {
        guard let text else { return nil }
        guard text.unicodeScalars.count <= limit, !text.unicodeScalars.contains(where: FreeText.isControl) else {
            throw ServiceError.badParameter(field: field, detail: "\(field) must be at most \(limit) printable characters")
        }
        return text
    }

    /// A path id that is not a UUID names nothing: answered like any unknown id.
    static func pathID(_ text: String, what: String) throws -> UUID {
        guard let id = UUID(uuidString: text) else { throw ServiceError.notFound("no \(what) \(text.prefix(40))") }
        return id
    }

    /// The `as_of` query parameter: a malformed one is a bad request (400), not a bad value.
    static func asOf(_ text: String?) throws -> CalendarDate? {
        try dayParameter(text, name: "as_of")
    }

    static func dayParameter(_ text: String?, name: String) throws -> CalendarDate? {
        guard let text else { return nil }
        guard let date = CalendarDate(iso: text) else {
            throw ServiceError.badParameter(field: name, detail: "\(name) must be a real date as YYYY-MM-DD")
        }
        return date
    }

    static func date(_ text: String?, field: String) throws -> CalendarDate? {
        guard let text else { return nil }
        guard let date = CalendarDate(iso: text) else {
            throw ValidationError(.invalidField, field: field, "\(field.dropFirst()) must be a real date as YYYY-MM-DD")
        }
        return date
    }

    static func profile(_ profile: Schemas.Profile) throws -> ChildProfile {
        ChildProfile(
            sex: sex(profile.sex), ethnicity: try ethnicity(profile.ethnicity), siblingGroupSize: profile.siblingGroupSize,
            disability: profile.disability, unborn: profile.unborn,
            expectedBirthMonth: try month(profile.expectedBirthMonth, field: "/profile/expected_birth_month")
        )
    }

    static func caseUpdate(_ body: Schemas.CaseUpdate) throws -> CaseUpdate {
        // The contract's `minProperties: 1`, which the generated decoder does not check: an
        // empty update would otherwise claim a new version of the case and change nothing.
        // (Compared with the empty value, so a field the contract adds is counted too.)
        guard body != Schemas.CaseUpdate() else {
            throw Problem(.malformedRequest, "the update names no field to change: send at least one of the profile's fields")
        }
        return CaseUpdate(
            sex: body.sex.map(sex), ethnicity: try body.ethnicity.map(ethnicity), siblingGroupSize: body.siblingGroupSize,
            disability: body.disability, expectedBirthMonth: try month(body.expectedBirthMonth, field: "/expected_birth_month"),
            adoptionAgency: body.adoptionAgency
        )
    }

    static func milestoneInput(
        kind: Schemas.MilestoneKind, occurredOn: String, details: Schemas.Details?, note: String?
    ) throws -> MilestoneInput {
        guard let kind = MilestoneKind(rawValue: kind.rawValue) else {
            throw ValidationError(.invalidField, field: "/kind", "unknown milestone kind \(kind.rawValue)")
        }
        guard let day = try date(occurredOn, field: "/occurred_on") else { preconditionFailure("a non-nil date maps to a date") }
        let raw = (details?.additionalProperties ?? [:]).mapValues { value -> DetailValue in
            switch value {
            case .case1(let text): .string(text)
            case .case2(let number): .integer(number)
            case .case3(let flag): .boolean(flag)
            }
        }
        let typed = try DetailsCodec.decode(kind: kind, raw)
        // A blank note is no note; any other goes to the domain as sent, to be checked (its length
        // counts every character) and trimmed there.
        let given = note.flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
        return MilestoneInput(kind: kind, occurredOn: day, details: typed, note: given)
    }

    static func correction(_ body: Schemas.CorrectionInput, of milestoneID: UUID) throws -> CaseChange {
        if body.retract == true {
            if let field = [("kind", body.kind != nil), ("occurred_on", body.occurredOn != nil), ("details", body.details != nil), ("note", body.note != nil)].first(where: \.1)?.0 {
                throw ValidationError(.invalidField, field: "/\(field)", "a retraction replaces nothing: leave out \(field)")
            }
            return .retract(milestoneID, reason: body.reason)
        }
        guard let kind = body.kind else {
            throw ValidationError(.invalidField, field: "/kind", "a correction gives the replacement's kind (or retract: true)")
        }
        guard let occurredOn = body.occurredOn else {
            throw ValidationError(.invalidField, field: "/occurred_on", "a correction gives the replacement's occurred_on")
        }
        let replacement = try milestoneInput(kind: kind, occurredOn: occurredOn, details: body.details, note: body.note)
        return .correct(milestoneID, replacement: replacement, reason: body.reason)
    }

    private static func sex(_ sex: Schemas.Sex) -> Sex {
        Sex(rawValue: sex.rawValue) ?? .notKnown
    }

    private static func ethnicity(_ code: Schemas.Ethnicity) throws -> Ethnicity {
        try ProfileValidator.ethnicity(code.rawValue)
    }

    private static func month(_ text: String?, field: String) throws -> YearMonth? {
        guard let text else { return nil }
        guard let month = YearMonth(iso: text) else {
            throw ValidationError(.invalidField, field: field, "expected_birth_month must be a month as YYYY-MM, from \(YearMonth.years.lowerBound)-01 to \(YearMonth.years.upperBound)-12")
        }
        return month
    }

    // MARK: Domain → responses

    static func caseBody(_ view: CaseView) -> Schemas.Case {
        let subject = view.subject
        let supersededBy = Dictionary(
            subject.records.compactMap { record in record.correction.map { ($0.supersedes, record.id) } }
        ) { first, _ in first }
        let effective = Set(subject.journey.milestones.map(\.id))
        return Schemas.Case(
            id: subject.id.lowercased, reference: subject.reference, localAuthority: subject.localAuthority,
            adoptionAgency: subject.adoptionAgency, profile: profile(subject.profile), state: state(view.state),
            version: subject.version, createdAt: subject.createdAt,
            milestones: subject.records.map { milestone($0, supersededBy: supersededBy[$0.id], effective: effective.contains($0.id)) },
            openAlerts: view.openAlerts.map { alert($0, acknowledgements: view.acknowledgements) },
            dataQuality: view.findings.map(finding)
        )
    }

    static func summary(_ summary: CaseSummary) -> Schemas.CaseSummary {
        let subject = summary.subject
        return Schemas.CaseSummary(
            id: subject.id.lowercased, reference: subject.reference, localAuthority: subject.localAuthority,
            adoptionAgency: subject.adoptionAgency, profile: profile(subject.profile), state: state(summary.state),
            version: subject.version, createdAt: subject.createdAt
        )
    }

    static func recorded(_ recorded: RecordedMilestone) -> Schemas.MilestoneRecorded {
        Schemas.MilestoneRecorded(
            milestone: milestone(recorded.milestone, supersededBy: nil, effective: recorded.milestone.correction?.retracted != true),
            state: state(recorded.state),
            openAlerts: recorded.openAlerts.map { alert($0, acknowledgements: []) },
            dataQuality: recorded.findings.map(finding)
        )
    }

    static func alert(_ result: RuleResult, acknowledgements: [Acknowledgement]) -> Schemas.Alert {
        // The latest 100 (the store lists them oldest first): an alert acknowledged every week
        // for two years still answers within the contract.
        let mine = acknowledgements.filter { $0.ruleID == result.ruleID }.suffix(100)
        return Schemas.Alert(
            ruleId: Schemas.RuleID(rawValue: result.ruleID)!,
            standard: result.standard, title: RuleCatalogue.rule(id: result.ruleID)?.title ?? result.ruleID,
            status: Schemas.Alert.StatusPayload(rawValue: result.status.rawValue)!,
            anchorOn: result.anchorOn?.iso, dueOn: result.dueOn?.iso,
            daysOverdue: result.daysOverdue, daysRemaining: result.daysRemaining, message: result.message,
            acknowledgements: mine.isEmpty ? nil : mine.map(acknowledgement)
        )
    }

    static func acknowledgement(_ acknowledgement: Acknowledgement) -> Schemas.Acknowledgement {
        Schemas.Acknowledgement(
            id: acknowledgement.id.lowercased, caseId: acknowledgement.caseID.lowercased,
            ruleId: Schemas.RuleID(rawValue: acknowledgement.ruleID)!, note: acknowledgement.note,
            acknowledgedBy: acknowledgement.acknowledgedBy, acknowledgedAt: acknowledgement.acknowledgedAt, anchorOn: acknowledgement.anchorOn?.iso
        )
    }

    static func policy(_ policy: Policy, inForce: Bool) -> Schemas.Policy {
        Schemas.Policy(
            id: policy.id, version: policy.version, title: policy.title, inForce: inForce, appliesTo: policy.appliesTo,
            bankHolidays: policy.calendar.name, smallNumberThreshold: policy.smallNumberThreshold,
            rules: policy.rules.map { setting in
                Schemas.PolicyRule(
                    id: Schemas.RuleID(rawValue: setting.rule.id)!, standard: setting.rule.standard, title: setting.rule.title,
                    shape: Schemas.PolicyRule.ShapePayload(rawValue: setting.rule.shape.name)!,
                    basis: Schemas.PolicyRule.BasisPayload(rawValue: setting.rule.basis.name)!,
                    source: setting.rule.basis.source, enabled: setting.enabled,
                    threshold: setting.threshold?.description, warning: setting.warning?.description,
                    second: setting.rule.secondParameter.map { parameter in
                        .init(key: parameter.key, value: (setting.second ?? parameter.defaultValue).description, meaning: parameter.meaning)
                    }
                )
            }
        )
    }

    private static func profile(_ profile: ChildProfile) -> Schemas.Profile {
        Schemas.Profile(
            sex: Schemas.Sex(rawValue: profile.sex.rawValue)!, ethnicity: Schemas.Ethnicity(rawValue: profile.ethnicity.rawValue)!,
            siblingGroupSize: profile.siblingGroupSize, disability: profile.disability, unborn: profile.unborn,
            expectedBirthMonth: profile.expectedBirthMonth?.description
        )
    }

    private static func state(_ state: JourneyState) -> Schemas.JourneyState {
        Schemas.JourneyState(rawValue: state.rawValue)!
    }

    private static func milestone(_ milestone: Milestone, supersededBy: UUID?, effective: Bool) -> Schemas.Milestone {
        let details = DetailsCodec.encode(milestone.details).compactMapValues { value -> Schemas.DetailValue? in
            switch value {
            case .string(let text): .case1(text)
            case .integer(let number): .case2(number)
            case .boolean(let flag): .case3(flag)
            case .unsupported: nil
            }
        }
        return Schemas.Milestone(
            id: milestone.id.lowercased, kind: Schemas.MilestoneKind(rawValue: milestone.kind.rawValue)!,
            occurredOn: milestone.occurredOn.iso, details: Schemas.Details(additionalProperties: details), note: milestone.note,
            recordedAt: milestone.recordedAt, recordedBy: milestone.recordedBy,
            supersedes: milestone.correction?.supersedes.lowercased, correctionReason: milestone.correction?.reason,
            retracted: milestone.correction?.retracted, supersededBy: supersededBy?.lowercased, effective: effective
        )
    }

    private static func finding(_ finding: DataQualityFinding) -> Schemas.DataQualityFinding {
        Schemas.DataQualityFinding(code: finding.code, milestoneId: finding.milestoneID.lowercased, message: finding.message)
    }
}

extension UUID {
    /// Ids leave the server in lower case, as RFC 9562 recommends.
    var lowercased: String { uuidString.lowercased() }
}
