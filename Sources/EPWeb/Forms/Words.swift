import EPDomain

/// What the pages call things: every milestone kind, journey state, rule status and detail value
/// in plain English. The ids stay the API's; these are only their labels.
enum Words {
    static func kind(_ kind: MilestoneKind) -> String {
        switch kind {
        case .preBirthAssessmentStarted: "Pre-birth assessment started"
        case .adoptionRequest: "Parent asked for the child to be adopted"
        case .preBirthConference: "Pre-birth conference"
        case .birth: "Birth"
        case .ploPreProceedings: "PLO pre-proceedings"
        case .familyGroupConference: "Family group conference"
        case .viabilityAssessment: "Viability or full assessment of a family or friends carer"
        case .paternityTest: "Paternity test"
        case .parentsInformedOfEP: "Parents told about early permanence"
        case .epConsideration: "Early permanence considered"
        case .proceedingsIssued: "Care proceedings issued"
        case .timetableExtension: "Court timetable extended"
        case .enteredCare: "Entered care"
        case .section19Application: "Application for the court's guidance (Part 19)"
        case .placementConsent: "Consent to placement for adoption (section 19)"
        case .epCarersLinked: "Early permanence carers linked"
        case .reg25aDecision: "Regulation 25A temporary approval decision"
        case .interimPlacement: "Interim placement"
        case .epPlacement: "Early permanence placement (initial match)"
        case .familyTimePlan: "Family time plan agreed"
        case .familyTime: "Family time session"
        case .courtDecision: "Court decision"
        case .adoptionPanel: "Adoption panel"
        case .panelMinutesReceived: "Panel minutes received by the decision maker"
        case .admMatchDecision: "Agency decision maker's formal match decision"
        case .reunificationPlan: "Reunification plan"
        case .reunification: "Returned home"
        case .placedForAdoption: "Placed for adoption"
        case .adoptionOrder: "Adoption order"
        case .caseClosed: "Case closed"
        }
    }

    static func state(_ state: JourneyState) -> String {
        switch state {
        case .preBirth: "Before birth"
        case .preProceedings: "Pre-proceedings"
        case .inProceedings: "In proceedings"
        case .epPlaced: "Living with EP carers"
        case .placementOrder: "Placement order made"
        case .formallyMatched: "Formally matched"
        case .adopted: "Adopted"
        case .reunified: "Returned home"
        case .otherPermanence: "Other permanence"
        case .closed: "Closed"
        }
    }

    static func status(_ status: RuleStatus) -> String {
        switch status {
        case .overdue: "Overdue"
        case .dueSoon: "Due soon"
        case .late: "Done late"
        case .pending: "Not due yet"
        case .met: "Met"
        case .notApplicable: "Does not apply"
        }
    }

    /// A detail's name (`placed_from`) as words (`Placed from`).
    static func detailName(_ key: String) -> String {
        key.split(separator: "_").joined(separator: " ").capitalisedFirst
    }

    /// The DfE's SSDA903 ethnicity categories in their own words, then the code, as a social
    /// worker finds them in the case management system ("White British (WBRI)").
    static func ethnicity(_ ethnicity: Ethnicity) -> String {
        let words = switch ethnicity {
        case .WBRI: "White British"
        case .WIRI: "White Irish"
        case .WOTH: "Any other White background"
        case .WIRT: "Traveller of Irish heritage"
        case .WROM: "Gypsy or Roma"
        case .MWBC: "White and Black Caribbean"
        case .MWBA: "White and Black African"
        case .MWAS: "White and Asian"
        case .MOTH: "Any other mixed background"
        case .AIND: "Indian"
        case .APKN: "Pakistani"
        case .ABAN: "Bangladeshi"
        case .AOTH: "Any other Asian background"
        case .BCRB: "Caribbean"
        case .BAFR: "African"
        case .BOTH: "Any other Black background"
        case .CHNE: "Chinese"
        case .OOTH: "Any other ethnic group"
        case .REFU: "Refused"
        case .NOBT: "Information not yet obtained"
        }
        return "\(words) (\(ethnicity.rawValue))"
    }

    /// The heading of an ethnicity group on the form: the groups of the DfE's statistics on
    /// children looked after, which the dashboards use (Chinese among other ethnic groups).
    static func ethnicityGroup(_ group: EthnicityGroup) -> String {
        switch group {
        case .white: "White"
        case .mixed: "Mixed or multiple ethnic groups"
        case .asian: "Asian or Asian British"
        case .black: "Black, African, Caribbean or Black British"
        case .other: "Other ethnic group"
        case .notKnown: "Not known"
        }
    }

    /// A detail value (`not_suitable`) as words (`not suitable`), for choices with no better label.
    static func value(_ raw: String) -> String {
        switch raw {
        case "ffa": "Fostering for Adoption"
        case "concurrency": "Concurrent Planning"
        case "reg25a": "Regulation 25A temporary approval"
        case "ep_carers": "the EP carers"
        case "dual_approval": "dual approval (foster carers and adopters)"
        default: raw.split(separator: "_").joined(separator: " ").capitalisedFirst
        }
    }

    static func ruleTitle(_ id: String) -> String { RuleCatalogue.rule(id: id)?.title ?? id }

    /// A rule's message with its dates as people write them (its words are already plain).
    static func message(_ result: RuleResult) -> String { writtenDates(result.message) }

    /// The API's refusals for people: dates as people write them, field names and milestone
    /// kinds as words.
    static func plain(_ text: String) -> String {
        var text = writtenDates(text)
        for (name, words) in fieldNames { text = text.replacingOccurrences(of: name, with: words) }
        for kind in MilestoneKind.allCases where kind.rawValue.contains("_") {
            text = text.replacingOccurrences(of: kind.rawValue, with: Self.kind(kind).lowercased())
        }
        return text
    }

    /// Every ISO date (2025-07-07) in `text` as people write it (7 July 2025). A scan of the
    /// bytes, not a regular expression: the alert queue writes out fifty messages a page.
    static func writtenDates(_ text: String) -> String {
        let bytes = Array(text.utf8)
        guard bytes.count >= 10 else { return text }
        var out = [UInt8]()
        out.reserveCapacity(bytes.count + 16)
        var index = 0
        func isDigit(_ i: Int) -> Bool { bytes[i] >= 48 && bytes[i] <= 57 }
        while index < bytes.count {
            if index + 10 <= bytes.count, (index == 0 || !isDigit(index - 1)),
               isDigit(index), isDigit(index + 1), isDigit(index + 2), isDigit(index + 3), bytes[index + 4] == 45,
               isDigit(index + 5), isDigit(index + 6), bytes[index + 7] == 45, isDigit(index + 8), isDigit(index + 9),
               index + 10 == bytes.count || !isDigit(index + 10),
               let date = CalendarDate(iso: String(decoding: bytes[index..<index + 10], as: UTF8.self)) {
                out.append(contentsOf: date.written.utf8)
                index += 10
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static let fieldNames = [
        ("occurred_on", "the date"), ("expected_birth_month", "the expected month of birth"),
        ("sibling_group_size", "the sibling group size"), ("gestation_weeks", "weeks of pregnancy"), ("placement_type", "the type of placement"),
        ("placed_from", "placed from"),
    ]
}

extension String {
    var capitalisedFirst: String { prefix(1).uppercased() + dropFirst() }
}
