/// Text made safe for HTML, for everything the server writes as HTML itself: the dashboard
/// report, and the pages' long lists (every rule's result, the timeline, the alert queue).
/// Measured with `perf` on Benchmarks/pages.sh: a case page with 60 milestones spent more than
/// half its CPU in Mustache looking up each row's values and escaping them a character at a
/// time, so those rows are written in Swift, each value escaped once, byte by byte, here.
package enum HTML {
    /// `text` with `&`, `<`, `>`, `"` and `'` escaped, for element content and quoted attributes.
    package static func escape(_ text: String) -> String {
        var needs = false
        for byte in text.utf8 where byte == 38 || byte == 60 || byte == 62 || byte == 34 || byte == 39 {
            needs = true
            break
        }
        guard needs else { return text }
        var out = [UInt8]()
        out.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case 38: out.append(contentsOf: "&amp;".utf8)
            case 60: out.append(contentsOf: "&lt;".utf8)
            case 62: out.append(contentsOf: "&gt;".utf8)
            case 34: out.append(contentsOf: "&quot;".utf8)
            case 39: out.append(contentsOf: "&#39;".utf8)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
