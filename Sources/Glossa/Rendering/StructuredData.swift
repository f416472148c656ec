import Foundation

/// schema.org JSON-LD for a page's `<script type="application/ld+json">`.
///
/// The data is built as `JSONValue` objects and serialized by `DeterministicJSON`, never by string
/// concatenation, so it is valid JSON whatever a title contains. Keys are sorted so output is
/// deterministic. Every URL is absolute: search engines read JSON-LD without a base URL.
struct StructuredData {
    typealias Node = [String: JSONValue]

    var site: Site

    /// The term as a `DefinedTerm` inside the site's `DefinedTermSet`.
    func definedTerm(_ term: Article) -> Node {
        var node = termNode(term)
        node["inDefinedTermSet"] = ["@type": "DefinedTermSet", "@id": .string(termSetURL), "name": .string(termSetName), "url": .string(termSetURL)]
        return node
    }

    /// The glossary index as a `DefinedTermSet` listing every term.
    func definedTermSet() -> Node {
        [
            "@type": "DefinedTermSet", "@id": .string(termSetURL), "name": .string(termSetName), "url": .string(termSetURL),
            "description": .string("Every term in \(site.config.title), A to Z."), "inLanguage": .string(site.config.language),
            "hasDefinedTerm": .array(site.terms.indices.map { .object(termNode(site.terms[$0])) }),
        ]
    }

    func blogPosting(_ post: Article) -> Node {
        let url = absoluteURL(of: post)
        var node: Node = [
            "@type": "BlogPosting", "headline": .string(post.title), "url": .string(url), "inLanguage": .string(site.config.language),
            "mainEntityOfPage": ["@type": "WebPage", "@id": .string(url)],
            "publisher": ["@type": "Organization", "name": .string(site.config.title), "url": .string(site.permalinks.absolute(site.permalinks.home()))],
        ]
        if !post.description.isEmpty { node["description"] = .string(post.description) }
        if let date = post.date { node["datePublished"] = .string(date.rfc3339) }
        if let modified = post.lastModified { node["dateModified"] = .string(modified.rfc3339) }
        if let author = post.authorID.flatMap({ site.config.authors[$0.value] }) {
            var person: Node = ["@type": "Person", "name": .string(author.name)]
            if let url = author.url { person["url"] = .string(site.permalinks.absolute(url)) }
            node["author"] = .object(person)
        }
        if !post.tags.isEmpty { node["keywords"] = .array(post.tags.map { .string($0.name) }) }
        return node
    }

    /// The breadcrumb trail a page shows, as a `BreadcrumbList`.
    func breadcrumbList(_ crumbs: [Breadcrumb]) -> Node {
        [
            "@type": "BreadcrumbList",
            "itemListElement": .array(crumbs.map { crumb in
                ["@type": "ListItem", "position": .int(crumb.position), "name": .string(crumb.title), "item": .string(site.permalinks.absolute(crumb.url))]
            }),
        ]
    }

    /// The home page as a `WebSite`.
    func webSite() -> Node {
        var node: Node = [
            "@type": "WebSite", "name": .string(site.config.title), "url": .string(site.permalinks.absolute(site.permalinks.home())),
            "inLanguage": .string(site.config.language),
        ]
        if !site.config.description.isEmpty { node["description"] = .string(site.config.description) }
        return node
    }

    /// One JSON-LD document holding `nodes` in a `@graph`, safe to place inside a `<script>`
    /// element: `<`, `>` and `&` are written as `\u003c`, `\u003e` and `\u0026`, which JSON reads
    /// as the same characters but HTML can never mistake for `</script>` or a comment.
    /// Nil when there is nothing to say.
    static func script(_ nodes: [Node]) -> String? {
        guard !nodes.isEmpty else { return nil }
        let document: JSONValue = ["@context": "https://schema.org", "@graph": .array(nodes.map(JSONValue.object))]
        return DeterministicJSON.serialize(document)
    }
}

private extension StructuredData {
    var termSetURL: String { site.permalinks.absolute(site.permalinks.glossary()) }
    /// The glossary is the site: the set is named after it.
    var termSetName: String { site.config.title }

    func absoluteURL(of article: Article) -> String {
        site.permalinks.absolute(site.permalinks.url(of: article))
    }

    func termNode(_ term: Article) -> Node {
        var node: Node = ["@type": "DefinedTerm", "name": .string(term.title), "url": .string(absoluteURL(of: term))]
        if !term.description.isEmpty { node["description"] = .string(term.description) }
        if !term.synonyms.isEmpty { node["alternateName"] = .array(term.synonyms.map(JSONValue.string)) }
        return node
    }
}
