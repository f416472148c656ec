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

    @Test func loneCarriageReturnsAndNULBytes() throws {
        #expect(try SourceText.decode(Array("a\rb\r\nc\n\r".utf8), path: "x.md").text == "a\nb\nc\n\n")
        #expect(try SourceText.decode(Array("plain\n".utf8), path: "x.md").text == "plain\n")
        #expect(try SourceText.decode([], path: "x.md").text == "")
        #expect {
            try SourceText.decode(Array("one\ntwo\nthr".utf8) + [0] + Array("ee\r\n".utf8), path: "x.md")
        } throws: { error in
            let diagnostic = (error as! BuildError).diagnostics[0]
            return diagnostic.location == SourceLocation(file: "x.md", line: 3) && diagnostic.message.contains("NUL")
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

/// Inputs the fuzzers found; each once crashed a build.
@Suite struct FuzzRegressionTests {
    /// `FuzzArticle`: toml++ asserted (abort) on a date-time whose time part is not digits.
    @Test(arguments: ["date = 2024-02-01Tj09:30:00Z", "date = 2024-02-01T", "when = 07:3x:00", "d = [2024-01-01, 2024-13-99]",
                      "date = 2024-02-01 1x:00:00"])
    func malformedTOMLDatesAreDiagnosticsNotCrashes(line: String) {
        let text = "+++\ntitle = \"Database\"\n\(line)\n+++\nBody\n"
        #expect {
            try FrontMatter.parse(SourceText(path: "x.md", text: text))
        } throws: { error in
            let diagnostic = (error as! BuildError).diagnostics[0]
            return diagnostic.location?.line == 3 && diagnostic.message.contains("not a valid date or time")
        }
    }

    /// `FuzzArticle`: toml++ asserted in `parse_key` on a table header opened with three brackets.
    @Test(arguments: ["[[[[title = \"x\"", "[[[a]]]", "[a.]", "[]", "= 3", "[a", "[\"open]"])
    func malformedTOMLStructureIsADiagnostic(line: String) {
        let text = "+++\ntitle = \"Database\"\n\(line)\n+++\nBody\n"
        #expect {
            try FrontMatter.parse(SourceText(path: "x.md", text: text))
        } throws: { error in
            (error as! BuildError).diagnostics[0].location?.line == 3
        }
    }

    @Test(arguments: ["date = 2024-02-01T09:30:00Z", "date = 2024-02-01 09:30:00", "date = 1979-05-27T00:32:00.999999-07:00",
                      "t = 07:32:00", "s = \"2024-02-01Tj not a date in a string\"", "n = 2024", "v = '12:xx' # comment 2024-99",
                      "[params]\nx = 1", "[[menu]]\nname = \"a\"", "[a.\"b c\".d] # header", "nested = [[1, 2],\n  [3]]",
                      "t = { a = [1, [2]] }", "\"quoted key\" = 1"])
    func validTOMLPassesTheGuard(line: String) throws {
        let text = "+++\ntitle = \"Database\"\n\(line)\n+++\nBody\n"
        #expect(TOMLPreflight.firstProblem(in: "title = \"Database\"\n\(line)\n") == nil)
        _ = try FrontMatter.parse(SourceText(path: "x.md", text: text))
    }
}
