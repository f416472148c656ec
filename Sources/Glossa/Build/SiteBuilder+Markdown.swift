extension SiteBuilder {
    /// The Markdown stage: renders every body on all cores, with mentions of terms linked.
    ///
    /// Runs after the site is assembled because cross-links need every term's title, synonyms
    /// and URL. Returns the site with bodies filled in and, for each article, the terms it
    /// cross-linked (for backlinks).
    static func renderBodies(_ site: Site, parser: ArticleParser, jobs: Int, log: inout DiagnosticLog) async
        -> (site: Site, crossLinks: [Site.ArticleRef: [Int]]) {
        let dictionary = site.config.crossLinks ? CrossLinkDictionary(site: site, log: &log) : nil
        let resolver = LinkResolver(site: site)
        var refs: [Site.ArticleRef] = []
        for (kind, list) in [(ArticleKind.term, site.terms), (.post, site.posts), (.page, site.pages)] {
            refs += list.indices.map { Site.ArticleRef(kind: kind, index: $0) }
        }
        let rendered = await refs.parallelMap(jobs: jobs) { ref -> (Article, [Int]) in
            var article = site.article(ref)
            // Cross-links belong in terms and posts; standalone pages (about, privacy) are left as written.
            let linksTerms = ref.kind != .page && article.crossLinks
            var hook = CrossLinker(dictionary: linksTerms ? dictionary : nil, resolver: resolver,
                                   pageURL: site.permalinks.url(of: article), sourcePath: article.source.displayPath,
                                   selfTerm: ref.kind == .term ? ref.index : nil)
            parser.renderBody(of: &article, hook: &hook)
            return (article, hook.crossLinked)
        }
        var site = site
        var crossLinks: [Site.ArticleRef: [Int]] = [:]
        for (ref, (article, linked)) in zip(refs, rendered) {
            switch ref.kind {
            case .term: site.terms[ref.index] = article
            case .post: site.posts[ref.index] = article
            case .page: site.pages[ref.index] = article
            }
            if !linked.isEmpty { crossLinks[ref] = linked }
        }
        return (site, crossLinks)
    }
}
