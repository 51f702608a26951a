import Foundation
import NIOCore

extension Problem {
    /// A JSON body the generated decoder refused without saying where: Foundation on Linux
    /// loses the coding path when a number is not a whole one ("sibling_group_size": 1.5) and
    /// says only that the data is not valid JSON. Every number in the contract's request bodies
    /// is a whole one, so when the body is valid JSON, its first number that is not (in key
    /// order) is the fault, and its JSON pointer names the field. Nil when that is not the case.
    static func namingFractionalNumber(for error: any Error, body: ByteBuffer) -> Problem? {
        let problem = from(error)
        guard problem.kind == .malformedRequest, problem.field == nil, body.readableBytes > 0,
              let json = try? JSONSerialization.jsonObject(with: Data(body.readableBytesView), options: [.fragmentsAllowed]),
              let pointer = firstFractionalNumber(in: json, at: "")
        else { return nil }
        return Problem(.malformedRequest, "\(pointer) must be a whole number", field: pointer)
    }

    private static func firstFractionalNumber(in value: Any, at pointer: String) -> String? {
        switch value {
        case let object as [String: Any]:
            // RFC 6901 escapes "~" and "/" in a key.
            let escaped = { (key: String) in key.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1") }
            return object.keys.sorted().lazy.compactMap { firstFractionalNumber(in: object[$0]!, at: pointer + "/" + escaped($0)) }.first
        case let array as [Any]:
            return array.indices.lazy.compactMap { firstFractionalNumber(in: array[$0], at: pointer + "/\($0)") }.first
        case is Bool, is String:
            return nil
        case let number as NSNumber:
            let double = number.doubleValue
            return double.rounded() == double && abs(double) < 9.2e18 ? nil : pointer
        default:
            return nil
        }
    }
}
