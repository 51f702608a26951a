/// Why a policy file was refused: every problem found, each with the file, the line where the
/// YAML gives one, and the reason.
public struct PolicyLoadError: Error, Sendable, CustomStringConvertible {
    public struct Problem: Sendable, Hashable, CustomStringConvertible {
        public let file: String
        public let line: Int?
        public let reason: String

        public init(file: String, line: Int?, reason: String) {
            self.file = file
            self.line = line
            self.reason = reason
        }

        public var description: String {
            line.map { "\(file):\($0): \(reason)" } ?? "\(file): \(reason)"
        }
    }

    public let problems: [Problem]

    public init(problems: [Problem]) {
        self.problems = problems
    }

    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
