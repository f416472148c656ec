/// Writes `glossary.json`: every term as data, for tools that want the glossary without its HTML
/// (a docs site's tooltips, a spell-checker's word list, a translation memory).
struct GlossaryExportGenerator {
    var site: Site

    func generate() -> [UInt8] {
        let links = site.permalinks
        let export: JSONValue = [
            "title": .string(site.config.title),
            "url": .string(links.absolute(links.glossary())),
            "language": .string(site.config.language),
            "terms": .array(site.terms.map(entry)),
        ]
        return DeterministicJSON.file(export, pretty: true)
    }
}

private extension GlossaryExportGenerator {
    /// One term as a tool needs it: its names, what it means, where it lives and what it relates to.
    func entry(_ term: Article) -> JSONValue {
        let links = site.permalinks
        var entry: [String: JSONValue] = [
            "slug": .string(term.slug.rawValue),
            "title": .string(term.title),
            "synonyms": .array(term.synonyms.map(JSONValue.string)),
            "description": .string(term.description),
            "tags": .array(term.tags.map { .string($0.name) }),
            // The `related` slugs from front matter, in the author's order (already checked by Linking).
            "related": .array(term.relatedSlugs.map { .string($0.value) }),
            // Absolute.
            "url": .string(links.absolute(links.url(of: term))),
        ]
        // An absent date is left out rather than written as `null`, as it always was.
        if let date = term.date { entry["date"] = .string(date.isoDate) }
        if let updated = term.updated { entry["updated"] = .string(updated.isoDate) }
        return .object(entry)
    }
}
