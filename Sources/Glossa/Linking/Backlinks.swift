/// Which articles link to each term: explicit Markdown links and cross-links alike.
///
/// Terms and posts are listed on the term's page ("Terms that link here"); standalone pages
/// also count as incoming links, so that a term linked only from the about page is no orphan,
/// but they are not listed.
struct Backlinks {
    let site: Site
    let links: ResolvedLinks

    struct Result {
        /// Term id → linking terms and posts, terms A–Z first, then posts newest first.
        var backlinks: [String: [Site.ArticleRef]] = [:]
        /// Indices of terms that anything links to.
        var linkedTerms: Set<Int> = []
    }

    func compute(crossLinks: [Site.ArticleRef: [Int]]) -> Result {
        var incoming = [[Site.ArticleRef]](repeating: [], count: site.terms.count)
        var result = Result()
        for kind in [ArticleKind.term, .post, .page] {
            let articles = site.articles(kind)
            for index in articles.indices {
                let source = Site.ArticleRef(kind: kind, index: index)
                var targets = Set(crossLinks[source] ?? [])
                for (link, resolution) in zip(articles[index].body.links, links.of(source)) where !link.isImage {
                    if case .found(_, .article(let ref), _) = resolution, ref.kind == .term {
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
