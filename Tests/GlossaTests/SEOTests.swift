import Foundation
import Testing
@testable import Glossa

@Suite("SEO: feeds, sitemap, structured data, search files")
struct SEOTests {
    // MARK: Feeds

    @Test func blogFeedHoldsTheNewestTwentyPostsWithAbsoluteIDs() async throws {
        let output = try await SEOFixture.shared.value
        let feed = try XMLNode.parse(SEOFixture.read(output, "feed.xml"))
        #expect(feed.name == "feed")
        #expect(feed.attributes["xmlns"] == "http://www.w3.org/2005/Atom")
        #expect(feed.first("id")?.text == "https://example.com/docs/feed.xml")
        #expect(feed.all("link").contains { $0.attributes["rel"] == "self" && $0.attributes["href"] == "https://example.com/docs/feed.xml" })
        let entries = feed.all("entry")
        #expect(entries.count == AtomFeedGenerator.entryLimit)
        #expect(entries.first?.first("title")?.text == "Post 22")
        #expect(entries.last?.first("title")?.text == "Post 03")
        #expect(entries.first?.first("id")?.text == "https://example.com/docs/blog/post-22/")
        #expect(entries.first?.first("published")?.text == "2024-02-22T00:00:00Z")
        #expect(entries.first?.first("updated")?.text == "2024-06-30T10:00:00+02:00")
        #expect(entries.first?.first("author")?.first("uri")?.text == "https://example.com/about/")
        // The feed changed when its newest entry did, not when it was built.
        #expect(feed.first("updated")?.text == "2024-06-30T10:00:00+02:00")
        // Escaped text reads back as the author wrote it.
        #expect(entries.first?.first("summary")?.text == "Post number 22 & more.")
        let content = try #require(entries.first?.first("content"))
        #expect(content.attributes["type"] == "html")
        #expect(content.text.contains("<p>Body of post 22"))
        for entry in entries {
            let id = try #require(entry.first("id")?.text)
            #expect(id.hasPrefix("https://example.com/docs/blog/post-"))
            #expect(entry.first("link")?.attributes["href"] == id)
        }
    }

