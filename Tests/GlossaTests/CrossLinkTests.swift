import Testing
@testable import Glossa

@Suite("Cross-links")
struct CrossLinkTests {
    typealias F = LinkingFixture

    static let terms: [String: String] = [
        "glossary/api.md": F.term("API", description: "A contract between \"programs\" & <services>.",
                                  synonyms: ["Application Programming Interface"], body: "An API is a contract.\n"),
        "glossary/cache.md": F.term("Cache", body: "A cache keeps copies. See the distributed cache.\n"),
        "glossary/distributed-cache.md": F.term("Distributed Cache", body: "Spread over nodes.\n"),
        "glossary/sql.md": F.term("SQL", body: "Queries.\n\n## Overview\n\nDeclarative.\n"),
    ]

    func html(_ slug: String, _ files: [String: String], config: String = F.config) async throws -> String {
        let (site, _) = try await F.build(Self.terms.merging(files) { $1 }, config: config)
        return site.allArticles.first { $0.slug.rawValue == slug }!.body.html
    }

    func termLinks(_ html: String) -> [String] {
        var links: [String] = []
        var rest = html[...]
        while let start = rest.range(of: "<a class=\"term-link\" href=\"") {
            let after = rest[start.upperBound...]
            let href = after.prefix { $0 != "\"" }
            let text = after[after.range(of: ">")!.upperBound...].prefix { $0 != "<" }
            links.append("\(text)→\(href)")
            rest = after
        }
        return links
    }

