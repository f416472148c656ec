/// Assembles parsed articles into a `Site` and connects them: the linking stage.
///
/// It runs in two steps around the Markdown stage. `assemble` orders the articles and gives
/// them URLs from front matter alone, so that cross-links can be added while bodies render;
/// `link` then works on the rendered bodies: related articles, backlinks and link checking.
/// This is where problems that no single file shows are found: two files claiming one URL, an
/// author id that `site.yml` does not define, a `related` slug or a link that names nothing.
public struct SiteLinker: Sendable {
    public var config: SiteConfig
    public var permalinks: Permalinks

    public init(config: SiteConfig, permalinks: Permalinks) {
        self.config = config
        self.permalinks = permalinks
    }

    /// Orders the articles, drops URL collisions, groups tags and resolves explicit `related`.
    public func assemble(_ articles: [Article], staticFiles: [StaticFile]) -> (site: Site, log: DiagnosticLog) {
        var log = DiagnosticLog()
        // Orders are worked out on indices and each article is copied once, into its list:
        // sorting and filtering whole articles copied some 30 fields per article per step.
        let kept = keptIndices(articles, staticFiles: staticFiles, log: &log)
        func indices(of kind: ArticleKind) -> [Int] { kept.filter { articles[$0].kind == kind } }

        // Sort keys are computed once per term, not once per comparison: folding is slow.
        let terms = indices(of: .term)
            .map { (key: Collation.sortKey(articles[$0].title), index: $0) }
            .sorted { ($0.key, articles[$0.index].slug) < ($1.key, articles[$1.index].slug) }
            .map { articles[$0.index] }
        let posts = indices(of: .post)
            .sorted { lhs, rhs in
                let l = articles[lhs].date?.secondsSinceEpoch ?? 0, r = articles[rhs].date?.secondsSinceEpoch ?? 0
                return l != r ? l > r : articles[lhs].slug < articles[rhs].slug
            }
            .map { articles[$0] }
        let pages = indices(of: .page).sorted { articles[$0].slug < articles[$1].slug }.map { articles[$0] }
        var site = Site(config: config, permalinks: permalinks, terms: terms, posts: posts, pages: pages, tags: [],
                        staticFiles: staticFiles, related: [:])

        checkAuthors(site, log: &log)
        site.tags = tagGroups(site)
        site.related = explicitRelated(site, log: &log)
        return (site, log)
    }

    /// Connects the rendered site: computed related articles, backlinks, link checks and lint.
    /// - Parameter crossLinks: for each article, the terms the Markdown stage linked in its prose.
    /// - Parameter resolver: the Markdown stage's resolver for this site, when there is one.
    func link(_ site: Site, crossLinks: [Site.ArticleRef: [Int]], jobs: Int,
                     resolver: LinkResolver? = nil) async -> (site: Site, log: DiagnosticLog) {
        var log = DiagnosticLog()
        let explicit = site.related
        // Related articles need no link resolved, and links need no related article: both run
        // at once, so that the serial steps of each fill the cores the other leaves idle.
        async let related = RelatedArticles(site: site).compute(explicit: explicit, count: config.relatedCount, jobs: jobs)
        var site = site
        let resolver = resolver ?? LinkResolver(site: site)
        let links = await ResolvedLinks.resolve(site, with: resolver, jobs: jobs)
        let backlinks = Backlinks(site: site, links: links).compute(crossLinks: crossLinks)
        log.append(contentsOf: LinkChecker(site: site, resolver: resolver, links: links).check())
        log.append(contentsOf: OrphanTerms(site: site, resolver: resolver).check(linkedTerms: backlinks.linkedTerms, explicitRelated: explicit))
        site.backlinks = backlinks.backlinks
        site.related = await related
        return (site, log)
    }
}

private extension SiteLinker {
    /// The indices of the articles to keep: every article whose URL another file already
    /// claims is dropped, and both files are reported.
    func keptIndices(_ articles: [Article], staticFiles: [StaticFile], log: inout DiagnosticLog) -> [Int] {
        var claimed: [String: String] = [:]
        for file in staticFiles { claimed[file.outputPath] = "Content/static/\(file.outputPath)" }
        var kept: [Int] = []
        // Each article is read in place: a copy retains some 30 fields, and this runs on one core.
        for index in articles.indices.sorted(by: { articles[$0].source.displayPath < articles[$1].source.displayPath }) {
            let displayPath = articles[index].source.displayPath, kind = articles[index].kind, slug = articles[index].slug
            let at = SourceLocation(file: displayPath)
            if kind == .page, Permalinks.reservedPageSlugs.contains(slug.rawValue) {
                log.error("page slug '\(slug)' is reserved for Glossa's own \(slug)/ section; choose another slug", at: at)
                continue
            }
            let url = permalinks.url(of: articles[index])
            let path = permalinks.outputPath(for: url)
            if let other = claimed[path] {
                log.error("\(kind.rawValue) '\(slug)' has the same URL \(url) as \(other); give one of them another 'slug:'", at: at)
                continue
            }
            claimed[path] = displayPath
            kept.append(index)
        }
        return kept
    }

    func checkAuthors(_ site: Site, log: inout DiagnosticLog) {
        for ref in site.articleRefs {
            guard let author = site.articles(ref.kind)[ref.index].authorID, config.authors[author.value] == nil else { continue }
            let known = config.authors.keys.sorted()
            let hint = Suggestion.closest(to: author.value, in: known).map { "; did you mean '\($0)'?" }
                ?? (known.isEmpty ? "; add it under 'authors:' in site.yml" : " (known: \(known.joined(separator: ", ")))")
            log.error("unknown author '\(author.value)'\(hint)", at: author.location)
        }
    }

    func tagGroups(_ site: Site) -> [Site.TagGroup] {
        var groups: [Slug: Site.TagGroup] = [:]
        for ref in site.articleRefs {
            for tag in site.articles(ref.kind)[ref.index].tags {
                groups[tag.slug, default: Site.TagGroup(tag: tag, articles: [])].articles.append(ref)
            }
        }
        return groups.values.sorted { $0.tag < $1.tag }
    }

    /// Front matter `related:` slugs resolved to terms (or posts), in the author's order.
    func explicitRelated(_ site: Site, log: inout DiagnosticLog) -> [String: [Site.ArticleRef]] {
        var bySlug: [String: Site.ArticleRef] = [:]
        for index in site.posts.indices { bySlug[site.posts[index].slug.rawValue] = .init(kind: .post, index: index) }
        for index in site.terms.indices { bySlug[site.terms[index].slug.rawValue] = .init(kind: .term, index: index) }
        lazy var known = site.terms.indices.map { site.terms[$0].slug.rawValue }
        var related: [String: [Site.ArticleRef]] = [:]
        for articleRef in site.articleRefs where !site.articles(articleRef.kind)[articleRef.index].relatedSlugs.isEmpty {
            let articles = site.articles(articleRef.kind)
            var refs: [Site.ArticleRef] = []
            for slug in articles[articleRef.index].relatedSlugs {
                guard let ref = bySlug[slug.value] else {
                    let hint = Suggestion.closest(to: slug.value, in: known).map { "; did you mean '\($0)'?" } ?? ""
                    let message = "related '\(slug.value)' is not the slug of any term or post\(hint)"
                    log.append(Diagnostic(config.brokenLinks == .error ? .error : .warning, message, at: slug.location,
                                          sourceLine: nil))
                    continue
                }
                if ref != articleRef, !refs.contains(ref) { refs.append(ref) }
            }
            related[articles[articleRef.index].id] = refs
        }
        return related
    }
}
