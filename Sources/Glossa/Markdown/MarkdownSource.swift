/// An article body's Markdown as written, kept from parsing until the Markdown stage renders it.
///
/// Bodies are rendered only once every term is known, because rendering is where mentions of
/// other terms become links; until then an article carries its Markdown and an empty body.
public struct MarkdownSource: Sendable {
    public var text: Substring
    /// The file line on which `text` starts, front matter included.
    public var firstLine: Int
    /// The first `# heading` became the page title, so it is left out of the HTML.
    public var removesFirstHeading: Bool

    public init(text: Substring = "", firstLine: Int = 1, removesFirstHeading: Bool = false) {
        self.text = text
        self.firstLine = firstLine
        self.removesFirstHeading = removesFirstHeading
    }
}
