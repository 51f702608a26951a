import Foundation

/// One child's EP journey: pseudonymous, owned by one local authority.
public struct Case: Hashable, Sendable, Identifiable {
    public let id: UUID
    /// The LA's own opaque code for the child, unique within that LA.
    public let reference: String
    public let localAuthority: String
    public var adoptionAgency: String?
    public var profile: ChildProfile
    /// Every record, superseded ones included, in the order they were recorded.
    public var records: [Milestone]
    public let createdAt: Date
    /// Bumped on every change; the API's ETag.
    public var version: Int

    public init(
        id: UUID, reference: String, localAuthority: String, adoptionAgency: String? = nil,
        profile: ChildProfile, records: [Milestone] = [], createdAt: Date, version: Int = 1
    ) {
        self.id = id
        self.reference = reference
        self.localAuthority = localAuthority
        self.adoptionAgency = adoptionAgency
        self.profile = profile
        self.records = records
        self.createdAt = createdAt
        self.version = version
    }

    /// The journey as it stands: superseded and retracted records left out.
    public var journey: Journey { Journey(profile: profile, records: records) }
}
