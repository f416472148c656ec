extension SiteBuilder {
    /// The Markdown stage: renders every body on all cores, with mentions of terms linked.
    ///
    /// Runs after the site is assembled because cross-links need every term's title, synonyms
    /// and URL. Returns the site with bodies filled in, for each article the terms it
    /// cross-linked (for backlinks), and the link resolver, which depends on URLs alone and so
    /// serves the link stage as well.
    ///
    /// With `memory`, a body whose text and link environment are the same as last time is reused.
    static func renderBodies(_ site: Site, parser: ArticleParser, jobs: Int, log: inout DiagnosticLog,
                             memory: (BuildMemory, textHashes: [String: UInt64], configHash: UInt64)? = nil) async
        -> (site: Site, crossLinks: [Site.ArticleRef: [Int]], dictionary: CrossLinkDictionary?, resolver: LinkResolver) {
        // Neither needs the other: the resolver is made on another core while the dictionary,
        // which every linked body waits for, is built here.
        async let madeResolver = LinkResolver(site: site)
        let dictionary = site.config.crossLinks ? await CrossLinkDictionary.make(site: site, jobs: jobs, log: &log) : nil
        let resolver = await madeResolver
        let refs = site.articleRefs
        let environment = memory.map { BuildMemory.linkEnvironment(of: site, configHash: $0.configHash) } ?? 0
        let previous = memory?.0.rendered ?? [:]
        let textHashes = memory?.textHashes ?? [:]
        let rendered = await refs.parallelMap(jobs: jobs) { ref -> (Article, [Int]) in
            var article = site.article(ref)
            let path = article.source.absolutePath
            if memory != nil, let known = previous[path], known.environment == environment, known.textHash == textHashes[path] {
                article.body = known.body
                article.readingMinutes = known.readingMinutes
                return (article, known.crossLinked)
            }
            var hook = crossLinker(for: article, at: ref, in: site, dictionary: dictionary, resolver: resolver)
            parser.renderBody(of: &article, hook: &hook)
            return (article, hook.crossLinked)
        }
        if let (memory, _, _) = memory {
            memory.lastRenderCount = rendered.indices.count { index in
                let path = rendered[index].0.source.absolutePath
                return previous[path].map { $0.environment != environment || $0.textHash != textHashes[path] } ?? true
            }
            memory.rendered = Dictionary(rendered.map { article, linked in
                (article.source.absolutePath, BuildMemory.Rendered(
                    textHash: textHashes[article.source.absolutePath] ?? 0, environment: environment,
                    body: article.body, readingMinutes: article.readingMinutes, crossLinked: linked))
            }, uniquingKeysWith: { _, last in last })
        }
        var site = site
        var crossLinks: [Site.ArticleRef: [Int]] = [:]
        for (ref, (article, linked)) in zip(refs, rendered) {
            site.replaceArticle(at: ref, with: article)
            if !linked.isEmpty { crossLinks[ref] = linked }
        }
        return (site, crossLinks, dictionary, resolver)
    }

    /// The link hook for one article's body. Cross-links belong in terms and posts; standalone
    /// pages (about, privacy) are left as written.
    static func crossLinker(for article: Article, at ref: Site.ArticleRef, in site: Site,
                            dictionary: CrossLinkDictionary?, resolver: LinkResolver) -> CrossLinker {
        let linksTerms = ref.kind != .page && article.crossLinks
        return CrossLinker(dictionary: linksTerms ? dictionary : nil, resolver: resolver,
                           pageURL: site.permalinks.url(of: article), sourcePath: article.source.displayPath,
                           selfTerm: ref.kind == .term ? ref.index : nil)
    }
}
