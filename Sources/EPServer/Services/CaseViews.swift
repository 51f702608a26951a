import EPDomain
import EPStore
import Foundation

/// A case as the API shows it: its records, derived state, open alerts with their
/// acknowledgements, and data-quality findings.
public struct CaseView: Sendable {
    public let subject: Case
    public let state: JourneyState
    public let openAlerts: [RuleResult]
    public let acknowledgements: [Acknowledgement]
    public let findings: [DataQualityFinding]
    /// Every rule's result on the day the view is for, open or not (the case page lists them all).
    public let results: [RuleResult]
}

/// The answer to recording a milestone or a correction.
public struct RecordedMilestone: Sendable {
    public let caseID: UUID
    public let milestone: Milestone
    public let state: JourneyState
    public let openAlerts: [RuleResult]
    public let findings: [DataQualityFinding]
}

public struct CaseAlertsView: Sendable {
    public let caseID: UUID
    public let asOf: CalendarDate
    public let results: [RuleResult]
    public let acknowledgements: [Acknowledgement]
}

/// One open alert in the cross-case list.
public struct CaseAlert: Sendable {
    public let caseID: UUID
    public let reference: String
    public let localAuthority: String
    public let result: RuleResult
    /// This rule's acknowledgements on this case, oldest first: an IRO working the queue sees
    /// which alerts a colleague has already looked at.
    public var acknowledgements: [Acknowledgement] = []
}

extension Acknowledgement {
    /// Made by the end of `day` (London time): a view of a past day shows only the
    /// acknowledgements there were then.
    func isMade(by day: CalendarDate) -> Bool { Clock.calendarDate(of: acknowledgedAt) <= day }

    /// Whether it is of `result`'s alert, counted from the same day, not of another clock of the
    /// same rule such as an earlier viability assessment's (one recorded before the day was kept
    /// counts for the rule).
    public func isOf(_ result: RuleResult) -> Bool {
        ruleID == result.ruleID && (anchorOn == nil || anchorOn == result.anchorOn)
    }
}

extension Case {
    /// The ETag of this version of the case.
    public var etag: String { "\"v\(version)\"" }
}
