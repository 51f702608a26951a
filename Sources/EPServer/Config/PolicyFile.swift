import EPDomain
import Foundation

/// Reads a policy file and the files it names (relative to itself) from disk, for the domain's
/// pure loader.
public enum PolicyFile {
    public static func load(path: String) throws -> Policy {
        let url = URL(fileURLWithPath: path)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw PolicyLoadError(problems: [.init(file: path, line: nil, reason: "cannot read the file")])
        }
        return try PolicyLoader.load(yaml: text, file: path) { related in
            try? String(contentsOf: url.deletingLastPathComponent().appendingPathComponent(related), encoding: .utf8)
        }
    }
}
