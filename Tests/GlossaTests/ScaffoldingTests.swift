import Foundation
@testable import Glossa
import Testing

/// `glossa new` and `glossa init`: the files they write, and that they never overwrite.
struct ScaffoldingTests {
    static let date = ContentDate(year: 2024, month: 3, day: 19)

    static func temporaryFolder(_ name: String = #function) -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("glossa-\(name.filter(\.isLetter))-\(UUID().uuidString.prefix(8))")
        try? FileManager.default.createDirectory(at: url.appendingPathComponent("Content"), withIntermediateDirectories: true)
        return url
    }

    @Test func newTermHasFrontMatterAndTheFiveParts() throws {
        let term = NewContent(kind: .term, title: "Back End Developer", tags: ["careers", " server-side "], date: Self.date)
        #expect(term.text == """
            ---
            title: Back End Developer
            description: "TODO: one sentence about Back End Developer, shown in indexes, previews and search results."
            date: 2024-03-19
            tags: [careers, server-side]
            ---

            Back End Developer is … (a short introduction: what it is, in one or two plain sentences).

            ## Overview

            TODO

            ## Advantages

            TODO

            ## Applications

            TODO

            ## Conclusion

            TODO

            """)
        #expect(try term.relativePath() == "Content/glossary/back-end-developer.md")
    }

    @Test func newPostGoesToTheBlog() throws {
        let post = NewContent(kind: .post, title: "Surviving On-Call", date: Self.date)
        #expect(try post.relativePath() == "Content/blog/surviving-on-call.md")
        #expect(post.text.hasPrefix("---\ntitle: Surviving On-Call\ndescription: "))
        #expect(post.text.contains("\ndate: 2024-03-19\ntags: []\n---\n"))
    }

    @Test func titlesThatYAMLWouldMisreadAreQuoted() throws {
        let cases = ["C#", "Yes", "Node.js: a runtime", "\"Quoted\" #1", "2024", "What is REST?", "C++ [basics]"]
        for title in cases {
            let text = NewContent(kind: .term, title: title, tags: ["a, b", "x"], date: Self.date).text
            let front = try FrontMatter.parse(SourceText.decode(Array(text.utf8), path: "t.md"))
            #expect(front["title"]?.value == .string(title), "\(title) → \(text.split(separator: "\n")[1])")
        }
    }

    @Test func newRefusesToOverwrite() throws {
        let site = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: site) }
        let term = NewContent(kind: .term, title: "API", date: Self.date)
        #expect(try term.create(in: site) == "Content/glossary/api.md")
        try Data("mine".utf8).write(to: site.appendingPathComponent("Content/glossary/api.md"))
        #expect(throws: BuildError.self) { try term.create(in: site) }
        #expect(try String(contentsOf: site.appendingPathComponent("Content/glossary/api.md"), encoding: .utf8) == "mine")

        try FileManager.default.createDirectory(at: site.appendingPathComponent("Content/glossary/cache"), withIntermediateDirectories: true)
        do {
            try NewContent(kind: .term, title: "Cache", date: Self.date).create(in: site)
            Issue.record("a page bundle folder of the same slug must block the new file")
        } catch {
            #expect(error.diagnostics.first?.message.hasPrefix("Content/glossary/cache/ already exists") == true)
        }
    }

    @Test func newNeedsATitleWithLettersAndASite() {
        #expect(throws: BuildError.self) { try NewContent(kind: .term, title: "!!!", date: Self.date).relativePath() }
        let notASite = FileManager.default.temporaryDirectory.appendingPathComponent("glossa-not-a-site-\(UUID().uuidString.prefix(8))")
        #expect(throws: BuildError.self) { try NewContent(kind: .term, title: "API", date: Self.date).create(in: notASite) }
    }

    @Test func initMakesASiteThatBuilds() async throws {
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("glossa-init-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: site) }
        let files = try SiteScaffold.create(at: site, date: Self.date)
        #expect(files.contains("Content/site.yml"))
        #expect(files.contains("Content/glossary/static-site-generator.md"))
        #expect(files.contains("Content/blog/welcome.md"))
        #expect(files.contains("Content/pages/about.md"))
        #expect(files.contains("Templates/layout.mustache"))

        let report = try await SiteBuilder.build(BuildOptions(siteFolder: site))
        #expect(report.terms == 1)
        #expect(report.posts == 1)
        #expect(report.warnings.isEmpty, "\(report.warnings.map(\.formatted))")
        let page = try String(contentsOf: site.appendingPathComponent("Output/glossary/static-site-generator/index.html"), encoding: .utf8)
        #expect(page.contains("Static Site Generator"))
        #expect(!page.contains("__glossa"), "glossa build output never carries the live-reload script")

        #expect(throws: BuildError.self) { try SiteScaffold.create(at: site, date: Self.date) }
    }
}
