import Foundation

/// A case's journey (profile and effective milestones, in journey order) as one compact text,
/// kept beside the case and rewritten with every change to it. The dashboards read this one
/// value per case instead of every record: 20,000 cases hold about 340,000 records, and reading
/// those row by row cost fifteen times the whole dashboard target.
///
/// It keeps only what figures and rules use: the profile, and each milestone's kind, day and
/// details. A journey read back from it has no record ids, notes or recorders (ids are all zero),
/// so it serves figures only; a write always works from the records themselves.
///
/// Format (version 1), one line per entry, fields separated by `;`:
///
///     1;<sex>;<ethnicity>;<sibling group size>;<disability 0|1>;<unborn 0|1>;<expected YYYY-MM or empty>
///     <kind code>;<day number>[;<details JSON>]
///
/// A kind code is the kind's place in `kindCodes` (a third of the text was kind names); day
/// numbers count from 1970-01-01. Details are written as stored (`DetailsJSON`), whose JSON
/// escapes every line break, so lines split safely. A change of format (a kind code reused, say)
/// comes with a migration that clears the stored digests, which the server then writes again at
/// start.
public struct JourneyDigest: Hashable, Sendable {
    public let text: String

    public init(text: String) {
        self.text = text
    }

    /// The kind codes of format 1: a kind's code is its place here. New kinds go at the end;
    /// nothing here is ever reordered or removed (a test pins it).
    public static let kindCodes: [MilestoneKind] = [
        .preBirthAssessmentStarted, .preBirthConference, .birth, .ploPreProceedings, .familyGroupConference,
        .viabilityAssessment, .paternityTest, .parentsInformedOfEP, .epConsideration, .proceedingsIssued,
        .timetableExtension, .enteredCare, .section19Application, .epCarersLinked, .reg25aDecision,
        .interimPlacement, .epPlacement, .familyTimePlan, .familyTime, .courtDecision,
        .adoptionPanel, .admMatchDecision, .reunificationPlan, .reunification, .adoptionOrder,
        .caseClosed,
        // Added with the consensual route and recurring episodes (docs/design.md §2.3): format 1
        // still, since no code above changed meaning.
        .adoptionRequest, .placementConsent, .panelMinutesReceived, .placedForAdoption,
    ]
    /// By `MilestoneKind.ordinal`.
    private static let codeOfKind: [Int] = {
        var codes = Array(repeating: -1, count: MilestoneKind.count)
        for (code, kind) in kindCodes.enumerated() { codes[kind.ordinal] = code }
        return codes
    }()

    public init(_ journey: Journey) {
        let profile = journey.profile
        var text = "1;\(profile.sex.rawValue);\(profile.ethnicity.rawValue);\(profile.siblingGroupSize);"
            + "\(profile.disability ? 1 : 0);\(profile.unborn ? 1 : 0);\(profile.expectedBirthMonth?.description ?? "")"
        for milestone in journey.milestones {
            text += "\n\(Self.codeOfKind[milestone.kind.ordinal]);\(milestone.occurredOn.dayNumber)"
            if milestone.details != .none { text += ";" + DetailsJSON.write(milestone.details) }
        }
        self.text = text
    }

    /// The journey the digest was made from, as far as figures can tell.
    public func journey() throws(Unreadable) -> Journey {
        var reader = Reader()
        return try reader.journey(self)
    }

    /// Reads many digests, remembering the details it has read: across a dashboard's journeys
    /// the same few coded details (`{"outcome":"recommended"}`) come up again and again.
    public struct Reader: Sendable {
        /// By a hash of kind and JSON; each entry keeps its JSON, so a collision is only a miss.
        private var known: [UInt64: (json: [UInt8], details: MilestoneDetails)] = [:]
        /// Enough for every coded combination; free text (rarely repeated) stops being remembered.
        private static let remembered = 4_096

        public init() {}

        public mutating func journey(_ digest: JourneyDigest) throws(Unreadable) -> Journey {
            var text = digest.text
            let journey = text.withUTF8 { bytes in
                var reader = DigestReader(bytes: bytes)
                return reader.journey { kind, json in
                    let key = DigestReader.hash(json, seed: UInt64(kind.ordinal))
                    if let entry = known[key], DigestReader.same(entry.json, json) { return entry.details }
                    guard let raw = try? DetailsJSON.parse(json), let details = try? DetailsCodec.decodeStored(kind: kind, raw) else { return nil }
                    if known.count < Self.remembered, known[key] == nil { known[key] = (Array(json), details) }
                    return details
                }
            }
            guard let journey else { throw Unreadable(text: digest.text) }
            return journey
        }
    }

