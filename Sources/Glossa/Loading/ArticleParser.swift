import Foundation

/// Turns one content file's text into an `Article`: front matter fields now, the Markdown body later.
///
/// Parsing happens in two passes because a body can only be rendered once every term's title,
/// synonyms and URL are known (mentions of terms become links): `parse` reads the front matter
/// and keeps the Markdown, `renderBody` renders it (see `ArticleParser+Body.swift`). Every
/// problem in the file is collected and returned together, so an author fixing a file sees all
/// of its mistakes in one build.
public struct ArticleParser: Sendable {
    public var config: SiteConfig

    public init(config: SiteConfig) {
        self.config = config
    }

    public func parse(_ source: SourceText, file: SourceFile) -> (article: Article?, log: DiagnosticLog) {
        var log = DiagnosticLog()
        if source.text.allSatisfy(\.isWhitespace) {
            log.error("file is empty; a \(file.kind.rawValue) needs at least a title", at: source.location(line: 1))
            return (nil, log)
        }
        let frontMatter: FrontMatter
        do {
            frontMatter = try FrontMatter.parse(source)
        } catch {
            log.append(contentsOf: DiagnosticLog(error.diagnostics))
            return (nil, log)
        }
        var fields = FieldReader(frontMatter: frontMatter, source: source)

        let slug = readSlug(&fields, file: file)
        let draft = fields.bool("draft") ?? false
        let date = fields.date("date")
        let updated = fields.date("updated") ?? fields.date("lastmod")
        if file.kind == .post, date == nil, frontMatter["date"] == nil {
            fields.log.error("a blog post needs a 'date' (like 2024-03-19)", at: source.location(line: 1), sourceLine: source.line(1))
        }
        let tags = (fields.list("tags") ?? []).compactMap { name -> Tag? in
            guard let tag = Tag(name: name) else {
                fields.log.warning("tag '\(name)' has no letters or digits and is ignored", at: fields.location(of: "tags"))
                return nil
            }
            return tag
        }
        let synonyms = fields.list("synonyms") ?? []
        let related = (fields.list("related") ?? []).map { Located($0, at: fields.location(of: "related")) }
        let author = fields.text("author").map { Located($0, at: fields.location(of: "author")) }
        let crossLinks = fields.bool("crossLinks") ?? true
        var description = fields.text("description")
        var title = fields.text("title")
        let language = fields.text("language") ?? config.language

        let markdown = MarkdownSource(text: frontMatter.body, firstLine: frontMatter.bodyStartLine, removesFirstHeading: title == nil)
        // Only a missing title or description needs the body now; it is rendered again, with
        // cross-links, once every term is known.
        let needsBody = title == nil || title?.isEmpty == true || description == nil || description?.isEmpty == true
        let body = needsBody ? renderer(markdown).render(markdown.text, firstLine: markdown.firstLine) : .empty

        if title == nil || title?.isEmpty == true {
            if let heading = body.firstHeadingTitle, !heading.isEmpty {
                title = heading
                fields.log.warning("no 'title' in front matter; using the first heading \"\(heading)\"", at: source.location(line: 1))
            } else {
                title = file.fileSlug.replacingOccurrences(of: "-", with: " ").capitalized
                fields.log.warning("no 'title' in front matter and no '# heading'; using the file name \"\(title!)\"",
                                   at: source.location(line: 1))
            }
        }
        if description == nil || description?.isEmpty == true {
            description = Self.summary(of: body.firstParagraph)
            if file.kind == .term {
                fields.log.warning("term has no 'description'; its first paragraph is used in previews, the index and meta tags",
                                   at: source.location(line: 1))
            }
        }
        let known: Set<String> = ["title", "description", "date", "updated", "lastmod", "tags", "synonyms", "related",
                                  "author", "draft", "slug", "crossLinks", "language"]
        let params = frontMatter.fields.filter { !known.contains($0.key) }.mapValues(\.value)

        log.append(contentsOf: fields.log)
        guard let slug else { return (nil, log) }
        let article = Article(
            kind: file.kind, slug: slug, title: title ?? file.fileSlug, description: description ?? "",
            date: date, updated: updated, tags: tags, synonyms: synonyms, relatedSlugs: related, authorID: author,
            draft: draft, language: language, params: params, crossLinks: crossLinks, body: .empty, readingMinutes: 1,
            source: file, markdown: markdown
        )
        return (article, log)
    }

