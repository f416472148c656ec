import Foundation

/// What `glossa serve` keeps in memory from one rebuild to the next.
///
/// Every file's parsed front matter and rendered body is remembered with the hash of the text
/// it came from, so a save re-parses and re-renders only the file that changed. A body is reused
/// only while its link environment is the same — every article's URL, title, synonyms and
/// description, and the settings — because cross-links and `.md` links in any body depend on
/// those. The last linked site is kept too, for `SiteBuilder.quickRender`.
public final class BuildMemory: @unchecked Sendable {
    struct Parsed: Sendable {
        var file: SourceFile
        var textHash: UInt64
        var configHash: UInt64
        var article: Article?
        var log: DiagnosticLog
    }

    struct Rendered: Sendable {
        var textHash: UInt64
        var environment: UInt64
        var body: RenderedMarkdown
        var readingMinutes: Int
        var crossLinked: [Int]
    }

    /// The pieces of the last successful build a single page can be rendered from.
    struct LastBuild: Sendable {
        var options: BuildOptions
        var site: Site
        var parser: ArticleParser
        var dictionary: CrossLinkDictionary?
        var templates: TemplateRenderer
        var contexts: PageContextBuilder
        /// The build's own, kept rather than made again on every save: at 10,000 terms one takes tens of milliseconds.
        var resolver: LinkResolver
        var refsBySource: [String: Site.ArticleRef]

        init(options: BuildOptions, site: Site, parser: ArticleParser, dictionary: CrossLinkDictionary?, resolver: LinkResolver,
             templates: TemplateRenderer, contexts: PageContextBuilder) {
            self.options = options
            self.site = site
            self.parser = parser
            self.dictionary = dictionary
            self.templates = templates
            self.contexts = contexts
            self.resolver = resolver
            refsBySource = Dictionary(site.articleRefs.map { (site.article($0).source.absolutePath, $0) }, uniquingKeysWith: { first, _ in first })
        }
    }

    private let lock = NSLock()
    private var parsedFiles: [String: Parsed] = [:]
    private var renderedBodies: [String: Rendered] = [:]
    private var last: LastBuild?

    public init() {}

    var parsed: [String: Parsed] {
        get { lock.withLock { parsedFiles } }
        set { lock.withLock { parsedFiles = newValue } }
    }

    var rendered: [String: Rendered] {
        get { lock.withLock { renderedBodies } }
        set { lock.withLock { renderedBodies = newValue } }
    }

    var lastBuild: LastBuild? {
        get { lock.withLock { last } }
        set { lock.withLock { last = newValue } }
    }

    /// Counts for tests and the serve log: how many files the last build parsed and rendered anew.
    public internal(set) var lastParseCount = 0
    public internal(set) var lastRenderCount = 0
}

extension BuildMemory {
    static func hash(_ text: String) -> UInt64 {
        ContentHash.fnv1a(text.utf8)
    }

    /// Everything any article's rendered body can depend on besides its own text.
    static func linkEnvironment(of site: Site, configHash: UInt64) -> UInt64 {
        var hash = ContentHash.Running()
        hash.add("\(configHash)\0")
        for ref in site.articleRefs {
            let article = site.article(ref)
            hash.add("\(ref.kind.rawValue)\0\(site.permalinks.url(of: article))\0\(article.title)\0\(article.synonyms)\0\(article.description)\0")
            hash.add("\(article.crossLinks)\0\(article.source.displayPath)\0\(article.source.bundleFiles.map(\.outputPath))\0")
        }
        for file in site.staticFiles { hash.add("\(file.outputPath)\0") }
        return hash.value
    }
}