    /// A stored digest this version cannot read: a bug or a hand edit, never a client's doing.
    public struct Unreadable: Error, CustomStringConvertible {
        let text: String
        public var description: String { "unreadable journey digest beginning \(text.prefix(60).debugDescription)" }
    }

    /// The id every milestone read from a digest carries.
    static let noID = UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))
    static let noTime = Date(timeIntervalSince1970: 0)
}

/// Reads the digest's bytes field by field, without building a string per field.
private struct DigestReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0

    private static let separator = UInt8(ascii: ";")
    private static let newline = UInt8(ascii: "\n")

    /// Whether `bytes` are exactly `known`.
    static func same(_ known: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard known.count == bytes.count else { return false }
        guard !bytes.isEmpty else { return true }
        return known.withUnsafeBufferPointer { memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0 }
    }

    /// FNV-1a, 64-bit: quick over the few bytes of a coded details object.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>, seed: UInt64) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ seed
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// `details` reads a milestone's details JSON (nil when it cannot).
    mutating func journey(details: (MilestoneKind, UnsafeBufferPointer<UInt8>) -> MilestoneDetails?) -> Journey? {
        guard field() == "1",
              let sex = field().flatMap(Sex.init(rawValue:)),
              let ethnicity = field().flatMap(Ethnicity.init(rawValue:)),
              let siblings = integer(), let disability = flag(), let unborn = flag(),
              let expected = field() else { return nil }
        let month: YearMonth?
        if expected.isEmpty {
            month = nil
        } else {
            guard let parsed = YearMonth(iso: expected) else { return nil }
            month = parsed
        }
        let profile = ChildProfile(
            sex: sex, ethnicity: ethnicity, siblingGroupSize: siblings, disability: disability, unborn: unborn, expectedBirthMonth: month
        )
        var milestones: [Milestone] = []
        var lines = 1
        for index in position..<bytes.count where bytes[index] == Self.newline { lines += 1 }
        milestones.reserveCapacity(lines)
        while position < bytes.count {
            guard let milestone = milestone(details) else { return nil }
            milestones.append(milestone)
        }
        return Journey(profile: profile, ordered: milestones)
    }

    private mutating func milestone(_ read: (MilestoneKind, UnsafeBufferPointer<UInt8>) -> MilestoneDetails?) -> Milestone? {
        guard let kind = kind(), let day = integer() else { return nil }
        var details = MilestoneDetails.none
        if position > 0, bytes[position - 1] == Self.separator {
            let start = position
            while position < bytes.count, bytes[position] != Self.newline { position += 1 }
            guard let typed = read(kind, UnsafeBufferPointer(rebasing: bytes[start..<position])) else { return nil }
            details = typed
            position += 1
        }
        return Milestone(
            id: JourneyDigest.noID, kind: kind, occurredOn: CalendarDate(dayNumber: day), details: details,
            recordedAt: JourneyDigest.noTime, recordedBy: ""
        )
    }

    /// The bytes up to the next `;` or line end (or the end), which is consumed.
    private mutating func span() -> Range<Int> {
        let start = position
        while position < bytes.count, bytes[position] != Self.separator, bytes[position] != Self.newline { position += 1 }
        let end = position
        if position < bytes.count { position += 1 }
        return start..<end
    }

    private mutating func field() -> String? {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[span()]), as: UTF8.self)
    }

    private mutating func kind() -> MilestoneKind? {
        guard let code = integer(), JourneyDigest.kindCodes.indices.contains(code) else { return nil }
        return JourneyDigest.kindCodes[code]
    }

    private mutating func integer() -> Int? {
        let digits = bytes[span()]
        guard !digits.isEmpty else { return nil }
        var value = 0
        var sign = 1
        for (offset, byte) in digits.enumerated() {
            if offset == 0, byte == UInt8(ascii: "-"), digits.count > 1 { sign = -1; continue }
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return sign * value
    }

    private mutating func flag() -> Bool? {
        switch integer() {
        case 0: false
        case 1: true
        default: nil
        }
    }
}
