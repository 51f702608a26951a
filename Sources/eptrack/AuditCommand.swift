import ArgumentParser
import EPDomain
import EPServer
import EPStore
import Foundation

struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "audit", abstract: "The audit trail.", subcommands: [Export.self])

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write the audit trail as CSV to standard output (every agency's).")
        @Option(name: .customLong("case"), help: "Only this case's events") var caseID: String?
        @Option(help: "First day (YYYY-MM-DD, UTC)") var from: String?
        @Option(help: "Last day (YYYY-MM-DD, UTC)") var to: String?

        func run() async throws {
            let caseUUID = try caseID.map { text in
                guard let id = UUID(uuidString: text) else { throw ValidationError("--case must be a case id") }
                return id
            }
            let days = try [from, to].map { text in
                try text.map { text in
                    guard let day = CalendarDate(iso: text) else { throw ValidationError("dates are YYYY-MM-DD") }
                    return day
                }
            }
            if let first = days[0], let last = days[1], first > last { throw ValidationError("--from must not be after --to") }
            // subject_agency last, so that the columns a reader had before keep their places: the
            // agency an event is about when it is not the actor's (the LA whose cases an operator
            // exported, the other party of a partnership).
            print("at,actor,agency,role,action,case_id,milestone_id,request_id,outcome,subject_agency")
            let stamp = ISO8601DateFormatter()
            try await CLI.withAdmin { admin in
                try await admin.exportAuditTrail(caseID: caseUUID, from: days[0], to: days[1], by: .current) { event in
                    let fields = [
                        stamp.string(from: event.at), event.actor, event.agency, event.role, event.action,
                        event.caseID?.uuidString.lowercased() ?? "", event.milestoneID?.uuidString.lowercased() ?? "",
                        event.requestID ?? "", event.outcome, event.subjectAgency ?? "",
                    ]
                    print(fields.map(CSVCell.field).joined(separator: ","))
                }
            }
        }
    }
}
