/// What the Markdown renderer asks the linking stage while it turns a body into HTML.
///
/// Cross-links and `.md` link rewriting need the syntax tree (to stay out of code, headings and
/// existing links) and the whole site (to know every term and URL). The renderer owns the tree
/// and is the only code that may touch cmark, so it calls out through this protocol with plain
/// Swift values, and the linking stage answers without ever seeing a C pointer.
///
/// One hook value serves one page: it may remember what it already linked, which is how "at
/// most one link per term per page" is kept. The renderer first offers every link destination
/// the author wrote (in document order), then every run of prose text (in document order).
public protocol MarkdownLinkHook {
    /// The URL to write instead of `written` (a link to `sql.md` becomes `/glossary/sql/`), or nil to keep it.
    mutating func destination(for written: String) -> String?

    /// Links to wrap around parts of one prose text run: one that is not inside a link, an
    /// image, a heading or code. The run is given as the UTF-8 bytes cmark holds (valid UTF-8,
    /// since the Markdown came from a `String`), so that no `String` is made of every paragraph.
    mutating func links(in text: [UInt8]) -> [InlineLink]

    /// False when `links(in:)` will never return links, so the renderer can skip collecting
    /// the text of every paragraph.
    var addsLinks: Bool { get }

    /// The opening tags of the terms that links from `links(in:)` name; read once per body.
    var anchors: TermLinkAnchors { get }
}

extension MarkdownLinkHook {
    public var addsLinks: Bool { true }
}

/// A link the renderer wraps around part of a text run, as `<a class="term-link" …>`.
public struct InlineLink: Sendable {
    /// UTF-8 offsets into the text run; links come in ascending order and never overlap.
    public var range: Range<Int>
    /// The target term, by its index in the hook's `anchors`.
    public var term: Int

    public init(range: Range<Int>, term: Int) {
        self.range = range
        self.term = term
    }
}

/// The hook for bodies rendered without linking: destinations as written, no cross-links.
public struct NoLinks: MarkdownLinkHook {
    public init() {}
    public mutating func destination(for written: String) -> String? { nil }
    public mutating func links(in text: [UInt8]) -> [InlineLink] { [] }
    public var addsLinks: Bool { false }
    public var anchors: TermLinkAnchors { .none }
}
