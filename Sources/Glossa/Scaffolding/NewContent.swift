import Foundation

/// A new term or post as `glossa new` writes it: front matter filled in, the body's outline
/// ready to type into.
///
/// The text is a pure function of the inputs (the date is passed in), so tests compare it
/// exactly; `create(in:)` is the only part that touches the disk and it never overwrites.
public struct NewContent: Sendable {
    public var kind: ArticleKind
    public var title: String
    public var tags: [String]
    /// Today's date in UTC, as the CLI passes it.
    public var date: ContentDate

    public init(kind: ArticleKind, title: String, tags: [String] = [], date: ContentDate) {
        self.kind = kind
        self.title = title.trimmingCharacters(in: .whitespacesAndNewlines)
        self.tags = tags.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        self.date = date
    }

    /// Today in UTC; what `glossa new` stamps into `date:`.
    public static func today() -> ContentDate {
        ContentDate(secondsSinceEpoch: Int(Date().timeIntervalSince1970))
    }

    /// The file name's slug, from the title; nil when the title has no letters or digits.
    public var slug: Slug? { Slug.make(from: title) }

    /// Where the file goes, relative to the site folder: `Content/glossary/<slug>.md`.
    public func relativePath() throws(BuildError) -> String {
        guard let slug else {
            throw BuildError(.error("cannot make a file name from the title \"\(title)\": it needs at least one letter or digit"))
        }
        return "Content/\(kind.folder)/\(slug.rawValue).md"
    }

    /// The whole file.
    public var text: String {
        var lines = ["---", "title: \(Self.yamlScalar(title))"]
        lines.append("description: \(Self.yamlScalar("TODO: one sentence about \(title), shown in indexes, previews and search results."))")
        lines.append("date: \(date.isoDate)")
        lines.append("tags: [\(tags.map(Self.yamlScalar).joined(separator: ", "))]")
        lines.append("---")
        lines.append("")
        switch kind {
        case .term:
            lines.append("\(title) is … (a short introduction: what it is, in one or two plain sentences).")
            for heading in Self.termSections {
                lines += ["", "## \(heading)", "", "TODO"]
            }
        case .post, .page:
            lines.append("TODO: write the \(kind == .post ? "post" : "page") here.")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The sections every term follows after its introduction.
    public static let termSections = ["Overview", "Advantages", "Applications", "Conclusion"]

    /// Writes the file into `siteFolder` and returns its path relative to it.
    /// Refuses to overwrite an existing file, or a page bundle folder of the same slug.
    @discardableResult
    public func create(in siteFolder: URL) throws(BuildError) -> String {
        let relative = try relativePath()
        let fileManager = FileManager.default
        let content = siteFolder.appendingPathComponent("Content")
        guard fileManager.fileExists(atPath: content.path) else {
            throw BuildError(.error("no Content/ folder in \(siteFolder.path): is this a Glossa site? (`glossa init DIR` makes one)"))
        }
        let file = siteFolder.appendingPathComponent(relative)
        let bundle = file.deletingPathExtension()
        for existing in [file, bundle] where fileManager.fileExists(atPath: existing.path) {
            let shown = existing == file ? relative : String(relative.dropLast(3)) + "/"
            throw BuildError(.error("\(shown) already exists; not overwriting it (choose another title, or edit that file)"))
        }
        do {
            try fileManager.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            // `.withoutOverwriting` closes the gap between the check above and the write.
            try Data(text.utf8).write(to: file, options: .withoutOverwriting)
        } catch {
            throw BuildError(.error("cannot write \(relative): \((error as NSError).localizedDescription)"))
        }
        return relative
    }
}

extension NewContent {
    /// A YAML scalar that reads back as exactly `text`: plain when that is unambiguous, else double-quoted.
    static func yamlScalar(_ text: String) -> String {
        let plainWords = text.split(separator: " ", omittingEmptySubsequences: false).allSatisfy { word in
            !word.isEmpty && word.first != "#" && word.allSatisfy { $0.isLetter || $0.isNumber || "-_.+#()".contains($0) }
        }
        let reserved: Set<String> = ["true", "false", "yes", "no", "on", "off", "y", "n", "null", "~"]
        if plainWords, let first = text.first, first.isLetter, !reserved.contains(text.lowercased()) {
            return text
        }
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": escaped += "\\\\"
            case "\"": escaped += "\\\""
            case "\n": escaped += "\\n"
            case "\t": escaped += "\\t"
            default:
                if scalar.properties.generalCategory == .control {
                    escaped += String(format: "\\u%04X", scalar.value)
                } else {
                    escaped.unicodeScalars.append(scalar)
                }
            }
        }
        return "\"\(escaped)\""
    }
}
