/// Builds the template contexts from the linked site.
///
/// All presentation decisions that are not markup — date formatting, what counts as recent,
/// breadcrumbs, the table of contents' nesting — are made here, once, so templates stay dumb.
public struct PageContextBuilder: Sendable {
    public private(set) var site: Site
    public let siteContext: SiteContext
    /// Every article as lists show it, made once: a summary appears on many pages (related lists,
    /// recent posts, tag pages), and formatting its date and URLs each time was a tenth of the build.
    private var summaries: [ArticleKind: [ArticleSummary]] = [:]
    /// How many recent posts a term or post page lists.
    public static let recentPostCount = 5
    /// How many new terms the home page lists.
    public static let newestTermCount = 8

    public init(site: Site, assets: [String: String], buildYear: String) {
        self.site = site
        let links = site.permalinks
        let termLetters = Set(site.terms.map { Collation.letter(for: $0.title) })
        let letters = (Collation.latinAlphabet + termLetters.filter { !Collation.latinAlphabet.contains($0) && $0 != Collation.symbolBucket }.sorted(by: Collation.letterOrder)
            + [Collation.symbolBucket]).map { letter in
            LetterLink(letter: letter, url: links.glossary() + "#" + Collation.anchor(for: letter),
                       anchor: Collation.anchor(for: letter), hasEntries: termLetters.contains(letter))
        }
        siteContext = SiteContext(
            title: site.config.title, description: site.config.description, baseURL: site.config.baseURL,
            language: site.config.language, homeURL: links.home(), glossaryURL: links.glossary(), blogURL: links.blog(),
            tagsURL: links.tags(), feedURL: links.feed(), glossaryFeedURL: links.glossaryFeed(), searchIndexURL: links.searchIndex(),
            menu: site.config.menu.map { Self.menuContext($0, currentURL: nil) },
            footer: site.config.footer.map { Self.menuContext($0, currentURL: nil) }, assets: assets, letters: letters,
            params: TemplateParams(site.config.params), year: buildYear
        )
        for (kind, list) in [(ArticleKind.term, site.terms), (.post, site.posts), (.page, site.pages)] {
            summaries[kind] = list.map(summary)
        }
    }

    /// The summary of the article `ref` points to.
    func summary(_ ref: Site.ArticleRef) -> ArticleSummary {
        summaries[ref.kind]![ref.index]
    }

    /// The same site context over `site`, an edited copy of the site this builder was made for
    /// with the same articles and settings (see `SiteBuilder.quickRender`).
    func replacingSite(with site: Site, edited: [Site.ArticleRef]) -> PageContextBuilder {
        var copy = self
        copy.site = site
        for ref in edited { copy.summaries[ref.kind]![ref.index] = copy.summary(site.article(ref)) }
        return copy
    }

    // MARK: Pages

    public func articlePage(_ article: Article) -> ArticlePageContext {
        let links = site.permalinks
        let url = links.url(of: article)
        var crumbs = [("Home", links.home())]
        switch article.kind {
        case .term: crumbs.append(("Glossary", links.glossary()))
        case .post: crumbs.append(("Blog", links.blog()))
        case .page: break
        }
        crumbs.append((article.title, url))
        let related = (site.related[article.id] ?? []).map(summary)
        let backlinks = (site.backlinks[article.id] ?? []).map(summary)
        // A plain loop comparing slugs: a lazy filter's stored closure copied this builder and the
        // article, and comparing `id`s made two strings per post looked at, on every page.
        var recent: [ArticleSummary] = []
        for index in site.posts.indices {
            guard recent.count < Self.recentPostCount else { break }
            if article.kind == .post, site.posts[index].slug == article.slug { continue }
            recent.append(summary(Site.ArticleRef(kind: .post, index: index)))
        }
        let schema = StructuredData(site: site)
        let articleNode: [StructuredData.Node] = switch article.kind {
        case .term: [schema.definedTerm(article)]
        case .post: [schema.blogPosting(article)]
        case .page: []
        }
        let isArticle = article.kind != .page
        return ArticlePageContext(
            site: siteContextFor(url),
            page: meta(title: article.title, description: article.description, url: url, kind: article.kind.rawValue,
                       ogType: isArticle ? "article" : "website", breadcrumbs: crumbs, params: article.params,
                       structuredData: articleNode,
                       publishedTime: isArticle ? article.date?.rfc3339 : nil,
                       modifiedTime: isArticle ? article.lastModified?.rfc3339 : nil),
            article: articleContext(article),
            related: related, hasRelated: !related.isEmpty,
            backlinks: backlinks, hasBacklinks: !backlinks.isEmpty,
            recentPosts: recent, hasRecentPosts: !recent.isEmpty && article.kind != .page,
            previous: nil, next: nil
        )
    }

