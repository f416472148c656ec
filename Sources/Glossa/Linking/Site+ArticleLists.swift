extension Site {
    /// The terms, posts or pages.
    ///
    /// Loops over thousands of articles that read a field or two index this list
    /// (`site.articles(.term)[index].title`) instead of calling `article(_:)` or iterating
    /// `allArticles`: those copy whole articles, some 30 reference-counted fields each, which
    /// at 10,000 articles cost more than the work the loops were there for.
    func articles(_ kind: ArticleKind) -> [Article] {
        switch kind {
        case .term: terms
        case .post: posts
        case .page: pages
        }
    }
}
