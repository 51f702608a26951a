import EPDomain
import EPStore
import Foundation

extension AuditEvent {
    /// What `caller` did, in the audit trail's words.
    package init(_ caller: Caller, _ action: String, at: Date, caseID: UUID? = nil, milestoneID: UUID? = nil, requestID: String?, subject: String? = nil,
        reason: String? = nil, recordID: UUID? = nil
    ) {
        self.init(
            at: at, actor: caller.actor, agency: caller.agency, role: caller.role.rawValue, action: action,
            caseID: caseID, milestoneID: milestoneID, requestID: requestID, subjectAgency: subject, reason: reason, recordID: recordID
        )
    }
}
