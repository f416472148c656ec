/// Writes `glossary.json`: every term as data, for tools that want the glossary without its HTML
/// (a docs site's tooltips, a spell-checker's word list, a translation memory).
struct GlossaryExportGenerator {
    struct Export: Encodable {
        var title: String
        var url: String
        var language: String
        var terms: [Term]
    }

    struct Term: Encodable {
        var slug: String
        var title: String
        var synonyms: [String]
        var description: String
        var tags: [String]
        /// The `related` slugs from front matter, in the author's order (already checked by Linking).
        var related: [String]
        /// Absolute.
        var url: String
        var date: String?
        var updated: String?
    }

    var site: Site

    func export() -> Export {
        let links = site.permalinks
        let terms = site.terms.map { term in
            Term(slug: term.slug.rawValue, title: term.title, synonyms: term.synonyms, description: term.description,
                 tags: term.tags.map(\.name), related: term.relatedSlugs.map(\.value), url: links.absolute(links.url(of: term)),
                 date: term.date?.isoDate, updated: term.updated?.isoDate)
        }
        return Export(title: site.config.title, url: links.absolute(links.glossary()), language: site.config.language, terms: terms)
    }

    func generate() throws(BuildError) -> String {
        try DeterministicJSON.encode(export(), pretty: true, file: site.permalinks.glossaryExport())
    }
}
