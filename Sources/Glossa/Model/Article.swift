/// One piece of Markdown content — a term, a post or a standalone page — fully parsed.
///
/// Terms, posts and pages share nearly every field, so they share one type and differ by
/// `kind`; fields that only make sense for terms (synonyms, related) are simply empty elsewhere.
public struct Article: Sendable, Identifiable {
    public var kind: ArticleKind
    public var slug: Slug
    public var title: String
    public var description: String
    public var date: ContentDate?
    public var updated: ContentDate?
    public var tags: [Tag]
    /// Other names of the same term; listed in the A–Z index pointing at the term.
    public var synonyms: [String]
    /// Slugs named in front matter, in the author's order; resolved and checked by Linking.
    public var relatedSlugs: [Located<String>]
    public var authorID: Located<String>?
    public var draft: Bool
    public var language: String
    /// Front matter fields Glossa does not know, passed to templates as `page.params`.
    public var params: [String: MetadataValue]
    /// Whether automatic cross-links may be added to this article (front matter `crossLinks: false`).
    public var crossLinks: Bool

    /// The rendered body: empty until the Markdown stage has run (see `markdown`).
    public var body: RenderedMarkdown
    public var readingMinutes: Int
    /// Where the article came from, for diagnostics.
    public var source: SourceFile
    /// The body as written, rendered into `body` once every term is known.
    public var markdown = MarkdownSource()

    public var id: String { "\(kind.rawValue)/\(slug.rawValue)" }
}

/// A value together with where the author wrote it.
public struct Located<Value: Sendable & Hashable>: Sendable, Hashable {
    public var value: Value
    public var location: SourceLocation

    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }
}
