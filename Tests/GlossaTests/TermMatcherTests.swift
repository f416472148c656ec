import Testing
@testable import Glossa

@Suite("TermMatcher")
struct TermMatcherTests {
    /// The matched text and target of each match, for readable expectations.
    func found(_ phrases: [String], in text: String) -> [String] {
        let matcher = TermMatcher(phrases.enumerated().map { ($0.element, $0.offset) })
        let bytes = Array(text.utf8)
        return matcher.matches(in: text).map { "\(String(decoding: bytes[$0.range], as: UTF8.self))→\(phrases[$0.target])" }
    }

    @Test func longestOverlappingTitleWins() {
        #expect(found(["Cache", "Distributed Cache"], in: "A distributed cache is a cache.")
            == ["distributed cache→Distributed Cache", "cache→Cache"])
        #expect(found(["Database", "Database Index", "Index"], in: "Add a database index to the database.")
            == ["database index→Database Index", "database→Database"])
    }

    @Test func matchesWholeWordsOnly() {
        #expect(found(["API"], in: "RAPID rapids, an API, the API's docs, APIary") == ["API→API", "API→API"])
        #expect(found(["API"], in: "snake_API_case and API-first") == ["API→API"])
    }

    @Test func caseInsensitiveWithRegularPlurals() {
        #expect(found(["API", "Cache", "Index", "Go"], in: "APIs, CACHES and indexes; it goes with Go's runtime")
            == ["APIs→API", "CACHES→Cache", "indexes→Index", "Go→Go"])
    }

    @Test func acronymsAndTwoLetterNamesMatchOnlyAsWritten() {
        #expect(found(["IT", "TO", "Go", "API", "C"], in: "It is up to IT to go TO the API, not the api; c or C?")
            == ["IT→IT", "TO→TO", "API→API", "C→C"])
        #expect(found(["Go"], in: "go Go GO") == ["Go→Go"])
    }

    @Test func punctuationTitles() {
        let phrases = ["C", "C++", "C#", ".NET", "Node.js", "Node"]
        #expect(found(phrases, in: "C++ and C# run on .NET, Node.js is not Node, nor is ASP.NET; written in C.")
            == ["C++→C++", "C#→C#", ".NET→.NET", "Node.js→Node.js", "Node→Node", "C→C"])
        #expect(found(["Node"], in: "Node.js and node.") == ["node→Node"])
    }

    @Test func nonASCIITitles() {
        #expect(found(["Café Cache", "Über Token", "数据库"], in: "The CAFÉ CACHE beats über token; 使用数据库系统。")
            == ["CAFÉ CACHE→Café Cache", "über token→Über Token", "数据库→数据库"])
        #expect(found(["Naïve Hashing"], in: "naïve hashing, naive hashing") == ["naïve hashing→Naïve Hashing"])
    }

    @Test func curlyApostrophesAndSpacesFold() {
        #expect(found(["Conway's Law", "Back End  Developer"], in: "Conway’s law says a back end developer…")
            == ["Conway’s law→Conway's Law", "back end developer→Back End  Developer"])
    }

    /// Texts and phrases are compared folded, and `LeadingWords` cuts both into words after
    /// folding: so folding must never change a scalar's kind, or a mention could be skipped.
    @Test func foldingKeepsEveryScalarsKind() {
        var changed: [String] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value), let folded = Unicode.Scalar(WordBoundary.fold(scalar)) else { continue }
            if ScalarKind(folded) != ScalarKind(scalar) { changed.append("U+" + String(value, radix: 16, uppercase: true)) }
        }
        #expect(changed == [])
    }

    @Test func wordsThatBeginNoPhraseAreSkippedWhole() {
        #expect(found(["Load Balancer", "Balancer", "Cache"], in: "overload balancers, load balancer, caches, cachet")
            == ["balancers→Balancer", "load balancer→Load Balancer", "caches→Cache"])
        #expect(found(["Node.js", "Go"], in: "node.js, nodes, Go, gopher, Go_") == ["node.js→Node.js", "Go→Go"])
    }

    @Test func firstPhraseKeepsADuplicate() {
        let matcher = TermMatcher([("SQL", 0), ("sql", 1)])
        #expect(matcher.matches(in: "SQL").map(\.target) == [0])
    }
}
