import Testing
@testable import Glossa

@Suite("Related articles and backlinks")
struct RelatedAndBacklinkTests {
    typealias F = LinkingFixture

    static let files: [String: String] = [
        "glossary/redis.md": F.term("Redis", tags: ["caching"], body: "In-memory key value store with eviction, replication and persistence snapshots.\n"),
        "glossary/memcached.md": F.term("Memcached", tags: ["caching"], body: "In-memory key value store with eviction and slab allocation.\n"),
        "glossary/eviction.md": F.term("Eviction", tags: ["caching"], body: "Removing entries from a key value store when memory runs out.\n"),
        "glossary/postgres.md": F.term("Postgres", tags: ["databases"], body: "Relational database with transactions, replication and persistence.\n"),
        "glossary/mysql.md": F.term("MySQL", tags: ["databases"], body: "Relational database with transactions and replication.\n"),
        "glossary/kafka.md": F.term("Kafka", tags: ["streaming"], related: ["postgres"], body: "Distributed log for streaming events between services.\n"),
        "blog/cache-story.md": F.post("Our Cache Story", body: "We moved from Memcached to Redis for eviction control in our key value store.\n"),
    ]

    @Test func explicitFirstThenMostSimilar() async throws {
        let (site, _) = try await F.build(Self.files)
        let kafka = site.slugs(site.related[site.term("kafka").id])
        #expect(kafka.first == "term/postgres")
        let redis = site.slugs(site.related[site.term("redis").id])
        #expect(redis.prefix(3).sorted() == ["post/cache-story", "term/eviction", "term/memcached"])
        #expect(!redis.contains("term/redis"))
        #expect(redis.count <= 5)
    }

    @Test func relatedCountComesFromSiteYml() async throws {
        let (site, _) = try await F.build(Self.files, config: F.config + "\nrelated: { count: 2 }")
        #expect(site.related[site.term("redis").id]?.count == 2)
        let (none, _) = try await F.build(Self.files, config: F.config + "\nrelated: { count: 0 }")
        #expect(none.related[none.term("redis").id] == nil)
        #expect(none.slugs(none.related[none.term("kafka").id]) == ["term/postgres"])
    }

    @Test func tiesAreBrokenBySlugAndRunsAgree() async throws {
        // Five identical articles: every score ties, so the order is by slug.
        var files: [String: String] = [:]
        for name in ["echo", "delta", "alpha", "charlie", "bravo", "foxtrot"] {
            files["glossary/\(name).md"] = F.term(name.capitalized, tags: ["same"], body: "Identical words about widgets and gadgets.\n")
        }
        let (first, _) = try await F.build(files)
        let (second, _) = try await F.build(files)
        #expect(first.slugs(first.related[first.term("delta").id]) == ["term/alpha", "term/bravo", "term/charlie", "term/echo", "term/foxtrot"])
        for term in first.terms {
            #expect(first.slugs(first.related[term.id]) == second.slugs(second.related[term.id]))
        }
    }

    @Test func backlinksListTermsThenPostsFromLinksAndMentions() async throws {
        let files: [String: String] = [
            "glossary/api.md": F.term("API", body: "An API.\n"),
            "glossary/rest.md": F.term("REST", body: "A style of [web interface](/glossary/api/) design.\n"),
            "glossary/grpc.md": F.term("gRPC", body: "An RPC framework; every gRPC service is an API.\n"),
            "blog/launch.md": F.post("Launch", body: "Our public API is live.\n"),
            "pages/about.md": "---\ntitle: About\n---\nWe document every [API](/glossary/api/).\n",
        ]
        let (site, _) = try await F.build(files)
        #expect(site.slugs(site.backlinks[site.term("api").id]) == ["term/grpc", "term/rest", "post/launch"])
        #expect(site.backlinks[site.term("grpc").id] == nil)
    }
}
