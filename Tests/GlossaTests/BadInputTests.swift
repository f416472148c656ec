import Foundation
import Testing
@testable import Glossa

/// Every kind of broken input gets a clear diagnostic at `file:line`, nothing crashes, and the
/// previous output survives.
@Suite struct BadInputTests {
    func errors(_ files: [String: String]) async throws -> [Diagnostic] {
        let site = try TemporarySite(files: files)
        return await site.buildErrors()
    }

    @Test func invalidYAMLShowsLineColumnAndCaret() async throws {
        let diagnostics = try await errors(["Content/glossary/api.md": "---\ntitle: API\ntags: [a, b\nauthor: x\n---\nBody\n"])
        let first = try #require(diagnostics.first)
        #expect(first.location?.file == "Content/glossary/api.md")
        #expect(first.location?.line == 4)
        #expect(first.formatted.contains("error: invalid YAML front matter"))
        #expect(first.formatted.hasSuffix("^"))
    }

    @Test func missingTitleFallsBackWithAWarning() async throws {
        let site = try TemporarySite(files: [
            "Content/glossary/from-heading.md": "---\ndescription: x\n---\n# Heading Title\n\nText.\n",
            "Content/glossary/from-file-name.md": "Just text.\n",
        ])
        let report = try await site.build()
        #expect(report.warnings.map(\.message).contains { $0.contains("using the first heading \"Heading Title\"") })
        #expect(report.warnings.map(\.message).contains { $0.contains("using the file name \"From File Name\"") })
        #expect(try site.read("Output/glossary/from-heading/index.html").contains("<h1>Heading Title</h1>"))
        let strict = await site.buildErrors { $0.strict = true }
        #expect(strict.allSatisfy { $0.severity == .error })
        #expect(strict.filter { $0.message.hasPrefix("no 'title' in front matter") }.count == 2)
    }

