import TOMLKit
import Yams

/// The metadata block at the top of a content file and where the Markdown body starts.
///
/// YAML between `---` fences is the native form; TOML between `+++` fences is accepted because
/// Hugo writes it, so a Hugo site's content can move over unchanged. Each field remembers its
/// line so that a bad value is reported where the author typed it.
public struct FrontMatter: Sendable {
    public struct Field: Sendable {
        public var value: MetadataValue
        public var line: Int
        public var column: Int
    }

    public var fields: [String: Field]
    /// The Markdown after the closing fence.
    public var body: Substring
    /// The 1-based line of the real file on which `body` starts.
    public var bodyStartLine: Int

    public subscript(name: String) -> Field? { fields[name] }

    /// Splits `source` into front matter and body, parsing the front matter.
    public static func parse(_ source: SourceText) throws(BuildError) -> FrontMatter {
        let text = source.text[...]
        // Only the lines up to the closing fence are looked at; bodies can be megabytes long.
        // Lines are found by their UTF-8 newline byte: a line feed is always a character of its own.
        var lineStart = text.startIndex
        var lineCount = 0
        func nextLine() -> Substring? {
            guard lineStart < text.endIndex else { return nil }
            let end = text.utf8[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? text.endIndex
            let line = text[lineStart..<end]
            lineStart = end < text.endIndex ? text.utf8.index(after: end) : text.endIndex
            lineCount += 1
            return line
        }
        guard let first = nextLine(), case let fence = first.trimmingTrailingSpaces(), fence == "---" || fence == "+++" else {
            return FrontMatter(fields: [:], body: text, bodyStartLine: 1)
        }
        let metadataStart = lineStart
        var metadataEnd: String.Index?
        var closeIndex = 0
        while let line = nextLine() {
            if line.trimmingTrailingSpaces() == fence || (fence == "---" && line.trimmingTrailingSpaces() == "...") {
                // The metadata is every line between the fences, without the newline before the closing one.
                metadataEnd = line.startIndex > metadataStart ? text.utf8.index(before: line.startIndex) : metadataStart
                closeIndex = lineCount - 1
                break
            }
        }
        guard let metadataEnd else {
            throw BuildError(.error("front matter opened with '\(fence)' is never closed; add a line '\(fence)' after it",
                                    at: source.location(line: 1), sourceLine: String(first)))
        }
        let metadata = text[metadataStart..<metadataEnd]
        let fields = fence == "---"
            ? try parseYAML(metadata, source: source)
            : try parseTOML(String(metadata), source: source)
        return FrontMatter(fields: fields, body: text[lineStart...], bodyStartLine: closeIndex + 2)
    }
}

private extension FrontMatter {
    /// The front matter's first line is line 2 of the file (line 1 is the fence).
    static let firstMetadataLine = 2

    static func parseYAML(_ yaml: Substring, source: SourceText) throws(BuildError) -> [String: Field] {
        guard !yaml.allSatisfy(\.isWhitespace) else { return [:] }
        if let simple = SimpleYAML.fields(in: yaml) {
            return Dictionary(simple.map { ($0.key, Field(value: $0.value, line: $0.line + firstMetadataLine, column: 1)) },
                              uniquingKeysWith: { first, _ in first })
        }
        return try parseYAMLWithYams(String(yaml), source: source)
    }

    static func parseTOML(_ toml: String, source: SourceText) throws(BuildError) -> [String: Field] {
        if let problem = TOMLPreflight.firstProblem(in: toml) {
            let line = problem.line + firstMetadataLine - 1
            let message = switch problem.reason {
            case .badDate: "'\(problem.token)' is not a valid date or time (write 2024-03-19 or 2024-03-19T10:00:00Z)"
            case .badHeader: "'\(problem.token)' is not a valid table header (write [name] or [[name]])"
            case .badKey: "a line must start with a key (letters, digits, _ or -, or a quoted name), not '\(problem.token)'"
            }
            throw BuildError(.error("invalid TOML front matter: \(message)",
                                    at: source.location(line: line, column: problem.column), sourceLine: source.line(line)))
        }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: toml)
        } catch let error as TOMLParseError {
            let line = error.source.begin.line + firstMetadataLine - 1
            throw BuildError(.error("invalid TOML front matter: \(error.description)",
                                    at: source.location(line: line, column: error.source.begin.column), sourceLine: source.line(line)))
        } catch {
            throw BuildError(.error("invalid TOML front matter: \(error)", at: source.location(line: firstMetadataLine)))
        }
        var fields: [String: Field] = [:]
        let lines = toml.split(separator: "\n", omittingEmptySubsequences: false)
        for (key, value) in table {
            // toml++ keeps no positions for values; find the key's own line so diagnostics still point somewhere useful.
            let offset = lines.firstIndex { $0.drop { $0 == " " }.hasPrefix(key) } ?? 0
            fields[key] = Field(value: MetadataValue(toml: value), line: offset + firstMetadataLine, column: 1)
        }
        return fields
    }
}

extension Substring {
    func trimmingTrailingSpaces() -> Substring {
        var result = self
        while let last = result.last, last == " " || last == "\t" { result = result.dropLast() }
        return result
    }
}

extension FrontMatter {
    /// Any YAML, through Yams; `SimpleYAMLTests` compares `SimpleYAML` with it.
    static func parseYAMLWithYams(_ yaml: String, source: SourceText) throws(BuildError) -> [String: Field] {
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch {
            throw BuildError(.yaml(error, in: source, firstLine: firstMetadataLine, what: "front matter"))
        }
        guard let node else { return [:] }
        guard case .mapping(let mapping) = node else {
            let line = (node.mark?.line ?? 1) + firstMetadataLine - 1
            throw BuildError(.error("front matter must be a mapping of 'field: value' lines", at: source.location(line: line),
                                    sourceLine: source.line(line)))
        }
        var fields: [String: Field] = [:]
        for (key, value) in mapping {
            guard let name = key.string else { continue }
            fields[name] = Field(value: MetadataValue(yaml: value), line: (key.mark?.line ?? 1) + firstMetadataLine - 1,
                                 column: key.mark?.column ?? 1)
        }
        return fields
    }
}
