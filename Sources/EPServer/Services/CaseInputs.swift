import EPDomain
import Foundation

/// What a social worker sends to open a case or change one: the inputs of `CaseService`, as
/// the handlers decode them from the contract.

/// What a social worker may change on an existing case.
public struct CaseUpdate: Sendable {
    public var sex: Sex?
    public var ethnicity: Ethnicity?
    public var siblingGroupSize: Int?
    public var disability: Bool?
    public var expectedBirthMonth: YearMonth?
    public var adoptionAgency: String?

    public init(
        sex: Sex? = nil, ethnicity: Ethnicity? = nil, siblingGroupSize: Int? = nil, disability: Bool? = nil,
        expectedBirthMonth: YearMonth? = nil, adoptionAgency: String? = nil
    ) {
        self.sex = sex
        self.ethnicity = ethnicity
        self.siblingGroupSize = siblingGroupSize
        self.disability = disability
        self.expectedBirthMonth = expectedBirthMonth
        self.adoptionAgency = adoptionAgency
    }

    /// `subject` with the fields this update names changed (its version as it was).
    public func applied(to subject: Case) -> Case {
        var changed = subject
        changed.profile.sex = sex ?? subject.profile.sex
        changed.profile.ethnicity = ethnicity ?? subject.profile.ethnicity
        changed.profile.siblingGroupSize = siblingGroupSize ?? subject.profile.siblingGroupSize
        changed.profile.disability = disability ?? subject.profile.disability
        changed.profile.expectedBirthMonth = expectedBirthMonth ?? subject.profile.expectedBirthMonth
        changed.adoptionAgency = adoptionAgency ?? subject.adoptionAgency
        return changed
    }

    /// Whether `subject` already says everything this update asks (a form sent twice, say).
    public func isAlreadyIn(_ subject: Case) -> Bool {
        let changed = applied(to: subject)
        return changed.profile == subject.profile && changed.adoptionAgency == subject.adoptionAgency
    }
}

public struct NewCase: Sendable {
    public let reference: String
    public let localAuthority: String
    public let adoptionAgency: String?
    public let profile: ChildProfile

    public init(reference: String, localAuthority: String, adoptionAgency: String?, profile: ChildProfile) {
        self.reference = reference
        self.localAuthority = localAuthority
        self.adoptionAgency = adoptionAgency
        self.profile = profile
    }
}
