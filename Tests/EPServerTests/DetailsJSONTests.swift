import EPDomain
import EPStore
import Foundation
import Testing

/// The stored-details reader gives exactly what JSONDecoder gives, on what the store writes
/// and on what it never writes (which the reader hands to JSONDecoder), broken JSON included.
@Suite struct DetailsJSONTests {
    static let samples = [
        #"{}"#,
        #"{"status":"attended","supervised":true}"#,
        #"{"outcome":"recommended"}"#,
        #"{"route":"ffa","weeks":26,"from":"birth_family"}"#,
        #" { "extension_weeks" : 8 , "agreed" : false } "#,
        #"{"weeks":-4}"#,
        #"{"label":"Ysgol Gymraeg café"}"#,
        // Outside the fast reader's shape: escapes, fractions, null, nesting, leading zeros.
        #"{"label":"a \"quoted\" word\nand a line"}"#,
        #"{"label":"\u00e9t\u00e9"}"#,
        #"{"weeks":2.5}"#,
        #"{"weeks":1e3}"#,
        #"{"weeks":007}"#,
        #"{"status":null}"#,
        #"{"list":[1,2]}"#,
        #"{"nested":{"a":1}}"#,
        // Broken: refused by both, or (a trailing comma, trailing text) read alike by both.
        #"{"status":"attended""#, #"{"status" "attended"}"#, #"{"a":1,}"#, #"{"a":1} x"#, #"{"a":tru}"#, "",
    ]

    @Test(arguments: samples)
    func readsAsJSONDecoderDoes(json: String) throws {
        let expected = try? JSONDecoder().decode([String: DetailValue].self, from: Data(json.utf8))
        let read = try? DetailsJSON.parse(json)
        #expect(read == expected, "\(json)")
    }

    @Test func aRepeatedKeyIsLeftToJSONDecoder() throws {
        let json = #"{"status":"attended","status":"cancelled_by_family"}"#
        #expect(try DetailsJSON.parse(json) == (try? JSONDecoder().decode([String: DetailValue].self, from: Data(json.utf8))))
    }
}
