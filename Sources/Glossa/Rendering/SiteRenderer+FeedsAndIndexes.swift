/// The files beside the HTML pages: what feed readers, crawlers, the search box and other tools read.
extension SiteRenderer {
    /// Feeds, sitemap, robots.txt, search index and glossary export: each is one job among the
    /// pages, so they render on all cores beside them instead of one after another at the end.
    func render(_ file: SiteFile) throws(BuildError) -> OutputFile {
        let site = contexts.site
        let links = site.permalinks
        switch file {
        case .blogFeed:
            return OutputFile(path: links.outputPath(for: links.feed()), text: AtomFeedGenerator(site: site).blogFeed())
        case .glossaryFeed:
            return OutputFile(path: links.outputPath(for: links.glossaryFeed()), text: AtomFeedGenerator(site: site).glossaryFeed())
        case .sitemap:
            let entries = Self.pageJobs(for: site).compactMap { sitemapEntry($0) }
            return OutputFile(path: links.outputPath(for: links.sitemap()), text: SitemapGenerator(permalinks: links).generate(entries))
        case .robots:
            return OutputFile(path: links.outputPath(for: links.robots()), text: RobotsTxtGenerator(permalinks: links).generate())
        case .searchIndex:
            return OutputFile(path: links.outputPath(for: links.searchIndex()), contents: .bytes(SearchIndexGenerator(site: site).generate()))
        case .glossaryExport:
            return OutputFile(path: links.outputPath(for: links.glossaryExport()), contents: .bytes(GlossaryExportGenerator(site: site).generate()))
        }
    }
}

private extension SiteRenderer {
    /// A page's URL and when it last changed: an article's `updated ?? date`, a list's newest
    /// entry. The 404 page is not for indexing.
    func sitemapEntry(_ job: Job) -> SitemapGenerator.Entry? {
        let site = contexts.site
        let links = site.permalinks
        // Articles are read in place by index: copying one retains some 30 fields.
        func newest(_ refs: some Sequence<Site.ArticleRef>) -> ContentDate? {
            refs.compactMap { site.articles($0.kind)[$0.index].lastModified }.max()
        }
        func all(_ kind: ArticleKind) -> [Site.ArticleRef] { site.articles(kind).indices.map { Site.ArticleRef(kind: kind, index: $0) } }
        switch job {
        case .notFound, .siteFile:
            return nil
        case .article(let ref):
            let articles = site.articles(ref.kind)
            return .init(url: links.url(of: articles[ref.index]), lastModified: articles[ref.index].lastModified)
        case .home:
            return .init(url: links.home(), lastModified: newest(all(.term) + all(.post)))
        case .glossary:
            return .init(url: links.glossary(), lastModified: newest(all(.term)))
        case .tags:
            return .init(url: links.tags(), lastModified: newest(site.tags.lazy.flatMap(\.articles)))
        case .blog(let page):
            let perPage = site.config.paginate
            return .init(url: links.blog(page: page), lastModified: newest(all(.post).dropFirst((page - 1) * perPage).prefix(perPage)))
        case .tag(let index):
            let group = site.tags[index]
            return .init(url: links.tag(group.tag), lastModified: newest(group.articles))
        }
    }
}