    @Test func unparseableDatePointsAtTheValue() async throws {
        let diagnostics = try await errors(["Content/glossary/api.md": "---\ntitle: API\ndate: 2024-13-45\n---\n"])
        #expect(diagnostics.filter { $0.severity == .error }.map(\.formatted) == ["""
        Content/glossary/api.md:3:7: error: cannot read date "2024-13-45"; write it as 2024-03-19, 2024-03-19T10:00:00Z or 2024-03-19 10:00:00 +0800
        date: 2024-13-45
              ^
        """])
    }

    @Test func duplicateSlugsNameBothFiles() async throws {
        let diagnostics = try await errors([
            "Content/glossary/api.md": termFile(title: "API"),
            "Content/glossary/other.md": termFile(title: "Other", extra: "slug: api\n"),
        ])
        #expect(diagnostics.count == 1)
        #expect(diagnostics[0].location?.file == "Content/glossary/other.md")
        #expect(diagnostics[0].message.contains("same URL /glossary/api/ as Content/glossary/api.md"))
    }

    @Test func unknownAuthorSuggestsTheNearestOne() async throws {
        let diagnostics = try await errors([
            "Content/site.yml": "title: T\nbaseURL: https://t.example/\nauthors:\n  ada: { name: Ada }\n",
            "Content/glossary/api.md": termFile(title: "API", extra: "author: adda\n"),
        ])
        #expect(diagnostics.map(\.formatted) == ["""
        Content/glossary/api.md:4:1: error: unknown author 'adda'; did you mean 'ada'?
        """])
    }

    @Test func relatedSlugThatDoesNotExist() async throws {
        let diagnostics = try await errors([
            "Content/glossary/api.md": termFile(title: "API", extra: "related: [databse]\n"),
            "Content/glossary/database.md": termFile(title: "Database"),
        ])
        #expect(diagnostics.filter { $0.severity == .error }.map(\.message)
                == ["related 'databse' is not the slug of any term or post; did you mean 'database'?"])
        #expect(diagnostics.first?.location?.line == 4)
    }

    @Test func invalidUTF8EmptyAndRandomBytes() async throws {
        let site = try TemporarySite(files: ["Content/glossary/empty.md": "  \n"])
        try site.write(Data("---\ntitle: ok\n---\nbad \u{FF}".utf8.dropLast(2)) + Data([0xC3, 0x28]), to: "Content/glossary/latin1.md")
        var generator = SystemRandomNumberGenerator()
        try site.write(Data((0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }), to: "Content/glossary/noise.md")
        let diagnostics = await site.buildErrors()
        let byFile = Dictionary(grouping: diagnostics, by: { $0.location?.file ?? "" })
        #expect(byFile["Content/glossary/empty.md"]?.first?.message.contains("file is empty") == true)
        #expect(byFile["Content/glossary/latin1.md"]?.first?.message.contains("not valid UTF-8") == true)
        #expect(byFile["Content/glossary/latin1.md"]?.first?.location?.line == 4)
        #expect(byFile["Content/glossary/noise.md"]?.isEmpty == false)
    }

    @Test func templateWithMissingPartial() async throws {
        let site = try TemporarySite()
        try site.write("{{<layout}}{{$main}}\n  {{> no-such-partial}}\n{{/main}}{{/layout}}\n", to: "Templates/term.mustache")
        let diagnostics = await site.buildErrors()
        #expect(diagnostics.map(\.formatted).contains("""
        Templates/term.mustache:2:3: error: template refers to 'no-such-partial', but there is no Templates/no-such-partial.mustache or Templates/partials/no-such-partial.mustache
          {{> no-such-partial}}
          ^
        """))
    }

    @Test func templateSyntaxErrorAndMissingTemplate() async throws {
        let site = try TemporarySite()
        try site.write("{{<layout}}{{$main}}\n{{#open}}\n{{/main}}{{/layout}}\n", to: "Templates/post.mustache")
        try FileManager.default.removeItem(at: site.folder.appendingPathComponent("Templates/tag.mustache"))
        let diagnostics = await site.buildErrors()
        #expect(diagnostics.contains { $0.location?.file == "Templates/post.mustache" && $0.message.hasPrefix("template syntax error") })
        #expect(diagnostics.contains { $0.message == "missing template: the theme needs Templates/tag.mustache" })
    }

    @Test func slugThatClimbsOutIsAnError() async throws {
        let diagnostics = try await errors(["Content/glossary/x.md": termFile(title: "X", extra: "slug: ../../x\n")])
        #expect(diagnostics.first?.message.hasPrefix("slug '../../x' is not a single safe URL segment") == true)
        #expect(diagnostics.first?.location?.line == 4)
    }

    @Test func failedBuildLeavesPreviousOutputIntact() async throws {
        let site = try TemporarySite(files: ["Content/glossary/api.md": termFile(title: "API")])
        try await site.build()
        let before = try GoldenSiteTests.files(in: site.folder.appendingPathComponent("Output"))
        try site.write("---\ntitle: [broken\n---\n", to: "Content/glossary/api.md")
        let diagnostics = await site.buildErrors()
        #expect(!diagnostics.isEmpty)
        #expect(try GoldenSiteTests.files(in: site.folder.appendingPathComponent("Output")) == before)
        #expect(!site.exists(".Output.glossa-staging"))
    }

    @Test func refusesToReplaceAFolderGlossaDidNotWrite() async throws {
        let site = try TemporarySite(files: ["Content/glossary/api.md": termFile(title: "API")])
        try site.write("precious", to: "Output/notes.txt")
        let diagnostics = await site.buildErrors()
        #expect(diagnostics.first?.message.contains("refusing to replace") == true)
        #expect(try site.read("Output/notes.txt") == "precious")
    }

    @Test func postsNeedADateAndSiteConfigErrorsAreCollected() async throws {
        let diagnostics = try await errors([
            "Content/site.yml": "title: T\nbaseURL: ftp://x\nwordsPerMinute: fast\nbrokenLinks: maybe\n",
            "Content/blog/p.md": "---\ntitle: P\n---\nBody\n",
        ])
        let messages = diagnostics.map(\.message)
        #expect(messages.contains("baseURL must start with https://, http:// or /"))
        #expect(messages.contains("'wordsPerMinute' must be a whole number above zero"))
        #expect(messages.contains("'brokenLinks' must be 'error' or 'warn'"))
    }

    @Test func draftsAreSkippedUnlessAsked() async throws {
        let site = try TemporarySite(files: ["Content/glossary/d.md": termFile(title: "D", extra: "draft: true\n")])
        try await site.build()
        #expect(!site.exists("Output/glossary/d/index.html"))
        try await site.build { $0.includeDrafts = true }
        #expect(site.exists("Output/glossary/d/index.html"))
    }
}

/// Pathological but valid input ends in a correct page, not a crash or a hang (the time limit is the bound).
@Suite(.timeLimit(.minutes(1))) struct HugeInputTests {
    @Test func deepNestingLongLinesAndBigArticlesBuild() async throws {
        let site = try TemporarySite(files: [
            "Content/glossary/nested.md": termFile(title: "Nested", body: String(repeating: "- ", count: 10_000) + "bottom\n"),
            "Content/glossary/quotes.md": termFile(title: "Quotes", body: String(repeating: ">", count: 5_000) + " deep\n"),
            "Content/glossary/line.md": termFile(title: "Line", body: String(repeating: "word ", count: 200_000)),
            "Content/glossary/big.md": termFile(title: "Big", body: String(repeating: String(repeating: "Text about Quotes and more. ", count: 30) + "\n\n", count: 5_000)),
        ])
        try await site.build()
        #expect(try site.read("Output/glossary/nested/index.html").contains("bottom"))
        #expect(try site.read("Output/glossary/line/index.html").count > 1_000_000)
        let big = try site.read("Output/glossary/big/index.html")
        #expect(big.contains(#"href="/glossary/quotes/""#), "cross-links still work in a 4 MB article")
    }
}

@Suite struct UnwritableOutputTests {
    /// Root ignores permission bits, so the unwritable place is a path through a regular file.
    @Test func outputThatCannotBeCreatedIsAClearError() async throws {
        let site = try TemporarySite(files: ["Content/glossary/api.md": termFile(title: "API"), "not-a-folder": "x"])
        let diagnostics = await site.buildErrors { $0.outputFolder = site.folder.appendingPathComponent("not-a-folder/Output") }
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.message.hasPrefix("cannot create") == true, "\(diagnostics)")
        #expect(try site.read("not-a-folder") == "x")
    }
}
