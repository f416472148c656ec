import Foundation
import Testing
@testable import Glossa

/// Pins every related list, backlink list and cross-link of a generated 305-article site.
///
/// The small hand-written cases elsewhere check the rules; this one checks that the numbers
/// do not move. The site is big enough to reach every limit of the related-articles index (words
/// in more than `postingLimit` articles, a tag on more than `tagNominationLimit` articles), has
/// exact score ties and a term and a post with one slug, so an optimisation that changes a
/// score's rounding, a tie-break or a truncation shows up here as a diff.
/// Set `GLOSSA_RECORD=1` to re-record `Golden/linking-generated*.txt`; recording fails on purpose.
@Suite struct LinkingGoldenTests {
    /// - Parameter manyTags: over 64 tags, which related articles cannot keep as bits of one word.
    @Test(arguments: [false, true])
    func generatedSiteMatchesGolden(manyTags: Bool) async throws {
        let (site, _) = try await LinkingFixture.build(GeneratedSite.files(manyTags: manyTags))
        let dump = Self.dump(site)
        let golden = TestPaths.golden.appendingPathComponent(manyTags ? "linking-generated-many-tags.txt" : "linking-generated.txt")
        if ProcessInfo.processInfo.environment["GLOSSA_RECORD"] != nil {
            try dump.write(to: golden, atomically: true, encoding: .utf8)
            Issue.record("Recorded \(golden.path); unset GLOSSA_RECORD and run again.")
            return
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        if dump != expected {
            Issue.record("linking results differ from Golden/\(golden.lastPathComponent):\n\(GoldenSiteTests.firstDifference(expected, dump))")
        }
    }

    /// One line per article and list: `term/slug related: a b c`.
    static func dump(_ site: Site) -> String {
        var lines: [String] = []
        for (kind, list) in [(ArticleKind.term, site.terms), (.post, site.posts)] {
            for (index, article) in list.enumerated() {
                let name = site.slugs([Site.ArticleRef(kind: kind, index: index)])[0]
                lines.append("\(name) related: \(site.slugs(site.related[article.id]).joined(separator: " "))")
                if let backlinks = site.backlinks[article.id] {
                    lines.append("\(name) backlinks: \(site.slugs(backlinks).joined(separator: " "))")
                }
                let crossLinked = article.body.html.components(separatedBy: "class=\"term-link\" href=\"").dropFirst()
                    .map { String($0.prefix { $0 != "\"" }) }
                if !crossLinked.isEmpty { lines.append("\(name) cross-links: \(crossLinked.joined(separator: " "))") }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// A deterministic site of 245 terms and 60 posts drawn from a small vocabulary.
enum GeneratedSite {
    static let words = """
        cache eviction replica shard index query latency throughput queue stream batch commit log
        consensus leader follower snapshot compaction partition token schema tensor kernel thread
        lock mutex fiber scheduler router gateway proxy balancer circuit breaker retry backoff
        timeout deadline budget quota tenant region zone cluster node pod container image layer
        registry artifact pipeline build deploy release rollback canary feature flag metric trace
        span sample histogram gauge counter alert pager incident runbook outage café naïve façade
        zürich 数据库 mémoire the and of to is it a b I x
        """.split(whereSeparator: \.isWhitespace).map(String.init)
    static let titleWords = ["Adaptive", "Sharded", "Lazy", "Eager", "Elastic", "Durable", "Sparse", "Dense", "Hybrid", "Static",
                             "Dynamic", "Secure", "Lock-Free", "Zero-Copy", "Edge", "Cloud"]
    static let nouns = ["Cache", "Index", "Queue", "Stream", "Log", "Router", "Proxy", "Scheduler", "Snapshot", "Token",
                        "Schema", "Kernel", "Mutex", "Gateway", "Registry"]
    static let tags = ["storage", "networking", "compute", "security", "ops", "data", "ml", "web", "mobile", "tools"]

    /// A linear congruential generator: the same numbers on every platform and run.
    struct Numbers {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    /// - Parameter manyTags: also give every term one of 80 small tags.
    static func files(manyTags: Bool = false) -> [String: String] {
        var numbers = Numbers(state: 42)
        var files: [String: String] = [:]
        var titles: [String] = []
        for index in 0..<240 {
            let title = "\(titleWords[index % titleWords.count]) \(nouns[(index / titleWords.count) % nouns.count])"
            titles.append(title)
        }
        func body(_ words: Int, _ numbers: inout Numbers) -> String {
            var text: [String] = []
            for position in 0..<words {
                if position % 17 == 5 {
                    text.append(titles[numbers.next(titles.count)])
                } else {
                    // Skewed towards the front of the vocabulary, so some words are in most articles.
                    let pick = min(numbers.next(words / 2 + 1), numbers.next(Self.words.count))
                    text.append(Self.words[pick])
                }
            }
            return text.joined(separator: " ") + ".\n"
        }
        var previousTags: [String] = []
        for (index, title) in titles.enumerated() {
            var articleTags = [tags[numbers.next(tags.count)], tags[numbers.next(tags.count)]]
            if index % 2 == 0 { articleTags.append("everything") }
            if manyTags { articleTags.append("topic-\(index % 80)") }
            // Every 40th term repeats the previous one's tags and body word for word: exact score ties.
            if index % 40 == 1 { articleTags = previousTags }
            previousTags = articleTags
            let related = index % 31 == 0 ? [Slug.make(from: titles[(index + 7) % titles.count])!.rawValue] : []
            let text = index % 40 == 1 ? String(files["glossary/\(Slug.make(from: titles[index - 1])!.rawValue).md"]!
                .split(separator: "---\n", omittingEmptySubsequences: false).last!) : body(30 + numbers.next(60), &numbers)
            files["glossary/\(Slug.make(from: title)!.rawValue).md"] = LinkingFixture.term(
                title, synonyms: index % 9 == 0 ? ["\(nouns[index % nouns.count]) \(index)"] : [], tags: articleTags,
                related: related, body: text)
        }
        // One-letter titles are not words, so these five have equal vectors: every score ties.
        let shared = body(70, &numbers)
        for letter in ["Z", "Q", "W", "V", "Y"] {
            files["glossary/\(letter.lowercased()).md"] = LinkingFixture.term(letter, tags: ["storage", "everything"], body: shared)
        }
        for index in 0..<60 {
            // The first post shares its slug with a term.
            let title = index == 0 ? titles[3] : "Notes on \(titles[numbers.next(titles.count)]) \(index)"
            let day = 1 + index % 28
            files["blog/\(Slug.make(from: title)!.rawValue).md"] = """
                ---
                title: "\(title)"
                description: "A post."
                date: 2024-03-\(day < 10 ? "0" : "")\(day)
                tags: [\(tags[numbers.next(tags.count)])\(index % 2 == 0 ? ", everything" : "")]
                ---
                \(body(40 + numbers.next(80), &numbers))
                """
        }
        return files
    }
}
