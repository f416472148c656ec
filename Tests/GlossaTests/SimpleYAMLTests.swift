import Foundation
import Testing
@testable import Glossa

/// `SimpleYAML` may decline any block, but where it answers it must answer exactly what Yams
/// does: the same fields, values, lines and columns.
@Suite struct SimpleYAMLTests {
    static let lines = [
        "title: \"Access Aggregation\"", "title: 'Single quoted'", "title: plain words here", "title: ünïcödé",
        "title: \"ünïcödé: with a colon\"", "title: e.g. this one", "title: a/b", "title: -dash", "title: Infinity",
        "title: NaN", "title: nan", "title: .inf", "title: yes", "title: No", "title: ON", "title: y", "title: null",
        "title: ~", "title:", "title: \"x\" # comment", "title: a # comment", "title: \"trailing\" ", "title: 'it''s'",
        "title: \"a \\\"q\\\"\"", "title: \"tab\there\"", "title: \"\"", "title: ''", "title: a  two  spaces",
        "date: 2024-03-19", "date: 2024-03-19T10:00:00Z", "date: 2024-3-19", "count: 12", "ratio: 1.5", "x: 0x1F",
        "x: 1_000", "x: 12:30", "draft: true", "draft: false",
        "tags: [\"computer-vision\", \"data-structures\"]", "tags: [a, b, \"c d\"]", "tags: []", "tags: [ ]", "tags: [a,b]",
        "tags: [yes, no]", "tags: [1, 2]", "tags: [a, ]", "tags: [\"a, b\"]", "tags: [[a]]", "tags: {a: b}",
        "related: [\"declarative-build-batching\"]", "author: mkhan", "author_id: m-khan", "_private: x", "9key: x",
        "two words: x", "key : x", "key:x",
    ]

    static func yams(_ yaml: String) -> [String: FrontMatter.Field]? {
        try? FrontMatter.parseYAMLWithYams(yaml, source: try SourceText.decode(Array("---\n\(yaml)\n---\n".utf8), path: "t.md"))
    }

    static func expectAgreement(_ yaml: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        guard let simple = SimpleYAML.fields(in: yaml) else { return }
        guard let reference = yams(yaml) else {
            Issue.record("SimpleYAML read \(yaml.debugDescription), which Yams rejects", sourceLocation: sourceLocation)
            return
        }
        #expect(simple.count == reference.count, "\(yaml.debugDescription)", sourceLocation: sourceLocation)
        for field in simple {
            let expected = reference[field.key]
            #expect(expected?.value == field.value, "\(yaml.debugDescription): \(field.key)", sourceLocation: sourceLocation)
            #expect(expected?.line == field.line + 2 && expected?.column == 1, "\(yaml.debugDescription): position", sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: lines)
    func agreesWithYamsOnOneLine(line: String) {
        Self.expectAgreement(line)
    }

    @Test func agreesWithYamsOnGeneratedBlocks() {
        var state: UInt64 = 0x5EED
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0..<500 {
            let count = 1 + next(6)
            let block = (0..<count).map { _ in next(5) == 0 ? "" : Self.lines[next(Self.lines.count)] }
            Self.expectAgreement(block.joined(separator: "\n"))
        }
    }

    @Test func agreesWithYamsOnEveryFixtureFile() throws {
        var read = 0
        let files = FileManager.default.enumerator(atPath: TestPaths.fixtures.path)
        while let path = files?.nextObject() as? String {
            guard path.hasSuffix(".md"), let text = try? String(contentsOf: TestPaths.fixtures.appendingPathComponent(path), encoding: .utf8),
                  text.hasPrefix("---\n"), let end = text.range(of: "\n---\n", range: text.index(text.startIndex, offsetBy: 3)..<text.endIndex)
            else { continue }
            let yaml = String(text[text.index(text.startIndex, offsetBy: 4)..<end.lowerBound])
            Self.expectAgreement(yaml)
            if SimpleYAML.fields(in: yaml) != nil { read += 1 }
        }
        #expect(read > 5, "the fast path reads ordinary front matter")
    }

    @Test func readsTypicalFrontMatterWithoutYams() {
        let yaml = "title: \"Access Aggregation\"\ndate: 2015-06-30\ndescription: \"What it is.\"\ntags: [\"a\", \"b\"]\nauthor: mkhan\n"
        #expect(SimpleYAML.fields(in: yaml)?.map(\.key) == ["title", "date", "description", "tags", "author"])
        #expect(SimpleYAML.fields(in: "title: x\ntitle: y") == nil, "duplicate keys go to Yams")
        #expect(SimpleYAML.fields(in: "title: yes") == nil)
        #expect(SimpleYAML.fields(in: "nested:\n  key: x") == nil)
    }
}
