/// The files beside the HTML pages: what feed readers, crawlers, the search box and other tools read.
extension SiteRenderer {
    public func renderFeedsAndIndexes() throws(BuildError) -> [OutputFile] {
        let site = contexts.site
        let links = site.permalinks
        let feeds = AtomFeedGenerator(site: site)
        let sitemap = SitemapGenerator(permalinks: links).generate(Self.pageJobs(for: site).compactMap { sitemapEntry($0) })
        return [
            OutputFile(path: links.outputPath(for: links.feed()), text: feeds.blogFeed()),
            OutputFile(path: links.outputPath(for: links.glossaryFeed()), text: feeds.glossaryFeed()),
            OutputFile(path: links.outputPath(for: links.sitemap()), text: sitemap),
            OutputFile(path: links.outputPath(for: links.robots()), text: RobotsTxtGenerator(permalinks: links).generate()),
            OutputFile(path: links.outputPath(for: links.searchIndex()), text: try SearchIndexGenerator(site: site).generate()),
            OutputFile(path: links.outputPath(for: links.glossaryExport()), text: try GlossaryExportGenerator(site: site).generate()),
        ]
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
        case .notFound:
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
