/// The second parsing pass: an article's Markdown body, rendered once every term is known.
extension ArticleParser {
    /// Renders `article.markdown` into `article.body` through `hook`, which adds cross-links
    /// and rewrites `.md` destinations, and updates what depends on the body.
    public func renderBody(of article: inout Article, hook: inout some MarkdownLinkHook) {
        let markdown = article.markdown
        article.body = renderer(markdown).render(markdown.text, firstLine: markdown.firstLine, hook: &hook)
        article.readingMinutes = max(1, Int((Double(article.body.wordCount) / Double(config.wordsPerMinute)).rounded(.up)))
        // The Markdown is a slice of the whole file's text; letting it go frees the file once its
        // body is rendered, instead of holding every source file until the build ends.
        article.markdown.text = ""
    }

    func renderer(_ markdown: MarkdownSource) -> MarkdownRenderer {
        MarkdownRenderer(options: .init(unsafeHTML: config.unsafeHTML, removeFirstHeading: markdown.removesFirstHeading,
                                        collectsWords: config.relatedCount > 0))
    }
}
