import EPDomain
import Testing

/// The case-level export leaves out the reference and exact dates.
@Suite struct CaseExportTests {
    @Test func aPlacedChildIsExportedInMonthsAndWeeks() throws {
        var builder = JourneyBuilder(reference: "NS-EP-2025-0142", profile: ChildProfile(sex: .female, ethnicity: .BCRB, siblingGroupSize: 2))
        builder.record(.birth, "2025-01-15")
        builder.record(.ploPreProceedings, "2025-02-03")                 // start of planning
        builder.record(.epConsideration, "2025-02-17", .epConsideration(outcome: .recommended, reason: nil))  // 14 days: week 2
        builder.record(.epCarersLinked, "2025-02-20", .epCarersLinked(route: .dualApproval))
        builder.record(.enteredCare, "2025-03-01")                       // 26 days: week 3
        builder.record(.epPlacement, "2025-03-01", .epPlacement(scheme: .concurrency, placedFrom: .birthFamily))
        builder.record(.proceedingsIssued, "2025-03-10")                 // 35 days: week 5
        let csv = CaseExport.csv([builder.subject])
        let lines = csv.split(separator: "\r\n").map(String.init)
        #expect(lines.count == 2)
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let row = lines[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let value = Dictionary(uniqueKeysWithValues: zip(header, row))
        #expect(value["birth_month"] == "2025-01")
        #expect(value["start_of_planning_month"] == "2025-02")
        #expect(value["weeks_to_plo_pre_proceedings"] == "0")
        #expect(value["weeks_to_ep_consideration"] == "2")
        #expect(value["weeks_to_entered_care"] == "3")
        #expect(value["weeks_to_proceedings_issued"] == "5")
        #expect(value["weeks_to_court_decision"] == "")
        #expect(value["ssda903_placement_code"] == "U5")
        #expect(value["ep_scheme"] == "concurrency")
        #expect(value["ethnicity_group"] == "black")
        #expect(value["sibling_group_size"] == "2")
        #expect(!csv.contains("NS-EP-2025-0142"), "the reference stays inside the agency")
        #expect(!csv.contains("2025-01-15") && !csv.contains("2025-03-01"), "no exact dates")
    }
}
