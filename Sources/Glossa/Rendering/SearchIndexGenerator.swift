/// Writes `search-index.json`, which the header's search box loads on first use.
///
/// It holds only what the box filters on and shows — not article bodies — so it stays small
/// enough to fetch on every first keystroke: terms A–Z, then posts newest first.
struct SearchIndexGenerator {
    struct Entry: Encodable {
        var title: String
        var synonyms: [String]
        var description: String
        /// Root-relative, including the base path, so it works wherever the site is served.
        var url: String
        var tags: [String]
        /// `term` or `post`.
        var kind: String
    }

    var site: Site

    func entries() -> [Entry] {
        (site.terms + site.posts).map { article in
            Entry(title: article.title, synonyms: article.synonyms, description: article.description,
                  url: site.permalinks.url(of: article), tags: article.tags.map(\.name), kind: article.kind.rawValue)
        }
    }

    func generate() throws(BuildError) -> String {
        try DeterministicJSON.encode(entries(), file: site.permalinks.searchIndex())
    }
}
