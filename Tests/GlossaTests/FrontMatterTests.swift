import Testing
@testable import Glossa

@Suite struct FrontMatterTests {
    func source(_ text: String) -> SourceText { SourceText(path: "Content/glossary/x.md", text: text) }

    @Test func splitsYAMLAndCountsBodyLines() throws {
        let matter = try FrontMatter.parse(source("---\ntitle: API\ntags: [a, b]\ncustom: 3\n---\nBody\n"))
        #expect(matter["title"]?.value == .string("API"))
        #expect(matter["tags"]?.value.textList == ["a", "b"])
        #expect(matter["custom"]?.value == .int(3))
        #expect(matter["tags"]?.line == 3)
        #expect(matter.bodyStartLine == 6)
        #expect(matter.body == "Body\n")
    }

    @Test func acceptsTOMLAsHugoWritesIt() throws {
        let matter = try FrontMatter.parse(source("+++\ntitle = \"Cache\"\ndate = 2024-03-19\ntags = [\"x\"]\n+++\nBody"))
        #expect(matter["title"]?.value == .string("Cache"))
        #expect(matter["date"]?.value == .string("2024-03-19"))
        #expect(matter["tags"]?.line == 4)
        #expect(matter.bodyStartLine == 6)
    }

    @Test func decodesBOMAndCRLF() throws {
        let text = try SourceText.decode(Array("\u{FEFF}---\r\ntitle: X\r\n---\r\nBody\r\n".utf8), path: "x.md")
        let matter = try FrontMatter.parse(text)
        #expect(matter["title"]?.value == .string("X"))
        #expect(matter.body == "Body\n")
    }

    @Test func invalidYAMLPointsAtTheRealLine() {
        #expect {
            try FrontMatter.parse(source("---\ntitle: ok\ntags: [a, b\n---\n"))
        } throws: { error in
            let diagnostic = (error as! BuildError).diagnostics[0]
            return diagnostic.location?.line ?? 0 >= 3 && diagnostic.message.hasPrefix("invalid YAML front matter")
        }
    }

    @Test func unclosedFrontMatterIsAnError() {
        #expect {
            try FrontMatter.parse(source("---\ntitle: x\n"))
        } throws: { error in
            (error as! BuildError).diagnostics[0].formatted == """
            Content/glossary/x.md:1:1: error: front matter opened with '---' is never closed; add a line '---' after it
            ---
            ^
            """
        }
    }

    @Test func invalidUTF8NamesTheLine() {
        #expect {
            try SourceText.decode(Array("---\ntitle: ok\n---\nfine\nbad ".utf8) + [0xFF, 0x41], path: "x.md")
        } throws: { error in
            (error as! BuildError).diagnostics[0].location == SourceLocation(file: "x.md", line: 5, column: 5)
        }
    }
}
