import Foundation

/// The effective milestones of a case, in date order, indexed by kind. Everything the rules,
/// the state and the validator ask of a case, they ask of this.
public struct Journey: Sendable {
    public let profile: ChildProfile
    /// Effective milestones sorted by date, then by when they were recorded.
    public let milestones: [Milestone]
    /// Indices into `milestones` grouped by kind (date order within a kind); kind `k`'s are at
    /// `kindStarts[k]..<kindStarts[k + 1]`. Two arrays rather than an array per kind: a dashboard
    /// builds hundreds of thousands of journeys.
    private let positions: [Int]
    private let kindStarts: [Int]

    public init(profile: ChildProfile, records: [Milestone]) {
        var superseded = Set<UUID>()
        for record in records {
            if let correction = record.correction { superseded.insert(correction.supersedes) }
        }
        let effective = records.filter { record in
            !superseded.contains(record.id) && record.correction?.retracted != true
        }
        self.init(profile: profile, effective: effective)
    }

    init(profile: ChildProfile, effective: [Milestone]) {
        self.init(profile: profile, ordered: effective.sorted {
            ($0.occurredOn, $0.recordedAt) < ($1.occurredOn, $1.recordedAt)
        })
    }

    /// From effective milestones already in journey order (as a `JourneyDigest` keeps them).
    init(profile: ChildProfile, ordered sorted: [Milestone]) {
        self.profile = profile
        // A counting sort: each kind's end, then filled backwards, which leaves each kind's start.
        var starts = Array(repeating: 0, count: MilestoneKind.count + 1)
        for milestone in sorted { starts[milestone.kind.ordinal + 1] += 1 }
        for kind in 0..<MilestoneKind.count { starts[kind + 1] += starts[kind] }
        var positions = Array(repeating: 0, count: sorted.count)
        var ends = Array(starts.dropFirst())
        for index in sorted.indices.reversed() {
            let kind = sorted[index].kind.ordinal
            ends[kind] -= 1
            positions[ends[kind]] = index
        }
        self.milestones = sorted
        self.positions = positions
        self.kindStarts = starts
        let first = { (kind: MilestoneKind) -> Milestone? in
            starts[kind.ordinal] < starts[kind.ordinal + 1] ? sorted[positions[starts[kind.ordinal]]] : nil
        }
        self.startOfPlanning = Self.earliest(
            Self.earliest(first(.ploPreProceedings), first(.preBirthConference)),
            Self.earliest(first(.proceedingsIssued), first(.adoptionRequest))
        )?.occurredOn
        // A return home ends the journey only where the child still lives (nothing placed after
        // it) and no court is still to decide: outside proceedings, or once the court has decided.
        // Returned home under an interim order, the child's journey runs on until the decision.
        var homeFor: Milestone?
        if let home = first(.reunification) {
            let homeIndex = positions[starts[MilestoneKind.reunification.ordinal]]
            // The last of a kind is the furthest on in the journey (each kind's positions ascend).
            let placedAfterHome = { (kind: MilestoneKind) -> Bool in
                starts[kind.ordinal] < starts[kind.ordinal + 1] && positions[starts[kind.ordinal + 1] - 1] > homeIndex
            }
            let placedLater = placedAfterHome(.epPlacement) || placedAfterHome(.interimPlacement)
            if !placedLater {
                if first(.proceedingsIssued) == nil {
                    homeFor = home
                } else if let decision = first(.courtDecision) {
                    homeFor = decision.occurredOn > home.occurredOn ? decision : home
                }
            }
        }
        self.returnedHomeForGood = homeFor != nil
        self.ending = Self.earliest(Self.earliest(first(.caseClosed), first(.adoptionOrder)), homeFor)
    }

    /// Every effective milestone of `kind`, in date order.
    public func all(_ kind: MilestoneKind) -> MilestonesOfKind {
        MilestonesOfKind(milestones: milestones, positions: positions, range: kindStarts[kind.ordinal]..<kindStarts[kind.ordinal + 1])
    }

    public func first(_ kind: MilestoneKind) -> Milestone? {
        contains(kind) ? milestones[positions[kindStarts[kind.ordinal]]] : nil
    }

    public func first(_ kind: MilestoneKind, where matches: (Milestone) -> Bool) -> Milestone? {
        all(kind).first(where: matches)
    }

    /// The date of the first milestone of `kind` (cheaper than `first(_:)` where only the day matters).
    public func firstOn(_ kind: MilestoneKind) -> CalendarDate? {
        contains(kind) ? milestones[positions[kindStarts[kind.ordinal]]].occurredOn : nil
    }

    public func contains(_ kind: MilestoneKind) -> Bool { kindStarts[kind.ordinal] < kindStarts[kind.ordinal + 1] }

    public var birth: CalendarDate? { firstOn(.birth) }

    /// The earliest of PLO pre-proceedings, the pre-birth conference, proceedings issued and an
    /// adoption request (docs/design.md §3.4). (Worked out once, in `init`: every deadline rule asks.)
    public let startOfPlanning: CalendarDate?

    /// The milestone after which nothing more can happen: case closed, adoption order, or the
    /// child's return home for good. A return home is for good when the child still lives at home
    /// (no placement after it) and no court is still to decide: with no proceedings issued it is the
    /// `reunification` itself; in proceedings it is the court's decision, or the `reunification` if
    /// that came after the decision. A child returned home under an interim order is still in
    /// proceedings, and the journey runs on (docs/design.md §2.6).
    public let ending: Milestone?

    /// Whether `ending` is the child's return home for good.
    let returnedHomeForGood: Bool

    /// The last day an open wait counts up to: `asOf`, or the journey's end if that came first.
    func lastDayCounted(asOf: CalendarDate) -> CalendarDate {
        ending.map { min($0.occurredOn, asOf) } ?? asOf
    }

    private static func earliest(_ a: Milestone?, _ b: Milestone?) -> Milestone? {
        guard let a else { return b }
        guard let b else { return a }
        return b.occurredOn < a.occurredOn ? b : a
    }

    /// The journey as it stood on `day`: milestones that occurred after it left out, so that
    /// "what was overdue on 1 March" is answered from what had happened by 1 March.
    public func asOf(_ day: CalendarDate) -> Journey {
        guard let last = milestones.last, last.occurredOn > day else { return self }
        return Journey(profile: profile, ordered: milestones.filter { $0.occurredOn <= day })
    }

    /// The journey with one more milestone (or a changed set), for checking a write before it is stored.
    func replacing(_ removed: Set<UUID>, adding added: Milestone?) -> Journey {
        var effective = milestones.filter { !removed.contains($0.id) }
        if let added { effective.append(added) }
        return Journey(profile: profile, effective: effective)
    }
}

/// The effective milestones of one kind, in date order, indexed from 0: a view into the
/// journey, not a copy.
public struct MilestonesOfKind: RandomAccessCollection, Sendable {
    let milestones: [Milestone]
    let positions: [Int]
    /// This kind's part of `positions`.
    let range: Range<Int>

    public var startIndex: Int { 0 }
    public var endIndex: Int { range.count }
    public subscript(position: Int) -> Milestone { milestones[positions[range.lowerBound + position]] }

    /// Where the milestone at `position` comes in the whole journey (its index in
    /// `Journey.milestones`): how milestones of different kinds recorded on one day are ordered.
    func journeyIndex(_ position: Int) -> Int { positions[range.lowerBound + position] }
}
