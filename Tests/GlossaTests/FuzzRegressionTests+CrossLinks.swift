import Testing
@_spi(Fuzzing) @testable import Glossa

extension FuzzRegressionTests {
    /// Found by the `FuzzCrossLinks` checks (terms `.B`, text `.B\n|-|`): a term mentioned in a
    /// table cell vanished from the page. cmark-gfm's table cells refuse the custom inline node
    /// a cross-link is made of; the refused anchor was left detached with the cell's text moved
    /// into it. Table cells are now not offered for cross-links, and a refused anchor leaves the
    /// text where it was.
    @Test func termInATableCellKeepsItsText() async throws {
        let (site, _) = try await LinkingFixture.build([
            "glossary/api.md": LinkingFixture.term("API", body: "Contracts.\n"),
            "glossary/page.md": LinkingFixture.term("Page", body: "| API | b |\n|-|-|\n| an API | x |\n\nThe API again.\n"),
        ])
        let html = site.term("page").body.html
        #expect(html.contains("<th>API</th>"))
        #expect(html.contains("<td>an API</td>"))
        #expect(html.contains(#"The <a class="term-link" href="/glossary/api/""#), "the first mention outside the table is linked")
        #expect(site.slugs(site.backlinks[site.term("api").id]) == ["term/page"])
        #expect(throws: Never.self) { try CrossLinkFuzzing.check(Array(".B\n|-|".utf8)) }
    }
}
