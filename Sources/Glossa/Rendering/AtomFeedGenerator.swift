/// Writes Atom feeds (RFC 4287): the blog's newest posts, and the glossary's new and updated terms.
///
/// Every id and link is the entry's absolute URL, so an entry keeps its identity across builds
/// and hosts agree on it. The feed's `updated` is its newest entry's date, never the build time:
/// rebuilding unchanged content yields a byte-identical feed and feed readers see nothing new.
struct AtomFeedGenerator {
    var site: Site
    /// How many entries a feed holds; readers only need what is new.
    static let entryLimit = 20

    /// The blog feed: the newest posts, in the blog's order.
    func blogFeed() -> String {
        let links = site.permalinks
        return generate(title: "\(site.config.title) · Blog", subtitle: site.config.description, selfURL: links.feed(),
                        pageURL: links.blog(), articles: Array(site.posts.prefix(Self.entryLimit)))
    }

    /// The glossary feed: terms by the date they last changed, newest first. A term without a
    /// date cannot say when it was new, so it is left out.
    func glossaryFeed() -> String {
        let links = site.permalinks
        let dated = site.terms.enumerated().compactMap { offset, term in term.lastModified.map { (offset, $0.secondsSinceEpoch, term) } }
        let newest = dated.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.prefix(Self.entryLimit).map(\.2)
        return generate(title: "\(site.config.title) · Glossary", subtitle: "New and updated terms in \(site.config.title).",
                        selfURL: links.glossaryFeed(), pageURL: links.glossary(), articles: newest)
    }
}

private extension AtomFeedGenerator {
    func generate(title: String, subtitle: String, selfURL: String, pageURL: String, articles: [Article]) -> String {
        let links = site.permalinks
        let entryDates = articles.compactMap(\.lastModified)
        // An empty feed still needs an `updated`: the newest date anywhere on the site, else the epoch.
        let updated = entryDates.max() ?? site.allArticles.compactMap(\.lastModified).max() ?? ContentDate(secondsSinceEpoch: 0)
        var xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(site.config.language.xmlEscaped)">
          <title>\(title.xmlEscaped)</title>

        """
        if !subtitle.isEmpty { xml += "  <subtitle>\(subtitle.xmlEscaped)</subtitle>\n" }
        xml += """
          <link rel="self" type="application/atom+xml" href="\(links.absolute(selfURL).xmlEscaped)"/>
          <link rel="alternate" type="text/html" href="\(links.absolute(pageURL).xmlEscaped)"/>
          <id>\(links.absolute(selfURL).xmlEscaped)</id>
          <updated>\(updated.rfc3339)</updated>
          <author><name>\(site.config.title.xmlEscaped)</name></author>
          <generator>Glossa</generator>

        """
        for article in articles { xml += entry(article) }
        xml += "</feed>\n"
        return xml
    }

    func entry(_ article: Article) -> String {
        let links = site.permalinks
        let url = links.absolute(links.url(of: article)).xmlEscaped
        var xml = """
          <entry>
            <title>\(article.title.xmlEscaped)</title>
            <link rel="alternate" type="text/html" href="\(url)"/>
            <id>\(url)</id>

        """
        if let date = article.date { xml += "    <published>\(date.rfc3339)</published>\n" }
        if let updated = article.lastModified { xml += "    <updated>\(updated.rfc3339)</updated>\n" }
        if let author = article.authorID.flatMap({ site.config.authors[$0.value] }) {
            let uri = author.url.map { "<uri>\(links.absolute($0).xmlEscaped)</uri>" } ?? ""
            xml += "    <author><name>\(author.name.xmlEscaped)</name>\(uri)</author>\n"
        }
        for tag in article.tags {
            xml += "    <category term=\"\(tag.slug.rawValue.xmlEscaped)\" label=\"\(tag.name.xmlEscaped)\"/>\n"
        }
        if !article.description.isEmpty { xml += "    <summary>\(article.description.xmlEscaped)</summary>\n" }
        // xml:base makes the body's relative links (bundle images, #anchors) resolve against the entry's page.
        xml += "    <content type=\"html\" xml:base=\"\(url)\">\(article.body.html.xmlEscaped)</content>\n"
        xml += "  </entry>\n"
        return xml
    }
}
