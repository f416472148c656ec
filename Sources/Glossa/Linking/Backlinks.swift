/// Which articles link to each term: explicit Markdown links and cross-links alike.
///
/// Terms and posts are listed on the term's page ("Terms that link here"); standalone pages
/// also count as incoming links, so that a term linked only from the about page is no orphan,
/// but they are not listed.
struct Backlinks {
    let site: Site
    let resolver: LinkResolver

    struct Result {
        /// Term id → linking terms and posts, terms A–Z first, then posts newest first.
        var backlinks: [String: [Site.ArticleRef]] = [:]
        /// Indices of terms that anything links to.
        var linkedTerms: Set<Int> = []
    }

    func compute(crossLinks: [Site.ArticleRef: [Int]]) -> Result {
        var incoming = [[Site.ArticleRef]](repeating: [], count: site.terms.count)
        var result = Result()
        for (kind, list) in [(ArticleKind.term, site.terms), (.post, site.posts), (.page, site.pages)] {
            for (index, article) in list.enumerated() {
                let source = Site.ArticleRef(kind: kind, index: index)
                var targets = Set(crossLinks[source] ?? [])
                let url = site.permalinks.url(of: article)
                for link in article.body.links where !link.isImage {
                    if case .found(_, .article(let ref), _) = resolver.resolve(link.destination, fromURL: url, sourcePath: article.source.displayPath),
                       ref.kind == .term {
                        targets.insert(ref.index)
                    }
                }
                if kind == .term { targets.remove(index) }
                for target in targets.sorted() {
                    result.linkedTerms.insert(target)
                    if kind != .page { incoming[target].append(source) }
                }
            }
        }
        for (index, sources) in incoming.enumerated() where !sources.isEmpty {
            result.backlinks[site.terms[index].id] = sources
        }
        return result
    }
}
