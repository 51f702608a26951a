/// What a caller may do (docs/design.md §1.4).
public enum Role: String, CaseIterable, Hashable, Sendable {
    /// Opens cases, records milestones, corrects mistakes.
    case socialWorker = "social_worker"
    /// Reads cases and alerts, acknowledges alerts.
    case iro
    /// Reads cases, alerts and dashboards across the agency and its partners.
    case leader
    /// Manages agencies, partnerships, tokens and the audit trail; reads no case data.
    case admin

    public var readsCases: Bool { self != .admin }
    public var writesCases: Bool { self == .socialWorker }
    public var acknowledgesAlerts: Bool { self == .iro }

    /// Whether an agency of `type` has people in this role. An IRO is appointed by the local
    /// authority looking after the child (Children Act 1989 s.25A): an RAA or VAA has none.
    public func isHeld(by type: AgencyType) -> Bool { self != .iro || type == .la }

    /// Why an agency of `type` has no one in this role (nil when it has).
    public func notHeld(by type: AgencyType) -> String? {
        isHeld(by: type) ? nil : "an \(type.rawValue.uppercased()) has no iro role: an IRO is appointed by the local authority looking after the child (Children Act 1989 s.25A)"
    }
}

public enum AgencyType: String, CaseIterable, Hashable, Sendable {
    /// Local authority: owns cases.
    case la
    /// Regional adoption agency: works on the cases of its partner LAs.
    case raa
    /// Voluntary adoption agency: works on the cases of its partner LAs.
    case vaa
}

public struct Agency: Hashable, Sendable {
    public static let maxNameLength = 200

    public let id: String
    public let name: String
    public let type: AgencyType

    public init(id: String, name: String, type: AgencyType) {
        self.id = id
        self.name = name
        self.type = type
    }

    /// An agency's name is shown in pages and written into CSV files and reports: letters (any
    /// script), digits, spaces and `& ' , . ( ) -` only, starting with a letter or digit, so a
    /// name can never be read as a spreadsheet formula or markup.
    public static func checkName(_ name: String) throws(ValidationError) -> String {
        let punctuation: Set<Character> = ["&", "'", ",", ".", "(", ")", "-", " ", "’"]
        guard let first = name.first, first.isLetter || first.isNumber,
              name.allSatisfy({ $0.isLetter || $0.isNumber || punctuation.contains($0) })
        else {
            throw .invalid("/name", "an agency name has letters, digits, spaces and & ' , . ( ) - only, and starts with a letter or digit")
        }
        return name
    }

    /// Agency ids are short lower-case codes: `la-northshire`, `raa-coast-and-vale`.
    public static func isValidID(_ id: String) -> Bool {
        (2...64).contains(id.count) && id.first != "-"
            && id.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }
    }
}

/// Who is calling: resolved from a credential on every request and passed into every service
/// call, so that every answer is scoped to what this caller may see.
public struct Caller: Hashable, Sendable {
    /// The token or subject id, as recorded in the audit trail and in `recorded_by`.
    public let actor: String
    public let agency: String
    public let agencyType: AgencyType
    public let role: Role
    /// The local authorities whose cases this caller may see: its own (for an LA) and those of
    /// its active partnerships, resolved at the start of the request.
    public let visibleLocalAuthorities: Set<String>

    public init(actor: String, agency: String, agencyType: AgencyType, role: Role, visibleLocalAuthorities: Set<String>) {
        self.actor = actor
        self.agency = agency
        self.agencyType = agencyType
        self.role = role
        self.visibleLocalAuthorities = visibleLocalAuthorities
    }

    public func canSee(localAuthority: String) -> Bool { role.readsCases && visibleLocalAuthorities.contains(localAuthority) }
}