    @Test func firstMentionOfEachTermIsLinkedOnce() async throws {
        let body = "An API and another API. A distributed cache, a cache, and SQL.\n"
        let html = try await html("page-one", ["glossary/page-one.md": F.term("Page One", body: body)])
        #expect(termLinks(html) == ["API→/glossary/api/", "distributed cache→/glossary/distributed-cache/",
                                    "cache→/glossary/cache/", "SQL→/glossary/sql/"])
    }

    @Test func mentionsAcrossLineBreaksAreFound() async throws {
        let body = "Wrapped text about a distributed\ncache, then the\nAPI and SQL.\n"
        let html = try await html("page-one", ["glossary/page-one.md": F.term("Page One", body: body)])
        #expect(html == """
            <p>Wrapped text about a <a class="term-link" href="/glossary/distributed-cache/" data-term-description="About Distributed Cache.">distributed
            cache</a>, then the
            <a class="term-link" href="/glossary/api/" data-term-description="A contract between &quot;programs&quot; &amp; &lt;services&gt;.">API</a> and <a class="term-link" href="/glossary/sql/" data-term-description="About SQL.">SQL</a>.</p>

            """)
    }

    @Test func linkTextIsEscapedAsInPlainText() async throws {
        // A link inside one text node carries its text in the anchor's markup, escaped here
        // rather than by cmark: it must read exactly as cmark writes text.
        let files = [
            "glossary/r-and-d.md": F.term("R&D", body: "Research.\n"),
            "glossary/a-over-b.md": F.term("A>B", body: "Order.\n"),
            "glossary/page-one.md": F.term("Page One", body: "Ask R&D first; then A>B & more R&D.\n"),
        ]
        let html = try await html("page-one", files)
        #expect(html == """
            <p>Ask <a class="term-link" href="/glossary/r-and-d/" data-term-description="About R&amp;D.">R&amp;D</a> first; \
            then <a class="term-link" href="/glossary/a-over-b/" data-term-description="About A&gt;B.">A&gt;B</a> &amp; more R&amp;D.</p>

            """)
    }

    @Test func mentionsSideBySideEachGetTheirOwnAnchor() async throws {
        // CJK mentions need no space between them, so one link ends where the next begins, in
        // the middle of one text node that is cut at every boundary at once.
        let files = [
            "glossary/huancun.md": F.term("缓存", body: "缓存。\n"),
            "glossary/shujuku.md": F.term("数据库", body: "数据库。\n"),
            "glossary/page-one.md": F.term("Page One", body: "分布式缓存数据库很快，SQL 也是。\n"),
        ]
        let html = try await html("page-one", files)
        #expect(html == """
            <p>分布式<a class="term-link" href="/glossary/huancun/" data-term-description="About 缓存.">缓存</a>\
            <a class="term-link" href="/glossary/shujuku/" data-term-description="About 数据库.">数据库</a>很快，\
            <a class="term-link" href="/glossary/sql/" data-term-description="About SQL.">SQL</a> 也是。</p>

            """)
    }

    @Test func synonymsLinkToTheirTerm() async throws {
        let body = "Every application programming interface is documented.\n"
        let html = try await html("page-one", ["glossary/page-one.md": F.term("Page One", body: body)])
        #expect(termLinks(html) == ["application programming interface→/glossary/api/"])
    }

    @Test func neverInsideCodeHeadingsLinksOrImages() async throws {
        let body = """
            ## The API heading

            Code `API` and [a link to the cache page](/glossary/distributed-cache/) and ![SQL diagram](/x.png).

            ```
            SQL in a block
            ```

            Finally the API.
            """
        let html = try await html("page-one", ["glossary/page-one.md": F.term("Page One", body: body)])
        #expect(termLinks(html) == ["API→/glossary/api/"])
        #expect(html.contains("<code>API</code>"))
        #expect(html.contains(">a link to the cache page</a>"))
    }

    @Test func notToThePageItselfNorToATermAlreadyLinkedByHand() async throws {
        let body = "The cache is not a [distributed one](/glossary/distributed-cache/); a distributed cache is different.\n"
        let html = try await html("cache", ["glossary/cache.md": F.term("Cache", body: body)])
        #expect(termLinks(html).isEmpty)
    }

    @Test func descriptionIsAnEscapedAttribute() async throws {
        let html = try await html("page-one", ["glossary/page-one.md": F.term("Page One", body: "Call the API.\n")])
        #expect(html.contains(#"<a class="term-link" href="/glossary/api/" data-term-description="A contract between &quot;programs&quot; &amp; &lt;services&gt;.">API</a>"#))
    }

    @Test func postsAreCrossLinkedButStandalonePagesAreNot() async throws {
        let files = ["blog/hello.md": F.post("Hello", body: "Our API.\n"),
                     "pages/about.md": "---\ntitle: About\n---\nOur API.\n"]
        #expect(termLinks(try await html("hello", files)) == ["API→/glossary/api/"])
        #expect(termLinks(try await html("about", files)).isEmpty)
    }

    @Test func crossLinksCanBeTurnedOff() async throws {
        let off = F.term("Page One", extra: "crossLinks: false", body: "Call the API.\n")
        #expect(termLinks(try await html("page-one", ["glossary/page-one.md": off])).isEmpty)
        let on = F.term("Page One", body: "Call the API.\n")
        #expect(termLinks(try await html("page-one", ["glossary/page-one.md": on], config: F.config + "\ncrossLinks: false")).isEmpty)
    }

    @Test func linksToMarkdownSourcesAreRewritten() async throws {
        let body = "See [SQL](sql.md#overview), [the post](../blog/hello.md) and [API](/glossary/api.md).\n"
        let files = ["glossary/page-one.md": F.term("Page One", body: body), "blog/hello.md": F.post("Hello", body: "Hi.\n")]
        let (site, log) = try await F.build(Self.terms.merging(files) { $1 })
        let html = site.term("page-one").body.html
        #expect(html.contains(#"<a href="/glossary/sql/#overview">SQL</a>"#))
        #expect(html.contains(#"<a href="/blog/hello/">the post</a>"#))
        #expect(html.contains(#"<a href="/glossary/api/">API</a>"#))
        #expect(log.errors.isEmpty)
    }

    @Test func aSynonymTwoTermsShareIsReportedAndNotLinked() async throws {
        let files = ["glossary/rest.md": F.term("REST", synonyms: ["Web API"], body: "x\n"),
                     "glossary/graphql.md": F.term("GraphQL", synonyms: ["Web API"], body: "x\n"),
                     "glossary/page-one.md": F.term("Page One", body: "A web API, REST and GraphQL.\n")]
        let (site, log) = try await F.build(Self.terms.merging(files) { $1 })
        // "web API" is ambiguous, so only the "API" inside it is linked.
        #expect(termLinks(site.term("page-one").body.html) == ["API→/glossary/api/", "REST→/glossary/rest/", "GraphQL→/glossary/graphql/"])
        #expect(log.lines.contains("Content/glossary/rest.md:1:1: warning: synonym 'Web API' is also a synonym of 'GraphQL' (Content/glossary/graphql.md); mentions of it are not cross-linked"))
    }
}
