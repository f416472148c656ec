/// One file of the built site, not yet written.
public struct OutputFile: Sendable {
    public enum Contents: Sendable {
        case bytes([UInt8])
        /// Copied from a source file (static files, bundle images) without reading it into memory first.
        case copy(from: String)
    }

    /// Relative to the output folder, with `/` separators: `glossary/api/index.html`.
    public var path: String
    public var contents: Contents

    public init(path: String, contents: Contents) {
        self.path = path
        self.contents = contents
    }

    public init(path: String, text: String) {
        self.init(path: path, contents: .bytes(Array(text.utf8)))
    }
}
