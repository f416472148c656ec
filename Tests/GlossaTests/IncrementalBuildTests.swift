import Foundation
import Testing
@testable import Glossa

/// `glossa serve` rebuilds with `BuildMemory` and renders edited pages ahead with
/// `quickRender`. Both are shortcuts: after the rebuild, the output must be byte for byte what a
/// fresh build of the same files writes.
@Suite struct IncrementalBuildTests {
    static func site() throws -> TemporarySite {
        try TemporarySite(templates: .repository, content: TestPaths.fixtures.appendingPathComponent("basic-site/Content"))
    }

    static func output(_ site: TemporarySite) throws -> [String: Data] {
        try GoldenSiteTests.files(in: site.folder.appendingPathComponent("Output"))
    }

    /// What a fresh build of `site`'s current files writes.
    static func freshOutput(of site: TemporarySite) async throws -> [String: Data] {
        let copy = try TemporarySite(templates: .none)
        try FileManager.default.removeItem(at: copy.folder)
        try FileManager.default.copyItem(at: site.folder, to: copy.folder)
        try FileManager.default.removeItem(at: copy.folder.appendingPathComponent("Output"))
        try await copy.build()
        return try output(copy)
    }

    static let term = "Content/glossary/api.md"

    @Test func aBodyEditParsesAndRendersOnlyThatFile() async throws {
        let site = try Self.site()
        let memory = BuildMemory()
        try await SiteBuilder.build(site.options, memory: memory)
        let articles = memory.lastParseCount
        #expect(articles > 5)
        try site.write(try site.read(Self.term) + "\nA new closing sentence mentions the cache.\n", to: Self.term)
        let report = try await SiteBuilder.build(site.options, memory: memory)
        #expect(memory.lastParseCount == 1)
        #expect(memory.lastRenderCount == 1)
        #expect(report.writtenFiles.contains("glossary/api/index.html"))
        #expect(try Self.output(site) == (try await Self.freshOutput(of: site)))
    }

    @Test func aTitleEditRendersEveryBodyAgain() async throws {
        let site = try Self.site()
        let memory = BuildMemory()
        try await SiteBuilder.build(site.options, memory: memory)
        let text = try site.read(Self.term)
        let title = try #require(text.split(separator: "\n").first { $0.hasPrefix("title:") })
        try site.write(text.replacingOccurrences(of: String(title), with: "title: Application Programming Interface"), to: Self.term)
        try await SiteBuilder.build(site.options, memory: memory)
        #expect(memory.lastParseCount == 1)
        #expect(memory.lastRenderCount == memory.rendered.count, "every body may mention the new title")
        #expect(try Self.output(site) == (try await Self.freshOutput(of: site)))
    }

    @Test func addedAndDeletedFilesMatchAFreshBuild() async throws {
        let site = try Self.site()
        let memory = BuildMemory()
        try await SiteBuilder.build(site.options, memory: memory)
        try site.write(termFile(title: "Webhook", description: "A callback over HTTP.", body: "A webhook calls an API."),
                       to: "Content/glossary/webhook.md")
        try await SiteBuilder.build(site.options, memory: memory)
        #expect(try Self.output(site) == (try await Self.freshOutput(of: site)))
        try FileManager.default.removeItem(at: site.folder.appendingPathComponent("Content/glossary/webhook.md"))
        try await SiteBuilder.build(site.options, memory: memory)
        #expect(try Self.output(site) == (try await Self.freshOutput(of: site)))
    }

    @Test func quickRenderWritesTheEditedPageAtOnce() async throws {
        let site = try Self.site()
        let memory = BuildMemory()
        try await SiteBuilder.build(site.options, memory: memory)
        try site.write(try site.read(Self.term) + "\nQuickly rendered sentence.\n", to: Self.term)
        let path = site.folder.appendingPathComponent(Self.term).path
        let written = SiteBuilder.quickRender(changedFiles: [path], memory: memory)
        #expect(written == ["glossary/api/index.html"])
        #expect(try site.read("Output/glossary/api/index.html").contains("Quickly rendered sentence."))
        try await SiteBuilder.build(site.options, memory: memory)
        #expect(try Self.output(site) == (try await Self.freshOutput(of: site)))
    }

    @Test func quickRenderLeavesEditsOtherPagesShowToTheRebuild() async throws {
        let site = try Self.site()
        let memory = BuildMemory()
        try await SiteBuilder.build(site.options, memory: memory)
        let before = try site.read("Output/glossary/api/index.html")
        let path = site.folder.appendingPathComponent(Self.term).path
        let text = try site.read(Self.term)
        let description = try #require(text.split(separator: "\n").first { $0.hasPrefix("description:") })
        try site.write(text.replacingOccurrences(of: String(description), with: "description: Changed where lists show it."), to: Self.term)
        #expect(SiteBuilder.quickRender(changedFiles: [path], memory: memory) == nil)
        try site.write("---\ntitle: New\n---\nNew.\n", to: "Content/glossary/new.md")
        #expect(SiteBuilder.quickRender(changedFiles: [site.folder.appendingPathComponent("Content/glossary/new.md").path], memory: memory) == nil)
        try site.write("---\ntitle: [unclosed\n---\n", to: Self.term)
        #expect(SiteBuilder.quickRender(changedFiles: [path], memory: memory) == nil)
        #expect(try site.read("Output/glossary/api/index.html") == before)
    }
}
