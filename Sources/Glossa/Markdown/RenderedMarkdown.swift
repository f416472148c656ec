/// What the Markdown stage learns from one article body: its HTML and the facts later stages need.
public struct RenderedMarkdown: Sendable {
    public struct Heading: Sendable, Hashable {
        public var level: Int
        public var text: String
        public var id: String
        public var line: Int
    }

    /// A link or image destination as written, with where it was written.
    public struct Link: Sendable, Hashable {
        public var destination: String
        public var line: Int
        public var column: Int
        public var isImage: Bool
    }

    public var html: String
    public var headings: [Heading]
    public var links: [Link]
    /// Words for reading time; CJK characters count one each, since those scripts do not use spaces.
    public var wordCount: Int
    /// The first paragraph's plain text: the description when front matter has none.
    public var firstParagraph: String
    /// The text of the first level-1 heading, removed from `html` when it was used as the title.
    public var firstHeadingTitle: String?
    /// The body's words, hashed and counted, for related-article similarity; empty when the
    /// renderer was told not to collect them.
    public var words: WordBag

    /// The body of an article whose Markdown has not been rendered yet.
    public static let empty = RenderedMarkdown(html: "", headings: [], links: [], wordCount: 0, firstParagraph: "",
                                               firstHeadingTitle: nil, words: .empty)
}