    /// The first sentences of a paragraph, cut at a word boundary near 160 characters, as search
    /// engines show descriptions.
    static func summary(of paragraph: String, limit: Int = 160) -> String {
        guard paragraph.count > limit else { return paragraph }
        let cut = paragraph.prefix(limit)
        let end = cut.lastIndex(of: " ") ?? cut.endIndex
        return cut[..<end].trimmingCharacters(in: .punctuationCharacters.union(.whitespaces)) + "…"
    }
}

private extension ArticleParser {
    func readSlug(_ fields: inout FieldReader, file: SourceFile) -> Slug? {
        if let written = fields.text("slug") {
            guard let slug = Slug(validating: written) else {
                fields.log.error("slug '\(written)' is not a single safe URL segment (no '/', no leading '.', no spaces)",
                                 at: fields.location(of: "slug"), sourceLine: fields.sourceLine(of: "slug"))
                return nil
            }
            return slug
        }
        if let slug = Slug(validating: file.fileSlug), file.fileSlug == file.fileSlug.lowercased(), !file.fileSlug.contains(" ") {
            return slug
        }
        guard let slug = Slug.make(from: file.fileSlug) else {
            fields.log.error("cannot make a URL slug from the file name; add 'slug:' to the front matter",
                             at: SourceLocation(file: file.displayPath))
            return nil
        }
        return slug
    }
}

/// Reads typed fields out of front matter, logging a diagnostic at the field's line for each bad value.
private struct FieldReader {
    let frontMatter: FrontMatter
    let source: SourceText
    var log = DiagnosticLog()

    init(frontMatter: FrontMatter, source: SourceText) {
        self.frontMatter = frontMatter
        self.source = source
    }

    func location(of name: String) -> SourceLocation {
        let field = frontMatter[name]
        return source.location(line: field?.line ?? 1, column: field?.column ?? 1)
    }

    func sourceLine(of name: String) -> String? {
        source.line(frontMatter[name]?.line ?? 1)
    }

    mutating func text(_ name: String) -> String? {
        guard let field = frontMatter[name] else { return nil }
        if case .null = field.value { return nil }
        guard let text = field.value.text else {
            log.error("'\(name)' must be a single value, not a list or table", at: location(of: name), sourceLine: sourceLine(of: name))
            return nil
        }
        return text
    }

    mutating func bool(_ name: String) -> Bool? {
        guard let field = frontMatter[name] else { return nil }
        guard case .bool(let value) = field.value else {
            log.error("'\(name)' must be true or false", at: location(of: name), sourceLine: sourceLine(of: name))
            return nil
        }
        return value
    }

    mutating func list(_ name: String) -> [String]? {
        guard let field = frontMatter[name] else { return nil }
        guard let list = field.value.textList else {
            log.error("'\(name)' must be a list like [a, b]", at: location(of: name), sourceLine: sourceLine(of: name))
            return nil
        }
        return list.filter { !$0.isEmpty }
    }

    mutating func date(_ name: String) -> ContentDate? {
        guard let text = text(name) else { return nil }
        guard let date = ContentDate(parsing: text) else {
            var at = location(of: name)
            if let line = sourceLine(of: name), let range = line.range(of: text) {
                at.column = line.distance(from: line.startIndex, to: range.lowerBound) + 1
            }
            log.error("cannot read date \"\(text)\"; write it as 2024-03-19, 2024-03-19T10:00:00Z or 2024-03-19 10:00:00 +0800",
                      at: at, sourceLine: sourceLine(of: name))
            return nil
        }
        return date
    }
}
