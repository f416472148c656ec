/// The second parsing pass: an article's Markdown body, rendered once every term is known.
extension ArticleParser {
    /// Renders `article.markdown` into `article.body` through `hook`, which adds cross-links
    /// and rewrites `.md` destinations, and updates what depends on the body.
    public func renderBody(of article: inout Article, hook: inout some MarkdownLinkHook) {
        let markdown = article.markdown
        article.body = renderer(markdown).render(markdown.text, firstLine: markdown.firstLine, hook: &hook)
        article.readingMinutes = max(1, Int((Double(article.body.wordCount) / Double(config.wordsPerMinute)).rounded(.up)))
    }

    func renderer(_ markdown: MarkdownSource) -> MarkdownRenderer {
        MarkdownRenderer(options: .init(unsafeHTML: config.unsafeHTML, removeFirstHeading: markdown.removesFirstHeading))
    }
}
