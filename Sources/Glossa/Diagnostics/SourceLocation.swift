/// A position in a source file, as editors and CI annotations expect it.
///
/// `file` is the path as the user should see it (relative to the site folder where possible),
/// `line` and `column` are 1-based and always point into the real file — front matter included.
public struct SourceLocation: Sendable, Hashable, Comparable, Codable {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int = 1, column: Int = 1) {
        self.file = file
        self.line = max(1, line)
        self.column = max(1, column)
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}

extension SourceLocation: CustomStringConvertible {
    public var description: String { "\(file):\(line):\(column)" }
}
