/// Renders every page of the site to HTML, in parallel.
///
/// Each page is an independent job over immutable inputs — the linked `Site`, the compiled
/// templates and the shared site context — so jobs run in a task group with no locks.
public struct SiteRenderer: Sendable {
    public var templates: TemplateRenderer
    public var contexts: PageContextBuilder

    public init(templates: TemplateRenderer, contexts: PageContextBuilder) {
        self.templates = templates
        self.contexts = contexts
    }

    enum Job: Sendable {
        case article(Site.ArticleRef)
        case home, glossary, tags, notFound
        case blog(page: Int)
        case tag(index: Int)
        /// A file beside the pages; these come first so that the biggest jobs never finish last.
        case siteFile(SiteFile)
    }

    /// The files beside the HTML pages, largest first.
    enum SiteFile: CaseIterable, Sendable {
        case glossaryExport, searchIndex, glossaryFeed, blogFeed, sitemap, robots
    }

    /// Everything the renderer writes: the site files, then every page.
    static func jobs(for site: Site) -> [Job] {
        SiteFile.allCases.map(Job.siteFile) + pageJobs(for: site)
    }

    /// Every HTML page of the site; the sitemap lists the same pages.
    static func pageJobs(for site: Site) -> [Job] {
        var jobs: [Job] = [.home, .glossary, .tags, .notFound]
        for index in site.terms.indices { jobs.append(.article(.init(kind: .term, index: index))) }
        for index in site.posts.indices { jobs.append(.article(.init(kind: .post, index: index))) }
        for index in site.pages.indices { jobs.append(.article(.init(kind: .page, index: index))) }
        let blogPages = max(1, (site.posts.count + site.config.paginate - 1) / site.config.paginate)
        for page in 1...blogPages { jobs.append(.blog(page: page)) }
        for index in site.tags.indices { jobs.append(.tag(index: index)) }
        return jobs
    }

    /// Renders every page, feed and index and hands each to `deliver` as soon as it is done, on
    /// the same task, so a page's bytes are written and dropped rather than held until the whole
    /// site is ready.
    public func render<Delivered: Sendable>(
        jobs parallelism: Int, deliver: @escaping @Sendable (OutputFile) throws(BuildError) -> Delivered
    ) async throws(BuildError) -> [Delivered] {
        let jobs = Self.jobs(for: contexts.site)
        let blogContexts = contexts.blogIndexPages()
        let results = await jobs.parallelMap(jobs: parallelism) { job in
            Result { () throws(BuildError) in try deliver(try self.render(job, blogContexts: blogContexts)) }
        }
        return try results.map { result throws(BuildError) in try result.get() }
    }

    func render(_ job: Job, blogContexts: [BlogIndexContext]) throws(BuildError) -> OutputFile {
        let site = contexts.site
        let links = site.permalinks
        switch job {
        case .article(let ref):
            // Read in place: `site.article(ref)` would copy the article's 30 fields for every page.
            let articles = site.articles(ref.kind)
            let html = try templates.render(contexts.articlePage(articles[ref.index]), template: ref.kind.rawValue)
            return OutputFile(path: links.outputPath(for: links.url(of: articles[ref.index])), contents: .bytes(html))
        case .home:
            return OutputFile(path: links.outputPath(for: links.home()), contents: .bytes(try templates.render(contexts.home(), template: "home")))
        case .glossary:
            return OutputFile(path: links.outputPath(for: links.glossary()),
                              contents: .bytes(try templates.render(contexts.glossaryIndex(), template: "glossary")))
        case .tags:
            return OutputFile(path: links.outputPath(for: links.tags()), contents: .bytes(try templates.render(contexts.tagIndex(), template: "tags")))
        case .notFound:
            return OutputFile(path: links.outputPath(for: links.notFound()), contents: .bytes(try templates.render(contexts.notFound(), template: "404")))
        case .blog(let page):
            return OutputFile(path: links.outputPath(for: links.blog(page: page)),
                              contents: .bytes(try templates.render(blogContexts[page - 1], template: "blog")))
        case .tag(let index):
            let group = site.tags[index]
            return OutputFile(path: links.outputPath(for: links.tag(group.tag)), contents: .bytes(try templates.render(contexts.tagPage(group), template: "tag")))
        case .siteFile(let file):
            return try render(file)
        }
    }
}
