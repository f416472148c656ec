import Testing
@testable import Glossa

/// What `LinkResolver` makes of awkward destinations: dot segments, doubled slashes, escapes,
/// queries, fragments, spaces and schemes, as written on `/glossary/page/`.
@Suite struct LinkResolverTests {
    static let cases: [(written: String, expected: String)] = [
        ("/glossary/api/", "found /glossary/api/"),
        ("/glossary//api/", "found /glossary/api/"),
        ("/glossary/./api/", "found /glossary/api/"),
        ("/glossary/x/../api/", "found /glossary/api/"),
        ("../api/", "found /glossary/api/"),
        ("./../api", "found /glossary/api/"),
        ("/glossary/api/.", "found /glossary/api/"),
        ("/glossary/api/..", "found /glossary/"),
        ("/../../glossary/api/", "found /glossary/api/"),
        ("/glossary/a../", "broken /glossary/a../"),
        ("/glossary/.../", "broken /glossary/.../"),
        ("/glossary/.api/", "broken /glossary/.api/"),
        ("/glossary/api/?x=1#Top", "found /glossary/api/#Top"),
        ("/glossary/a%70i/", "found /glossary/api/"),
        ("/glossary/api/#caf%C3%A9", "found /glossary/api/#café"),
        ("/glossary/api/index.html", "found /glossary/api/"),
        ("sql.md#joins", "found /glossary/sql/#joins"),
        ("../glossary/sql.MD", "broken Content/glossary/sql.MD"),
        ("../api.md", "broken Content/api.md"),
        ("/", "found /"),
        ("", "found /glossary/page/"),
        ("#overview", "found /glossary/page/#overview"),
        ("/glossary/api/ x", "malformed spaces must be written as %20"),
        ("https:/example.com", "malformed expected // after the scheme"),
        ("//", "malformed missing host name"),
        ("//example.com/x", "external"),
        ("HTTP://example.com", "external"),
        ("mailto:someone", "malformed a mailto: link needs an address with @"),
    ]

    @Test func resolvesAwkwardDestinations() async throws {
        let files = [
            "glossary/api.md": LinkingFixture.term("API", body: "An API.\n"),
            "glossary/sql.md": LinkingFixture.term("SQL", body: "Queries.\n\n## Joins\n"),
            "glossary/page.md": LinkingFixture.term("Page", body: "A page.\n"),
        ]
        let (site, _) = try await LinkingFixture.build(files)
        let resolver = LinkResolver(site: site)
        for (written, expected) in Self.cases {
            let resolution = resolver.resolve(written, fromURL: "/glossary/page/", sourcePath: "Content/glossary/page.md")
            #expect(Self.describe(resolution) == expected, "\(written)")
        }
    }

    static func describe(_ resolution: LinkResolver.Resolution) -> String {
        switch resolution {
        case .external: "external"
        case .found(let url, _, let fragment): "found \(url)" + (fragment.map { "#" + $0 } ?? "")
        case .broken(let attempted): "broken \(attempted)"
        case .malformed(let reason): "malformed \(reason)"
        }
    }
}
