import Testing
@testable import Glossa

@Suite struct MarkdownRendererTests {
    let renderer = MarkdownRenderer()

    @Test func headingsGetUniqueUnicodeAwareIDs() {
        let body = renderer.render("## Overview\n\n## Overview\n\n### Café & Crème\n\n## 数据库\n")
        #expect(body.headings.map(\.id) == ["overview", "overview-1", "café--crème", "数据库"])
        #expect(body.html.contains(#"<h2 id="overview">"#))
        #expect(body.html.contains(##"<a class="anchor" href="#overview-1""##))
    }

    @Test func reportsLinksWithRealFileLines() throws {
        let body = renderer.render("Intro.\n\nSee [the API](/glossary/api/) and ![x](pic.png).\n", firstLine: 5)
        #expect(body.links.map(\.destination) == ["/glossary/api/", "pic.png"])
        let link = try #require(body.links.first)
        #expect(link.line == 7)
        #expect(link.column == 5)
        #expect(body.links[1].isImage)
    }

    @Test func gfmExtensionsAndFootnotes() {
        let body = renderer.render("| a | b |\n|---|---|\n| 1 | 2 |\n\n~~gone~~ www.example.com\n\n- [x] done\n\nNote.[^1]\n\n[^1]: The note.\n")
        #expect(body.html.contains("<table>"))
        #expect(body.html.contains("<del>gone</del>"))
        #expect(body.html.contains(#"<a href="http://www.example.com">"#))
        #expect(body.html.contains(#"type="checkbox""#))
        #expect(body.html.contains("footnote"))
    }

    @Test func rawHTMLIsFilteredUnlessAllowed() {
        let safe = renderer.render("<script>alert(1)</script>\n\n[x](javascript:alert(1))\n")
        #expect(!safe.html.contains("<script>"))
        #expect(!safe.html.contains("javascript:"))
        let unsafe = MarkdownRenderer(options: .init(unsafeHTML: true)).render("<div class=\"x\">hi</div>\n")
        #expect(unsafe.html.contains(#"<div class="x">"#))
    }

    @Test func countsCJKByCharacters() {
        #expect(renderer.render("one two three").wordCount == 3)
        #expect(renderer.render("数据库是一个系统").wordCount == 8)
        #expect(renderer.render("Use `code` here").wordCount == 3)
    }

    /// The word count's byte-level fast path agrees with counting by Unicode scalar properties.
    @Test func wordCountAgreesWithScalarRules() {
        func reference(_ text: String) -> Int {
            var count = 0, inWord = false
            for scalar in text.unicodeScalars {
                if scalar.isCJK { count += 1; inWord = false }
                else if scalar.properties.isWhitespace { inWord = false }
                else if !inWord { count += 1; inWord = true }
            }
            return count
        }
        var generator = SystemRandomNumberGenerator()
        let pieces = ["word", "a", "x1", "é", "数", "据", " ", " ", "  ", "\u{A0}", "\u{2003}", "\u{3000}", "\t", "\u{1F}", "\u{7F}", "'", ".", "—"]
        for _ in 0..<500 {
            let text = "Start " + (0..<Int.random(in: 1...30, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined() + " end"
            #expect(renderer.render(text[...]).wordCount == reference(text), "\(text.debugDescription)")
        }
    }

    @Test func firstParagraphAndTitleHeading() {
        let body = MarkdownRenderer(options: .init(removeFirstHeading: true)).render("# The Title\n\nFirst *para*.\n\nSecond.\n")
        #expect(body.firstHeadingTitle == "The Title")
        #expect(body.firstParagraph == "First para.")
        #expect(!body.html.contains("The Title"))
    }
}
