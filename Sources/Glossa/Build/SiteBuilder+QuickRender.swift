import Foundation

extension SiteBuilder {
    /// For `glossa serve`: the pages of edited articles, rendered at once from the last build,
    /// before the full rebuild that follows.
    ///
    /// An edit to an article's body is shown within milliseconds however large the site: the
    /// file is parsed, its body rendered with the last build's cross-link dictionary, and its page
    /// rendered with the last build's related articles and backlinks, then written in place of the
    /// old page (each file replaced whole by a rename). The full rebuild that follows brings
    /// everything else up to date — other pages' related lists, backlinks, indexes. Returns the
    /// output paths written (none when the pages came out the same), or nil when an edit is not
    /// one this can show faithfully: a new, deleted or unreadable file, or a changed title,
    /// description, date, tag, synonym or any other field other pages show.
    public static func quickRender(changedFiles: Set<String>, memory: BuildMemory) -> [String]? {
        guard let last = memory.lastBuild, !changedFiles.isEmpty else { return nil }
        var site = last.site
        let loader = ContentLoader(siteFolder: last.options.siteFolder)
        var edited: [Site.ArticleRef] = []
        for path in changedFiles.sorted() {
            guard let ref = last.refsBySource[path] else { return nil }
            let old = site.article(ref)
            guard let text = try? loader.read(old.source) else { return nil }
            let (parsed, log) = last.parser.parse(text, file: old.source)
            guard var article = parsed, !log.hasErrors, article.showsElsewhereAs(old) else { return nil }
            var hook = crossLinker(for: article, at: ref, in: site, dictionary: last.dictionary, resolver: last.resolver)
            last.parser.renderBody(of: &article, hook: &hook)
            site.replaceArticle(at: ref, with: article)
            edited.append(ref)
        }
        let contexts = last.contexts.replacingSite(with: site, edited: edited)
        let renderer = SiteRenderer(templates: last.templates, contexts: contexts)
        var written: [String] = []
        for ref in edited {
            guard let page = try? renderer.render(.article(ref), blogContexts: []), case .bytes(let bytes) = page.contents else {
                return written.isEmpty ? nil : written
            }
            let folder = last.options.outputFolder.path
            if FileManager.default.contents(atPath: folder + "/" + page.path).map(Array.init) == bytes { continue }
            guard (try? OutputWriter.replaceFile(page.path, in: folder, with: bytes)) != nil else { return written.isEmpty ? nil : written }
            written.append(page.path)
        }
        return written
    }
}

private extension Article {
    /// Whether every field other pages show — in lists, indexes, feeds, related and cross-links —
    /// is the same as in `old`, so that only this article's own page can have changed.
    func showsElsewhereAs(_ old: Article) -> Bool {
        kind == old.kind && slug == old.slug && title == old.title && description == old.description
            && date == old.date && updated == old.updated && tags == old.tags && synonyms == old.synonyms
            && relatedSlugs == old.relatedSlugs && authorID == old.authorID && draft == old.draft
            && language == old.language && crossLinks == old.crossLinks
    }
}
