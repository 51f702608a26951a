/// The status of one rule for one case on one day (docs/design.md §3.2).
public enum RuleStatus: String, CaseIterable, Hashable, Sendable, Comparable {
    /// The deadline passed and the expected milestone is missing, or a pattern still needs action.
    case overdue
    /// Inside the warning window before the deadline.
    case dueSoon = "due_soon"
    /// The expected milestone happened after the deadline, or the wrong order already happened.
    case late
    /// The clock is running but the warning window has not opened: an IRO asking for every
    /// rule's result needs to tell "not due yet" from "not applicable".
    case pending
    case met
    case notApplicable = "not_applicable"

    /// Open results are the alerts an IRO works through.
    public var isOpen: Bool { self == .overdue || self == .dueSoon }

    /// Most urgent first; used to pick the result of a rule that checks several instances
    /// (every viability assessment, every paternity test).
    public static func < (lhs: RuleStatus, rhs: RuleStatus) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

public struct RuleResult: Hashable, Sendable {
    public let ruleID: String
    public let standard: String
    public let status: RuleStatus
    /// The milestone date the rule counts from, where it has one.
    public let anchorOn: CalendarDate?
    public let dueOn: CalendarDate?
    /// Calendar days past the due date: up to `asOf` when overdue, up to the milestone when late.
    public let daysOverdue: Int?
    /// Calendar days from `asOf` to the due date, when due soon or pending.
    public let daysRemaining: Int?
    /// If nothing more is recorded, the first day this result is an open alert (`due_soon` or
    /// `overdue`) and the first day it is `overdue`; nil when only a new milestone can open it.
    /// They let the alert list find open alerts without re-evaluating every case.
    public internal(set) var opensOn: CalendarDate?
    public internal(set) var overdueOn: CalendarDate?
    /// One sentence an IRO can act on, written out when read.
    public let explanation: RuleMessage
    public var message: String { explanation.description }

    public init(
        ruleID: String, standard: String, status: RuleStatus, anchorOn: CalendarDate? = nil,
        dueOn: CalendarDate? = nil, daysOverdue: Int? = nil, daysRemaining: Int? = nil, message: String
    ) {
        self.init(
            ruleID: ruleID, standard: standard, status: status, anchorOn: anchorOn, dueOn: dueOn,
            daysOverdue: daysOverdue, daysRemaining: daysRemaining, explanation: RuleMessage(message)
        )
    }

    init(
        ruleID: String, standard: String, status: RuleStatus, anchorOn: CalendarDate?,
        dueOn: CalendarDate?, daysOverdue: Int?, daysRemaining: Int?, explanation: RuleMessage
    ) {
        self.ruleID = ruleID
        self.standard = standard
        self.status = status
        self.anchorOn = anchorOn
        self.dueOn = dueOn
        self.daysOverdue = daysOverdue
        self.daysRemaining = daysRemaining
        self.explanation = explanation
    }
}
