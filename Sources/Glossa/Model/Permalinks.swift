/// The one place URLs are decided.
///
/// Every page's URL, and the file it is written to, comes from here: templates, feeds, the
/// sitemap, link checking and the writer all ask, so a URL scheme change is one edit. URLs are
/// root-relative and include the base path of `baseURL` (`/docs/` for a site under
/// `https://example.com/docs/`). The language parameter is where per-language prefixes will go
/// when multilingual sites arrive; the default language has none.
public struct Permalinks: Sendable {
    public var baseURL: String {
        didSet { basePath = Self.basePath(of: baseURL) }
    }
    public var defaultLanguage: String
    /// The path part of `baseURL`, always starting and ending with `/`.
    ///
    /// Stored rather than computed: every URL starts with it, and finding it with Foundation's
    /// `range(of:)` took microseconds, paid for every link of every page.
    public private(set) var basePath: String

    public init(baseURL: String, defaultLanguage: String = "en") {
        self.baseURL = SiteConfig.normalizedBaseURL(baseURL)
        self.defaultLanguage = defaultLanguage
        basePath = Self.basePath(of: self.baseURL)
    }

    public func home(language: String? = nil) -> String { root(language) }
    public func glossary(language: String? = nil) -> String { root(language) + "glossary/" }
    public func blog(page: Int = 1, language: String? = nil) -> String {
        page <= 1 ? root(language) + "blog/" : root(language) + "blog/page/\(page)/"
    }
    public func tags(language: String? = nil) -> String { root(language) + "tags/" }
    public func tag(_ tag: Tag, language: String? = nil) -> String { root(language) + "tags/\(tag.slug.rawValue)/" }
    public func notFound() -> String { basePath + "404.html" }

    // Files for feed readers, crawlers and scripts. They are not per language: one feed, one
    // sitemap and one search index cover the whole site.

    /// The Atom feed of blog posts.
    public func feed() -> String { basePath + "feed.xml" }
    /// The Atom feed of new and updated glossary terms.
    public func glossaryFeed() -> String { glossary() + "feed.xml" }
    public func sitemap() -> String { basePath + "sitemap.xml" }
    /// Crawlers read `robots.txt` only at a host's root, so under a base path it is written but inert.
    public func robots() -> String { basePath + "robots.txt" }
    /// What the search box in the header loads.
    public func searchIndex() -> String { basePath + "search-index.json" }
    /// Every term as data, for other tools.
    public func glossaryExport() -> String { basePath + "glossary.json" }
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
    ///
    /// Feeds, sitemaps and structured data need absolute URLs. A root-relative URL outside the
    /// base path (an author's `url: /about/` under `https://example.com/docs/`) resolves against
    /// the host, as a browser would; URLs that already have a scheme are returned unchanged.
    public func absolute(_ url: String) -> String {
        if url.hasPrefix(basePath) { return baseURL + url.dropFirst(basePath.count) }
        guard url.hasPrefix("/"), !url.hasPrefix("//"), let scheme = baseURL.range(of: "://") else { return url }
        let host = baseURL[scheme.upperBound...].prefix { $0 != "/" }
        return baseURL[..<scheme.upperBound] + host + url
    }

    /// The file a URL is served from, relative to the output folder: `/glossary/api/` → `glossary/api/index.html`.
    public func outputPath(for url: String) -> String {
        var path = url.hasPrefix(basePath) ? String(url.dropFirst(basePath.count)) : String(url.drop { $0 == "/" })
        if path.isEmpty || path.hasSuffix("/") { path += "index.html" }
        return path
    }

    /// Top-level folders that belong to generated sections; a standalone page may not take them.
    public static let reservedPageSlugs: Set<String> = [
        "glossary", "blog", "tags", "assets", "page", "404.html",
        "feed.xml", "sitemap.xml", "robots.txt", "search-index.json", "glossary.json",
    ]
}

private extension Permalinks {
    static func basePath(of baseURL: String) -> String {
        var rest = baseURL[...]
        if let scheme = rest.range(of: "://") {
            rest = rest[scheme.upperBound...]
            rest = rest.firstIndex(of: "/").map { rest[$0...] } ?? "/"
        }
        return rest.hasPrefix("/") ? String(rest) : "/" + rest
    }

    func root(_ language: String?) -> String {
        // Multilingual sites will prefix non-default languages here: basePath + "de/".
        basePath
    }
}
