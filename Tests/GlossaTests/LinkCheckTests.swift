import Testing
@testable import Glossa

@Suite("Link checking")
struct LinkCheckTests {
    typealias F = LinkingFixture

    static let terms: [String: String] = [
        "glossary/api.md": F.term("API", body: "An API.\n"),
        "glossary/sql.md": F.term("SQL", body: "Queries, see the API.\n\n## Overview\n\nDeclarative.\n\n## Joins\n\nMore.\n"),
    ]

    func diagnostics(_ body: String, config: String = F.config) async throws -> [String] {
        let files = Self.terms.merging(["glossary/page.md": F.term("Page", body: body)]) { $1 }
        let (_, log) = try await F.build(files, config: config)
        return log.lines.filter { !$0.contains("orphan") }
    }

    @Test func workingLinksPass() async throws {
        let body = """
            [a](/glossary/api/) [b](../sql/#overview) [c](/glossary/sql/#joins) [d](/glossary/sql) [e](#top)
            [f](/) [g](/glossary/) [h](/blog/) [i](/feed.xml) [j](https://example.org/x) [k](mailto:a@example.org)
            [l](/glossary/sql/index.html) [m](sql.md#joins) [n](/tags/)
            """
        let found = try await diagnostics(body)
        #expect(found == [])
    }

    @Test func brokenLinkNamesFileLineColumnAndSuggestion() async throws {
        // Front matter is 4 lines (fences, title, description), so the body starts on line 5.
        let body = "Intro.\n\nSee [the API](/glossary/ap/) and [x](../missing-thing/).\n"
        let found = try await diagnostics(body)
        #expect(found == [
            "Content/glossary/page.md:7:5: error: link to /glossary/ap/ does not resolve; did you mean /glossary/api/?",
            "Content/glossary/page.md:7:34: error: link to ../missing-thing/ does not resolve",
        ])
    }

    @Test func fragmentsMustNameAHeading() async throws {
        let body = "[a](/glossary/sql/#overveiw) [b](#nowhere)\n"
        let found = try await diagnostics(body)
        #expect(found == [
            "Content/glossary/page.md:5:1: error: link to /glossary/sql/#overveiw does not resolve: /glossary/sql/ has no heading with id 'overveiw'; did you mean /glossary/sql/#overview?",
            "Content/glossary/page.md:5:30: error: link to #nowhere does not resolve: /glossary/page/ has no heading with id 'nowhere'",
        ])
    }

    @Test func markdownSourceLinksAndImagesAreChecked() async throws {
        let body = "[a](sqll.md) ![b](/images/missing.png)\n"
        let found = try await diagnostics(body)
        #expect(found == [
            "Content/glossary/page.md:5:1: error: link to sqll.md does not resolve; did you mean Content/glossary/sql.md?",
            "Content/glossary/page.md:5:14: error: link to /images/missing.png does not resolve",
        ])
    }

    @Test func externalLinksAreOnlyCheckedForSyntax() async throws {
        let body = "[a](https:/example.org) [b](https://) [c](mailto:nobody) [d](https://example.org/ok)\n"
        let found = try await diagnostics(body)
        #expect(found == [
            "Content/glossary/page.md:5:1: error: link to https:/example.org is not a valid URL: expected // after the scheme",
            "Content/glossary/page.md:5:25: error: link to https:// is not a valid URL: missing host name",
            "Content/glossary/page.md:5:39: error: link to mailto:nobody is not a valid URL: a mailto: link needs an address with @",
        ])
    }

    @Test func brokenLinksCanBeWarnings() async throws {
        let found = try await diagnostics("[a](/glossary/ap/)\n", config: F.config + "\nbrokenLinks: warn")
        #expect(found == [
            "Content/glossary/page.md:5:1: warning: link to /glossary/ap/ does not resolve; did you mean /glossary/api/?",
        ])
    }

    @Test func menuAndFooterURLsAreChecked() async throws {
        let config = """
            title: Test
            baseURL: https://example.com/
            menu:
              - title: Glossary
                url: /glosary/
              - title: More
                children:
                  - { title: API, url: /glossary/api/ }
            footer:
              - { title: About, url: /about/ }
            """
        let found = try await diagnostics("Text.\n", config: config)
        #expect(found == [
            "Content/site.yml:5:10: error: link to /glosary/ does not resolve; did you mean /glossary/?",
            "Content/site.yml:10:26: error: link to /about/ does not resolve",
        ])
    }

    @Test func explicitRelatedSlugsMustExist() async throws {
        let files = Self.terms.merging(["glossary/page.md": F.term("Page", related: ["sq1", "api"], body: "Hi.\n")]) { $1 }
        let (_, log) = try await F.build(files)
        #expect(log.lines.contains("Content/glossary/page.md:4:1: error: related 'sq1' is not the slug of any term or post; did you mean 'sql'?"))
    }

    @Test func lintWarnings() async throws {
        let files = [
            "glossary/api.md": F.term("API", body: "An API, see SQL.\n"),
            "glossary/sql.md": F.term("SQL", body: "Queries.\n"),
            "glossary/lonely.md": "---\ntitle: Lonely\n---\nNobody mentions me.\n",
        ]
        let (_, log) = try await F.build(files)
        #expect(log.lines == [
            "Content/glossary/api.md:1:1: warning: term 'API' is an orphan: no term, post or page links to or mentions it, and no 'related' names it",
            "Content/glossary/lonely.md:1:1: warning: term 'Lonely' is an orphan: no term, post or page links to or mentions it, and no 'related' names it",
            "Content/glossary/lonely.md:1:1: warning: term has no 'description'; its first paragraph is used in previews, the index and meta tags",
        ])
    }
}
