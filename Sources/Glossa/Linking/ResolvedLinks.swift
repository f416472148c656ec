/// Every link of every article, resolved once.
///
/// Backlinks and the link checker both need to know where each link points; resolving is
/// string work (decoding, normalising, several lookups), so it is done once, on all cores,
/// and both read the answers.
struct ResolvedLinks: Sendable {
    /// For each kind, for each article: the resolution of each of its `body.links`, in order.
    private var resolutions: [ArticleKind: [[LinkResolver.Resolution]]] = [:]

    func of(_ ref: Site.ArticleRef) -> [LinkResolver.Resolution] {
        resolutions[ref.kind]?[ref.index] ?? []
    }

    static func resolve(_ site: Site, with resolver: LinkResolver, jobs: Int) async -> ResolvedLinks {
        var resolved = ResolvedLinks()
        for kind in ArticleKind.allCases {
            let articles = site.articles(kind)
            let permalinks = site.permalinks
            resolved.resolutions[kind] = await Array(articles.indices).parallelMap(jobs: jobs) { index in
                guard !articles[index].body.links.isEmpty else { return [] }
                let url = permalinks.article(kind, articles[index].slug, language: articles[index].language)
                let sourcePath = articles[index].source.displayPath
                return articles[index].body.links.map { resolver.resolve($0.destination, fromURL: url, sourcePath: sourcePath) }
            }
        }
        return resolved
    }
}
