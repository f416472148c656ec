/// Terms nothing leads to: no link or mention in any article, no `related:` entry, no menu item.
///
/// A glossary term only readers of the A–Z index can find is usually a term someone forgot to
/// connect, so it is worth a warning (an error under `--strict`). Computed related articles do
/// not count: they would hide exactly the terms this check is for.
struct OrphanTerms {
    let site: Site
    let resolver: LinkResolver

    func check(linkedTerms: Set<Int>, explicitRelated: [String: [Site.ArticleRef]]) -> DiagnosticLog {
        var linked = linkedTerms
        for refs in explicitRelated.values {
            for ref in refs where ref.kind == .term { linked.insert(ref.index) }
        }
        menuTerms(site.config.menu + site.config.footer, into: &linked)
        var log = DiagnosticLog()
        guard site.terms.count > 1 else { return log }
        for (index, term) in site.terms.enumerated() where !linked.contains(index) {
            log.warning("term '\(term.title)' is an orphan: no term, post or page links to or mentions it, and no 'related' names it",
                        at: SourceLocation(file: term.source.displayPath))
        }
        return log
    }

    private func menuTerms(_ items: [MenuItem], into linked: inout Set<Int>) {
        for item in items {
            if let url = item.url, case .found(_, .article(let ref), _) = resolver.resolve(url, fromURL: site.permalinks.home(), sourcePath: nil),
               ref.kind == .term {
                linked.insert(ref.index)
            }
            menuTerms(item.children, into: &linked)
        }
    }
}
