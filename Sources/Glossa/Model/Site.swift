/// The whole site in memory after loading and linking: what every renderer reads from.
///
/// Collections are stored in the order pages show them, decided once here so that templates
/// and feeds never sort and output never depends on dictionary order.
public struct Site: Sendable {
    public var config: SiteConfig
    public var permalinks: Permalinks
    /// Glossary terms in A–Z order (accents folded, case ignored).
    public var terms: [Article]
    /// Blog posts newest first.
    public var posts: [Article]
    /// Standalone pages by slug.
    public var pages: [Article]
    /// Every tag with the articles carrying it, tags A–Z.
    public var tags: [TagGroup]
    public var staticFiles: [StaticFile]
    /// Article ids of the related articles to show, best first.
    public var related: [String: [ArticleRef]]
    /// Term ids of the terms and posts linking to each term (explicit links and cross-links),
    /// terms A–Z first, then posts newest first.
    public var backlinks: [String: [ArticleRef]] = [:]

    public struct TagGroup: Sendable {
        public var tag: Tag
        public var articles: [ArticleRef]
    }

    /// A pointer into `terms`, `posts` or `pages`; cheap to copy into lists.
    public struct ArticleRef: Sendable, Hashable {
        public var kind: ArticleKind
        public var index: Int
    }

    public func article(_ ref: ArticleRef) -> Article {
        switch ref.kind {
        case .term: terms[ref.index]
        case .post: posts[ref.index]
        case .page: pages[ref.index]
        }
    }

    public var allArticles: [Article] { terms + posts + pages }

    /// A ref for every article, terms first, then posts, then pages: the order stages walk them in.
    public var articleRefs: [ArticleRef] {
        terms.indices.map { ArticleRef(kind: .term, index: $0) } + posts.indices.map { ArticleRef(kind: .post, index: $0) }
            + pages.indices.map { ArticleRef(kind: .page, index: $0) }
    }

    public mutating func replaceArticle(at ref: ArticleRef, with article: Article) {
        switch ref.kind {
        case .term: terms[ref.index] = article
        case .post: posts[ref.index] = article
        case .page: pages[ref.index] = article
        }
    }
}
