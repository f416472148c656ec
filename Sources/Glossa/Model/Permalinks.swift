/// The one place URLs are decided.
///
/// Every page's URL, and the file it is written to, comes from here: templates, feeds, the
/// sitemap, link checking and the writer all ask, so a URL scheme change is one edit. URLs are
/// root-relative and include the base path of `baseURL` (`/docs/` for a site under
/// `https://example.com/docs/`). The language parameter is where per-language prefixes will go
/// when multilingual sites arrive; the default language has none.
public struct Permalinks: Sendable {
    public var baseURL: String
    public var defaultLanguage: String

    public init(baseURL: String, defaultLanguage: String = "en") {
        self.baseURL = SiteConfig.normalizedBaseURL(baseURL)
        self.defaultLanguage = defaultLanguage
    }

    /// The path part of `baseURL`, always starting and ending with `/`.
    public var basePath: String {
        var rest = baseURL[...]
        if let scheme = rest.range(of: "://") {
            rest = rest[scheme.upperBound...]
            rest = rest.firstIndex(of: "/").map { rest[$0...] } ?? "/"
        }
        return rest.hasPrefix("/") ? String(rest) : "/" + rest
    }

    public func home(language: String? = nil) -> String { root(language) }
    public func glossary(language: String? = nil) -> String { root(language) + "glossary/" }
    public func blog(page: Int = 1, language: String? = nil) -> String {
        page <= 1 ? root(language) + "blog/" : root(language) + "blog/page/\(page)/"
    }
    public func tags(language: String? = nil) -> String { root(language) + "tags/" }
    public func tag(_ tag: Tag, language: String? = nil) -> String { root(language) + "tags/\(tag.slug.rawValue)/" }
    public func notFound() -> String { basePath + "404.html" }
    public func file(_ name: String) -> String { basePath + name }
    public func asset(_ name: String) -> String { basePath + "assets/" + name }

    public func article(_ kind: ArticleKind, _ slug: Slug, language: String? = nil) -> String {
        switch kind {
        case .term: glossary(language: language) + slug.rawValue + "/"
        case .post: root(language) + "blog/" + slug.rawValue + "/"
        case .page: root(language) + slug.rawValue + "/"
        }
    }

    public func url(of article: Article) -> String {
        self.article(article.kind, article.slug, language: article.language)
    }

    /// `https://example.com/glossary/api/` for `/glossary/api/`.
    public func absolute(_ url: String) -> String {
        guard url.hasPrefix(basePath) else { return url }
        return baseURL + url.dropFirst(basePath.count)
    }

    /// The file a URL is served from, relative to the output folder: `/glossary/api/` → `glossary/api/index.html`.
    public func outputPath(for url: String) -> String {
        var path = url.hasPrefix(basePath) ? String(url.dropFirst(basePath.count)) : String(url.drop { $0 == "/" })
        if path.isEmpty || path.hasSuffix("/") { path += "index.html" }
        return path
    }

    /// Top-level folders that belong to generated sections; a standalone page may not take them.
    public static let reservedPageSlugs: Set<String> = ["glossary", "blog", "tags", "assets", "page", "404.html"]
}

private extension Permalinks {
    func root(_ language: String?) -> String {
        // Multilingual sites will prefix non-default languages here: basePath + "de/".
        basePath
    }
}
