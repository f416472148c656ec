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
            return OutputFile(path: links.outputPath(for: links.searchIndex()), text: try SearchIndexGenerator(site: site).generate())
        case .glossaryExport:
            return OutputFile(path: links.outputPath(for: links.glossaryExport()), text: try GlossaryExportGenerator(site: site).generate())
        }
    }
}

private extension SiteRenderer {
    /// A page's URL and when it last changed: an article's `updated ?? date`, a list's newest
    /// entry. The 404 page is not for indexing.
    func sitemapEntry(_ job: Job) -> SitemapGenerator.Entry? {
        let site = contexts.site
        let links = site.permalinks
        func newest(_ articles: some Sequence<Article>) -> ContentDate? { articles.compactMap(\.lastModified).max() }
        switch job {
        case .notFound, .siteFile:
            return nil
        case .article(let ref):
            let article = site.article(ref)
            return .init(url: links.url(of: article), lastModified: article.lastModified)
        case .home:
            return .init(url: links.home(), lastModified: newest(site.terms + site.posts))
        case .glossary:
            return .init(url: links.glossary(), lastModified: newest(site.terms))
        case .tags:
            return .init(url: links.tags(), lastModified: newest(site.tags.flatMap(\.articles).map(site.article)))
        case .blog(let page):
            let perPage = site.config.paginate
            return .init(url: links.blog(page: page), lastModified: newest(site.posts.dropFirst((page - 1) * perPage).prefix(perPage)))
        case .tag(let index):
            let group = site.tags[index]
            return .init(url: links.tag(group.tag), lastModified: newest(group.articles.map(site.article)))
        }
    }
}
