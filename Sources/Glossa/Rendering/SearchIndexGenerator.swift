/// Writes `search-index.json`, which the header's search box loads on first use.
///
/// It holds only what the box filters on and shows — not article bodies — so it stays small
/// enough to fetch on every first keystroke: terms A–Z, then posts newest first.
struct SearchIndexGenerator {
    var site: Site

    func generate() -> [UInt8] {
        // Each list mapped on its own: `terms + posts` would first copy every 30-field article.
        DeterministicJSON.file(.array(site.terms.map(entry) + site.posts.map(entry)), pretty: false)
    }
}

private extension SearchIndexGenerator {
    /// What the search box filters on and shows for one article.
    func entry(_ article: Article) -> JSONValue {
        [
            "title": .string(article.title),
            "synonyms": .array(article.synonyms.map(JSONValue.string)),
            "description": .string(article.description),
            // Root-relative, including the base path, so it works wherever the site is served.
            "url": .string(site.permalinks.url(of: article)),
            "tags": .array(article.tags.map { .string($0.name) }),
            // `term` or `post`.
            "kind": .string(article.kind.rawValue),
        ]
    }
}
