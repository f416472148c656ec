@testable import Glossa

/// Builds a small site in memory through the real pipeline stages up to linking: parse front
/// matter, assemble, render Markdown with cross-links, link. No files are read or written.
enum LinkingFixture {
    static let config = """
        title: Test Glossary
        baseURL: https://example.com/
        menu:
          - title: Glossary
            url: /glossary/
        """

    /// - Parameter files: paths under `Content/` (`glossary/api.md`) and their text.
    static func build(_ files: [String: String], config: String = config) async throws -> (site: Site, log: DiagnosticLog) {
        var siteConfig = try SiteConfig.parse(SourceText(path: "Content/site.yml", text: config))
        siteConfig.baseURL = SiteConfig.normalizedBaseURL(siteConfig.baseURL)
        let permalinks = Permalinks(baseURL: siteConfig.baseURL, defaultLanguage: siteConfig.language)
        let parser = ArticleParser(config: siteConfig)
        var log = DiagnosticLog()
        var articles: [Article] = []
        for (path, text) in files.sorted(by: { $0.key < $1.key }) {
            let folder = String(path.prefix { $0 != "/" })
            let kind = ArticleKind.allCases.first { $0.folder == folder }!
            let name = String(path.dropFirst(folder.count + 1))
            let slug = name.hasSuffix("/index.md") ? String(name.dropLast("/index.md".count)) : String(name.dropLast(3))
            let file = SourceFile(kind: kind, displayPath: "Content/" + path, absolutePath: "/nonexistent/" + path, fileSlug: slug)
            let (article, fileLog) = parser.parse(SourceText(path: "Content/" + path, text: text), file: file)
            log.append(contentsOf: fileLog)
            if let article { articles.append(article) }
        }
        let linker = SiteLinker(config: siteConfig, permalinks: permalinks)
        let assembled = linker.assemble(articles, staticFiles: [])
        log.append(contentsOf: assembled.log)
        let rendered = await SiteBuilder.renderBodies(assembled.site, parser: parser, jobs: 2, log: &log)
        let linked = await linker.link(rendered.site, crossLinks: rendered.crossLinks, jobs: 2)
        log.append(contentsOf: linked.log)
        return (linked.site, log)
    }

    static func term(_ title: String, description: String? = nil, synonyms: [String] = [], tags: [String] = [],
                     related: [String] = [], extra: String = "", body: String) -> String {
        var lines = ["---", "title: \"\(title)\""]
        let text = (description ?? "About \(title).").replacingOccurrences(of: "\"", with: "\\\"")
        lines.append("description: \"\(text)\"")
        if !synonyms.isEmpty { lines.append("synonyms: [\(synonyms.map { "\"\($0)\"" }.joined(separator: ", "))]") }
        if !tags.isEmpty { lines.append("tags: [\(tags.joined(separator: ", "))]") }
        if !related.isEmpty { lines.append("related: [\(related.joined(separator: ", "))]") }
        if !extra.isEmpty { lines.append(extra) }
        lines.append("---")
        return lines.joined(separator: "\n") + "\n" + body
    }

    static func post(_ title: String, body: String) -> String {
        "---\ntitle: \"\(title)\"\ndescription: \"A post.\"\ndate: 2024-03-01\n---\n" + body
    }
}

extension Site {
    func term(_ slug: String) -> Article { terms.first { $0.slug.rawValue == slug }! }
    func post(_ slug: String) -> Article { posts.first { $0.slug.rawValue == slug }! }
    func slugs(_ refs: [ArticleRef]?) -> [String] { (refs ?? []).map { "\(article($0).kind.rawValue)/\(article($0).slug)" } }
}

extension DiagnosticLog {
    /// Diagnostics as printed, first line only, sorted like a build prints them.
    var lines: [String] { diagnostics.sorted().map { $0.formatted.split(separator: "\n").first.map(String.init) ?? "" } }
}
