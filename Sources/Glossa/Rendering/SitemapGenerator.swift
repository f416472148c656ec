/// Writes `sitemap.xml` (sitemaps.org protocol 0.9): every HTML page a crawler should index.
///
/// The page list comes from the renderer, so the sitemap names exactly the pages that were
/// built. `lastmod` is what the content says, never the build time, so an unchanged site yields
/// an unchanged sitemap and crawlers are not sent to re-read pages that did not change.
struct SitemapGenerator {
    struct Entry {
        /// Root-relative, as Permalinks gives it.
        var url: String
        /// When the page's content last changed; nil when nothing on it is dated.
        var lastModified: ContentDate?
    }

    var permalinks: Permalinks

    func generate(_ entries: [Entry]) -> String {
        var xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">

        """
        for entry in entries {
            xml += "  <url>\n    <loc>\(permalinks.absolute(entry.url).xmlEscaped)</loc>\n"
            if let date = entry.lastModified { xml += "    <lastmod>\(Self.w3cDate(date))</lastmod>\n" }
            xml += "  </url>\n"
        }
        xml += "</urlset>\n"
        return xml
    }

    /// `2024-03-19` for a bare calendar date, full RFC 3339 when the author gave a time: a bare
    /// date must not claim midnight UTC.
    static func w3cDate(_ date: ContentDate) -> String {
        date.utcOffsetMinutes == nil && date.hour == 0 && date.minute == 0 && date.second == 0 ? date.isoDate : date.rfc3339
    }
}