    @Test func glossaryFeedListsDatedTermsByLastChange() async throws {
        let output = try await SEOFixture.shared.value
        let feed = try XMLNode.parse(SEOFixture.read(output, "glossary/feed.xml"))
        let entries = feed.all("entry")
        #expect(entries.compactMap { $0.first("id")?.text } == [
            "https://example.com/docs/glossary/api/", "https://example.com/docs/glossary/cache/", "https://example.com/docs/glossary/hostile/",
        ])
        #expect(entries.first?.first("updated")?.text == "2024-09-02T00:00:00Z")
        #expect(feed.first("updated")?.text == "2024-09-02T00:00:00Z")
        #expect(entries.first(where: { $0.first("title")?.text == SEOFixture.hostileTitle }) != nil)
        #expect(entries[1].first("summary")?.text == SEOFixture.trickyDescription)
    }

    @Test func feedsAreLinkedFromEveryPage() async throws {
        let output = try await SEOFixture.shared.value
        let html = try SEOFixture.read(output, "glossary/api/index.html")
        #expect(html.contains(#"<link rel="alternate" type="application/atom+xml" title="Fixture Glossary · Blog" href="/docs/feed.xml">"#))
        #expect(html.contains(#"type="application/atom+xml" title="Fixture Glossary · Glossary" href="/docs/glossary/feed.xml">"#))
    }

    // MARK: Sitemap and robots

    @Test func sitemapListsEveryPageButThe404WithContentDates() async throws {
        let output = try await SEOFixture.shared.value
        let sitemap = try XMLNode.parse(SEOFixture.read(output, "sitemap.xml"))
        #expect(sitemap.attributes["xmlns"] == "http://www.sitemaps.org/schemas/sitemap/0.9")
        var lastmod: [String: String] = [:]
        for url in sitemap.all("url") {
            let loc = try #require(url.first("loc")?.text)
            lastmod[loc] = url.first("lastmod")?.text ?? ""
        }
        let expected = SEOFixture.pageURLs(output, basePath: "/docs/").subtracting(["/docs/404.html"]).map { "https://example.com" + $0 }
        #expect(Set(lastmod.keys) == Set(expected))
        #expect(sitemap.all("url").count == expected.count)
        #expect(lastmod["https://example.com/docs/glossary/api/"] == "2024-09-02")
        #expect(lastmod["https://example.com/docs/glossary/cache/"] == "2024-05-01")
        #expect(lastmod["https://example.com/docs/glossary/undated/"] == "")
        #expect(lastmod["https://example.com/docs/glossary/"] == "2024-09-02")
        #expect(lastmod["https://example.com/docs/blog/"] == "2024-06-30T10:00:00+02:00")
        #expect(lastmod["https://example.com/docs/blog/page/2/"] == "2024-02-12")
        #expect(lastmod["https://example.com/docs/tags/performance/"] == "2024-05-01")
        #expect(lastmod["https://example.com/docs/about/"] == "")
    }

    @Test func robotsPointsAtTheSitemap() async throws {
        let output = try await SEOFixture.shared.value
        let robots = try SEOFixture.read(output, "robots.txt")
        #expect(robots.contains("\nSitemap: https://example.com/docs/sitemap.xml\n"))
        #expect(robots.hasPrefix("User-agent: *\n"))
    }

    // MARK: Head tags and structured data

    @Test func headCarriesCanonicalOpenGraphAndTwitterTags() async throws {
        let output = try await SEOFixture.shared.value
        let html = try SEOFixture.read(output, "blog/post-22/index.html")
        #expect(html.contains(#"<link rel="canonical" href="https://example.com/docs/blog/post-22/">"#))
        #expect(html.contains(#"<meta name="description" content="Post number 22 &amp; more.">"#))
        #expect(html.contains(#"<meta property="og:locale" content="en_GB">"#))
        #expect(html.contains(#"<meta property="og:type" content="article">"#))
        #expect(html.contains(#"<meta property="article:published_time" content="2024-02-22T00:00:00Z">"#))
        #expect(html.contains(#"<meta property="article:modified_time" content="2024-06-30T10:00:00+02:00">"#))
        #expect(html.contains(#"<meta name="twitter:card" content="summary">"#))
        #expect(html.contains(#"<meta name="twitter:title" content="Post 22">"#))
        let about = try SEOFixture.read(output, "about/index.html")
        #expect(!about.contains("article:published_time"))
    }

    @Test func hostileTitlesCannotEscapeTheJSONLDScript() async throws {
        let output = try await SEOFixture.shared.value
        let html = try SEOFixture.read(output, "glossary/hostile/index.html")
        let open = try #require(html.range(of: #"<script type="application/ld+json">"#))
        let close = try #require(html.range(of: "</script>", range: open.upperBound..<html.endIndex))
        let script = html[open.upperBound..<close.lowerBound]
        #expect(!script.contains("<") && !script.contains(">") && !script.contains("&"))
        // The only </script> in the JSON-LD's neighbourhood is the element's own end tag.
        #expect(!html.contains("<script>alert(1)"))
        let graph = try SEOFixture.graph(html)
        let term = try #require(graph["DefinedTerm"])
        #expect(term["name"] as? String == SEOFixture.hostileTitle)
        #expect(term["description"] as? String == SEOFixture.hostileDescription)
        #expect(term["alternateName"] as? [String] == [#"</script>"Alias""#])
        let crumbs = try #require(graph["BreadcrumbList"]?["itemListElement"] as? [[String: Any]])
        #expect(crumbs.last?["name"] as? String == SEOFixture.hostileTitle)
    }

    @Test func termPagesDescribeADefinedTermInTheGlossarySet() async throws {
        let output = try await SEOFixture.shared.value
        let graph = try SEOFixture.graph(SEOFixture.read(output, "glossary/api/index.html"))
        let term = try #require(graph["DefinedTerm"])
        #expect(term["name"] as? String == "API")
        #expect(term["url"] as? String == "https://example.com/docs/glossary/api/")
        #expect(term["alternateName"] as? [String] == ["Application Programming Interface"])
        let set = try #require(term["inDefinedTermSet"] as? [String: Any])
        #expect(set["@type"] as? String == "DefinedTermSet")
        #expect(set["url"] as? String == "https://example.com/docs/glossary/")
        #expect(set["name"] as? String == "Fixture Glossary")
        let crumbs = try #require(graph["BreadcrumbList"]?["itemListElement"] as? [[String: Any]])
        #expect(crumbs.map { $0["item"] as? String } == [
            "https://example.com/docs/", "https://example.com/docs/glossary/", "https://example.com/docs/glossary/api/",
        ])
        #expect(crumbs.map { $0["position"] as? Int } == [1, 2, 3])
    }

    @Test func glossaryIndexIsADefinedTermSetOfEveryTerm() async throws {
        let output = try await SEOFixture.shared.value
        let graph = try SEOFixture.graph(SEOFixture.read(output, "glossary/index.html"))
        let set = try #require(graph["DefinedTermSet"])
        let terms = try #require(set["hasDefinedTerm"] as? [[String: Any]])
        #expect(terms.compactMap { $0["url"] as? String }.sorted() == [
            "https://example.com/docs/glossary/api/", "https://example.com/docs/glossary/cache/",
            "https://example.com/docs/glossary/hostile/", "https://example.com/docs/glossary/undated/",
        ])
        #expect(graph["BreadcrumbList"] != nil)
    }

    @Test func postsAreBlogPostings() async throws {
        let output = try await SEOFixture.shared.value
        let graph = try SEOFixture.graph(SEOFixture.read(output, "blog/post-22/index.html"))
        let post = try #require(graph["BlogPosting"])
        #expect(post["headline"] as? String == "Post 22")
        #expect(post["description"] as? String == "Post number 22 & more.")
        #expect(post["datePublished"] as? String == "2024-02-22T00:00:00Z")
        #expect(post["dateModified"] as? String == "2024-06-30T10:00:00+02:00")
        #expect(post["url"] as? String == "https://example.com/docs/blog/post-22/")
        let author = try #require(post["author"] as? [String: Any])
        #expect(author["@type"] as? String == "Person")
        #expect(author["name"] as? String == "Ada Example")
        let page = try #require(post["mainEntityOfPage"] as? [String: Any])
        #expect(page["@id"] as? String == "https://example.com/docs/blog/post-22/")
    }

    @Test func everyPageWithABreadcrumbDescribesIt() async throws {
        let output = try await SEOFixture.shared.value
        for path in ["tags/index.html", "tags/news/index.html", "blog/page/2/index.html", "about/index.html"] {
            let html = try SEOFixture.read(output, path)
            #expect(html.contains(#"class="breadcrumb""#), "\(path)")
            #expect(try SEOFixture.graph(html)["BreadcrumbList"] != nil, "\(path)")
        }
        #expect(try SEOFixture.graph(SEOFixture.read(output, "index.html"))["WebSite"] != nil)
    }

    // MARK: Search index and glossary export

    @Test func searchIndexListsEveryTermAndPostUnderTheBasePath() async throws {
        let output = try await SEOFixture.shared.value
        let data = try Data(contentsOf: output.appendingPathComponent("search-index.json"))
        let entries = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        #expect(entries.count == 4 + 22)
        let api = try #require(entries.first { $0["title"] as? String == "API" })
        #expect(api["url"] as? String == "/docs/glossary/api/")
        #expect(api["synonyms"] as? [String] == ["Application Programming Interface"])
        #expect(api["description"] as? String == "A contract between programs.")
        #expect(api["tags"] as? [String] == ["architecture"])
        #expect(api["kind"] as? String == "term")
        #expect(entries.allSatisfy { ($0["url"] as? String)?.hasPrefix("/docs/") == true })
        let html = try SEOFixture.read(output, "index.html")
        #expect(html.contains(#"data-search-index="/docs/search-index.json""#))
        #expect(html.contains(#"<form class="site-search" role="search" action="/docs/glossary/""#))
        #expect(html.range(of: #"<script src="/docs/assets/search\.[0-9a-f]+\.js" defer></script>"#, options: .regularExpression) != nil)
    }

    @Test func glossaryExportIsSortedAbsoluteAndDeterministic() async throws {
        let first = try await SEOFixture.build()
        let second = try await SEOFixture.build()
        defer { SEOFixture.remove(first); SEOFixture.remove(second) }
        let text = try SEOFixture.read(first, "glossary.json")
        #expect(text == (try SEOFixture.read(second, "glossary.json")))
        #expect(try SEOFixture.read(first, "search-index.json") == (try SEOFixture.read(second, "search-index.json")))
        #expect(try SEOFixture.read(first, "feed.xml") == (try SEOFixture.read(second, "feed.xml")))
        #expect(try SEOFixture.read(first, "sitemap.xml") == (try SEOFixture.read(second, "sitemap.xml")))

        let export = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(export["url"] as? String == "https://example.com/docs/glossary/")
        let terms = try #require(export["terms"] as? [[String: Any]])
        #expect(terms.map { $0["slug"] as? String } == ["api", "cache", "hostile", "undated"])
        let api = terms[0]
        #expect(api["title"] as? String == "API")
        #expect(api["related"] as? [String] == ["cache"])
        #expect(api["tags"] as? [String] == ["architecture"])
        #expect(api["url"] as? String == "https://example.com/docs/glossary/api/")
        #expect(Set(api.keys) == ["slug", "title", "synonyms", "description", "tags", "related", "url", "date", "updated"])
        // Keys are written in sorted order.
        let keyOrder = ["\"date\"", "\"description\"", "\"related\"", "\"slug\"", "\"synonyms\"", "\"tags\"", "\"title\"", "\"updated\"", "\"url\""]
        let positions = keyOrder.compactMap { text.range(of: $0)?.lowerBound }
        #expect(positions.count == keyOrder.count && positions == positions.sorted())
    }

    @Test func aSiteAtTheRootUsesBaseURLFromSiteYML() async throws {
        let output = try await SEOFixture.build(baseURL: nil)
        defer { SEOFixture.remove(output) }
        #expect(try SEOFixture.read(output, "robots.txt").contains("Sitemap: https://fixture.example.org/sitemap.xml"))
        let feed = try XMLNode.parse(SEOFixture.read(output, "feed.xml"))
        #expect(feed.first("id")?.text == "https://fixture.example.org/feed.xml")
    }

    // MARK: Pieces

    @Test func xmlEscapingCoversMarkupQuotesAndIllegalCharacters() {
        #expect("a < b & \"c\" > 'd'".xmlEscaped == "a &lt; b &amp; &quot;c&quot; &gt; &apos;d&apos;")
        #expect("bell\u{7}tab\tline\n".xmlEscaped == "belltab\tline\n")
    }

    @Test func jsonLDScriptEscapesEverythingHTMLCouldRead() throws {
        let script = try #require(StructuredData.script([["name": "</script><!-- & -->"]]))
        #expect(script == #"{"@context":"https://schema.org","@graph":[{"name":"\u003c/script\u003e\u003c!-- \u0026 --\u003e"}]}"#)
        #expect(StructuredData.script([]) == nil)
    }

    @Test(arguments: [("en", "en_US"), ("en-GB", "en_GB"), ("pt_br", "pt_BR"), ("de", "de_DE"), ("eo", "eo")])
    func openGraphLocales(language: String, locale: String) {
        #expect(OpenGraph.locale(for: language) == locale)
    }

    @Test func absoluteURLsResolveAgainstTheBaseURL() {
        let links = Permalinks(baseURL: "https://example.com/docs/")
        #expect(links.absolute(links.feed()) == "https://example.com/docs/feed.xml")
        #expect(links.absolute(links.glossaryFeed()) == "https://example.com/docs/glossary/feed.xml")
        #expect(links.absolute("/about/") == "https://example.com/about/")
        #expect(links.absolute("https://other.example/x") == "https://other.example/x")
        #expect(links.outputPath(for: links.searchIndex()) == "search-index.json")
        #expect(links.outputPath(for: links.glossaryExport()) == "glossary.json")
        #expect(SitemapGenerator.w3cDate(ContentDate(year: 2024, month: 3, day: 9)) == "2024-03-09")
    }
}