    public func glossaryIndex() -> GlossaryIndexContext {
        let links = site.permalinks
        var buckets: [String: [(key: String, entry: IndexEntry)]] = [:]
        for term in site.terms {
            let url = links.url(of: term)
            let entry = IndexEntry(title: term.title, url: url, description: term.description, isSynonym: false, termTitle: term.title)
            buckets[Collation.letter(for: term.title), default: []].append((Collation.sortKey(term.title), entry))
            for synonym in term.synonyms {
                let alias = IndexEntry(title: synonym, url: url, description: term.description, isSynonym: true, termTitle: term.title)
                buckets[Collation.letter(for: synonym), default: []].append((Collation.sortKey(synonym), alias))
            }
        }
        let sections = buckets.keys.sorted(by: Collation.letterOrder).map { letter in
            LetterSection(letter: letter, anchor: Collation.anchor(for: letter),
                          entries: buckets[letter]!.sorted { ($0.key, $0.entry.isSynonym ? 1 : 0, $0.entry.title) < ($1.key, $1.entry.isSynonym ? 1 : 0, $1.entry.title) }.map(\.entry))
        }
        let url = links.glossary()
        return GlossaryIndexContext(
            site: siteContextFor(url),
            page: meta(title: "Glossary", description: "Every term in \(site.config.title), A to Z.", url: url, kind: "glossary",
                       breadcrumbs: [("Home", links.home()), ("Glossary", url)], structuredData: [StructuredData(site: site).definedTermSet()]),
            letters: sections, termCount: site.terms.count)
    }

    /// The blog index, one context per page of `paginate` posts; an empty blog still has page 1.
    public func blogIndexPages() -> [BlogIndexContext] {
        let links = site.permalinks
        let perPage = site.config.paginate
        let total = max(1, (site.posts.count + perPage - 1) / perPage)
        return (1...total).map { number in
            let url = links.blog(page: number)
            let posts = site.posts.indices.dropFirst((number - 1) * perPage).prefix(perPage).map { summary(Site.ArticleRef(kind: .post, index: $0)) }
            let pagination = Pagination(
                current: number, total: total,
                previousURL: number > 1 ? links.blog(page: number - 1) : nil,
                nextURL: number < total ? links.blog(page: number + 1) : nil,
                pages: (1...total).map { PageLink(number: $0, url: links.blog(page: $0), isCurrent: $0 == number) },
                isPaginated: total > 1)
            let title = number == 1 ? "Blog" : "Blog – page \(number)"
            return BlogIndexContext(
                site: siteContextFor(url),
                page: meta(title: title, description: "Articles from \(site.config.title).", url: url, kind: "blog",
                           breadcrumbs: [("Home", links.home()), ("Blog", links.blog())] + (number > 1 ? [(title, url)] : [])),
                posts: Array(posts), pagination: pagination)
        }
    }

    public func tagIndex() -> TagIndexContext {
        let url = site.permalinks.tags()
        return TagIndexContext(
            site: siteContextFor(url),
            page: meta(title: "Tags", description: "Topics covered in \(site.config.title).", url: url, kind: "tags",
                       breadcrumbs: [("Home", site.permalinks.home()), ("Tags", url)]),
            tags: site.tags.map { tagLink($0.tag, count: $0.articles.count) })
    }

    public func tagPage(_ group: Site.TagGroup) -> TagPageContext {
        let links = site.permalinks
        let url = links.tag(group.tag)
        let terms = group.articles.filter { $0.kind == .term }.map(summary)
        let posts = group.articles.filter { $0.kind == .post }.map(summary)
        return TagPageContext(
            site: siteContextFor(url),
            page: meta(title: group.tag.name, description: "Terms and articles tagged \(group.tag.name).", url: url, kind: "tag",
                       breadcrumbs: [("Home", links.home()), ("Tags", links.tags()), (group.tag.name, url)]),
            tag: tagLink(group.tag, count: group.articles.count),
            terms: terms, hasTerms: !terms.isEmpty, posts: posts, hasPosts: !posts.isEmpty)
    }

    public func home() -> HomeContext {
        let url = site.permalinks.home()
        let newest = site.terms.enumerated()
            .sorted { lhs, rhs in
                let l = lhs.element.date?.secondsSinceEpoch ?? Int.min, r = rhs.element.date?.secondsSinceEpoch ?? Int.min
                return l != r ? l > r : lhs.offset < rhs.offset
            }
            .prefix(Self.newestTermCount).map { summary(Site.ArticleRef(kind: .term, index: $0.offset)) }
        let recent = site.posts.indices.prefix(Self.recentPostCount).map { summary(Site.ArticleRef(kind: .post, index: $0)) }
        var page = meta(title: site.config.title, description: site.config.description, url: url, kind: "home", breadcrumbs: [],
                        structuredData: [StructuredData(site: site).webSite()])
        page.documentTitle = site.config.title
        return HomeContext(site: siteContextFor(url), page: page, newestTerms: Array(newest), recentPosts: Array(recent),
                           hasRecentPosts: !recent.isEmpty, termCount: site.terms.count)
    }

