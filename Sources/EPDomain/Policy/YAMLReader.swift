import Yams

/// Walks a composed YAML document, collecting problems with their line numbers instead of
/// stopping at the first one, so `eptrack policy check` can list them all.
struct YAMLReader {
    let file: String
    private(set) var problems: [PolicyLoadError.Problem] = []

    init(file: String) {
        self.file = file
    }

    mutating func problem(_ reason: String, at node: Node?) {
        problems.append(.init(file: file, line: node?.mark?.line, reason: reason))
    }

    mutating func compose(_ yaml: String) -> Node? {
        do {
            guard let node = try Yams.compose(yaml: yaml) else {
                problem("the file is empty", at: nil)
                return nil
            }
            return node
        } catch let error as YamlError {
            problems.append(.init(file: file, line: Self.line(of: error), reason: "not valid YAML: \(Self.problemText(of: error))"))
        } catch {
            problem("not valid YAML: \(error)", at: nil)
        }
        return nil
    }

    /// The keys and values of a mapping, refusing keys outside `allowed`.
    mutating func mapping(_ node: Node, allowed: Set<String>, what: String) -> [String: Node]? {
        guard let mapping = node.mapping else {
            problem("\(what) must be a mapping of keys to values", at: node)
            return nil
        }
        var result: [String: Node] = [:]
        for (key, value) in mapping {
            guard let name = key.string else {
                problem("\(what) has a key that is not text", at: key)
                continue
            }
            if !allowed.contains(name) {
                problem("unknown key '\(name)' in \(what); expected one of \(allowed.sorted().joined(separator: ", "))", at: key)
            } else if result[name] != nil {
                problem("'\(name)' appears twice in \(what)", at: key)
            } else {
                result[name] = value
            }
        }
        return result
    }

    mutating func string(_ node: Node?, _ key: String, in what: String, parent: Node) -> String? {
        guard let node else {
            problem("\(what) needs '\(key)'", at: parent)
            return nil
        }
        guard let text = node.scalar?.string, !text.isEmpty else {
            problem("'\(key)' must be text", at: node)
            return nil
        }
        return text
    }

    private static func line(of error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): mark.line
        default: nil
        }
    }

    private static func problemText(of error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _): problem
        default: "\(error)"
        }
    }
}