    public func notFound() -> NotFoundContext {
        var page = meta(title: "Page not found", description: "This page does not exist.", url: site.permalinks.notFound(), kind: "404",
                        breadcrumbs: [])
        page.noindex = true
        return NotFoundContext(site: siteContext, page: page)
    }

    // MARK: Pieces

    public func summary(_ article: Article) -> ArticleSummary {
        ArticleSummary(
            title: article.title, url: site.permalinks.url(of: article), description: article.description,
            kind: article.kind.rawValue, date: article.date.map(site.config.dateFormat.format), dateISO: article.date?.isoDate,
            readingMinutes: article.readingMinutes, tags: article.tags.map { tagLink($0, count: 0) })
    }

    public func articleContext(_ article: Article) -> ArticleContext {
        let author = article.authorID.flatMap { site.config.authors[$0.value] }.map {
            AuthorContext(id: $0.id, name: $0.name, bio: $0.bio, url: $0.url, avatar: $0.avatar)
        }
        let toc = Self.tableOfContents(article.body.headings)
        let tags = article.tags.map { tagLink($0, count: 0) }
        return ArticleContext(
            title: article.title, url: site.permalinks.url(of: article), description: article.description,
            kind: article.kind.rawValue,
            date: article.date.map(site.config.dateFormat.format), dateISO: article.date?.isoDate,
            updated: article.updated.map(site.config.dateFormat.format), updatedISO: article.updated?.isoDate,
            readingMinutes: article.readingMinutes, tags: tags, hasTags: !tags.isEmpty,
            synonyms: article.synonyms, hasSynonyms: !article.synonyms.isEmpty,
            content: article.body.html, toc: toc, hasToc: toc.count >= 2 || toc.contains { !$0.children.isEmpty },
            author: author)
    }

    /// Nests level-3 headings under the level-2 heading before them; other levels are left out
    /// because a glossary page's outline is two levels deep at most.
    static func tableOfContents(_ headings: [RenderedMarkdown.Heading]) -> [TocEntry] {
        var entries: [TocEntry] = []
        for heading in headings where heading.level == 2 || heading.level == 3 {
            let entry = TocEntry(text: heading.text, id: heading.id, level: heading.level, children: [])
            if heading.level == 3, !entries.isEmpty {
                entries[entries.count - 1].children.append(entry)
            } else {
                entries.append(entry)
            }
        }
        return entries
    }

    func tagLink(_ tag: Tag, count: Int) -> TagLink {
        TagLink(name: tag.name, url: site.permalinks.tag(tag), count: count)
    }

    /// The head of a page. `structuredData` is the page's own schema.org nodes (an article's
    /// `DefinedTerm` or `BlogPosting`); the breadcrumb trail's `BreadcrumbList` is added here, so
    /// every page that shows a breadcrumb also describes it. The times are an article's, for
    /// Open Graph.
    func meta(title: String, description: String, url: String, kind: String, ogType: String = "website",
              breadcrumbs: [(String, String)], params: [String: MetadataValue] = [:],
              structuredData: [StructuredData.Node] = [], publishedTime: String? = nil, modifiedTime: String? = nil) -> PageMeta {
        let crumbs = breadcrumbs.enumerated().map { index, crumb in
            Breadcrumb(title: crumb.0, url: crumb.1, position: index + 1, isLast: index == breadcrumbs.count - 1)
        }
        var nodes = structuredData
        if !crumbs.isEmpty { nodes.append(StructuredData(site: site).breadcrumbList(crumbs)) }
        return PageMeta(
            title: title, documentTitle: "\(title) · \(site.config.title)", description: description, url: url,
            canonicalURL: site.permalinks.absolute(url), kind: kind, ogType: ogType, language: site.config.language,
            breadcrumbs: crumbs, hasBreadcrumbs: !crumbs.isEmpty, noindex: false, params: TemplateParams(params),
            ogLocale: OpenGraph.locale(for: site.config.language),
            publishedTime: publishedTime, modifiedTime: modifiedTime,
            jsonLD: StructuredData.script(nodes))
    }

    /// The site context with the menu entries leading to `url` marked active.
    func siteContextFor(_ url: String) -> SiteContext {
        var context = siteContext
        context.menu = site.config.menu.map { Self.menuContext($0, currentURL: url) }
        return context
    }

    static func menuContext(_ item: MenuItem, currentURL: String?) -> MenuContext {
        let children = item.children.map { menuContext($0, currentURL: currentURL) }
        let isActive = currentURL.map { current in
            guard let url = item.url else { return false }
            return url == current || (url != "/" && current.hasPrefix(url))
        } ?? false
        return MenuContext(title: item.title, url: item.url, children: children, hasChildren: !children.isEmpty,
                           isActive: isActive || children.contains(where: \.isActive))
    }
}
