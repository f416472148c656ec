import Foundation
import Glossa
@testable import GlossaPreview
import Testing

/// The whole loop on a real site: save → one rebuild → one reload; a broken file → an error
/// event and the last good site kept; the fix → a reload that clears it.
@Suite(.serialized)
struct PreviewSessionTests {
    struct Loop {
        var site: TestFolder
        var session: PreviewSession
        var events: EventRecorder<LiveReload.Event>
        var reports: EventRecorder<String>
    }

    static func withLoop(_ body: (Loop) async throws -> Void) async throws {
        let site = TestFolder()
        defer { site.remove() }
        try SiteScaffold.create(at: site.url, date: ContentDate(year: 2024, month: 3, day: 19))
        var options = BuildOptions(siteFolder: site.url)
        options.jobs = 2
        let reports = EventRecorder<String>()
        // A stream keeps the reports in the order they were made.
        let (reportStream, reportContinuation) = AsyncStream.makeStream(of: String.self)
        let recording = Task { for await report in reportStream { await reports.record(report) } }
        defer { recording.cancel() }
        let liveReload = LiveReload()
        let session = PreviewSession(options: options, liveReload: liveReload) { event in
            switch event {
            case .rebuilding: reportContinuation.yield("rebuilding")
            case .rebuilt: reportContinuation.yield("rebuilt")
            case .failed: reportContinuation.yield("failed")
            default: break
            }
        }
        #expect(await session.build())
        let events = EventRecorder<LiveReload.Event>()
        let stream = await liveReload.subscribe()
        let listening = Task { for await event in stream { await events.record(event) } }
        let watcher = session.startWatching()
        let running = Task { await session.run(watcher: watcher) }
        try await Task.sleep(for: .milliseconds(100))
        _ = await reports.wait { $0.count == 1 }
        try await body(Loop(site: site, session: session, events: events, reports: reports))
        watcher.stop()
        await running.value
        await liveReload.close()
        await listening.value
    }

    @Test func anEditRebuildsOnceAndReloadsOnlyWhatChanged() async throws {
        try await Self.withLoop { loop in
            let term = loop.site.url.appendingPathComponent("Content/glossary/static-site-generator.md")
            var text = try String(contentsOf: term, encoding: .utf8)
            text += "\nOne more sentence.\n"
            // An editor's save: truncate and write, twice in quick succession.
            try Data(text.utf8).write(to: term)
            try Data((text + "And another.\n").utf8).write(to: term)
            let pageURL = "/glossary/static-site-generator/"
            @Sendable func reloadsPage(_ event: LiveReload.Event) -> Bool {
                if case .reloadPages(let pages) = event { pages.contains(pageURL) } else { false }
            }
            #expect(await loop.events.wait { $0.contains(where: reloadsPage) })
            #expect(await loop.reports.wait { $0.count == 3 })
            try await Task.sleep(for: .milliseconds(600))
            #expect(await loop.reports.elements == ["rebuilt", "rebuilding", "rebuilt"], "one rebuild for the burst of saves")
            let events = await loop.events.elements
            #expect(!events.contains(.reload), "an edited body reloads the pages that show it, not every page: \(events)")
            #expect(events.contains(where: reloadsPage))
            let page = try String(contentsOf: loop.site.url.appendingPathComponent("Output/glossary/static-site-generator/index.html"), encoding: .utf8)
            #expect(page.contains("And another."))
            #expect(!page.contains("__glossa"), "the reload script is added when serving, never written to Output/")
        }
    }

    @Test func aBodyEditIsRenderedBeforeTheRebuild() async throws {
        try await Self.withLoop { loop in
            let path = loop.site.url.appendingPathComponent("Content/glossary/static-site-generator.md").path
            let text = try String(contentsOfFile: path, encoding: .utf8)
            try Data((text + "\nRendered ahead.\n").utf8).write(to: URL(fileURLWithPath: path))
            #expect(await loop.session.quickRender([path]))
            let page = try String(contentsOf: loop.site.url.appendingPathComponent("Output/glossary/static-site-generator/index.html"), encoding: .utf8)
            #expect(page.contains("Rendered ahead."))
            #expect(await loop.events.wait { $0.contains(.reloadPages(["/glossary/static-site-generator/index.html", "/glossary/static-site-generator/"])) })
        }
    }

    @Test func aBrokenFileShowsItsErrorAndTheFixClearsIt() async throws {
        try await Self.withLoop { loop in
            try loop.site.write("Content/glossary/broken.md", "---\ntitle: Broken\ndate: 2024-13-45\n---\nBody.\n")
            #expect(await loop.events.wait { $0.count == 1 })
            guard case .error(let text)? = await loop.events.elements.first else {
                Issue.record("expected an error event, got \(await loop.events.elements)")
                return
            }
            #expect(text.contains("Content/glossary/broken.md:3:7: error:"))
            #expect(await loop.session.liveReload.errorText == text)
            let home = loop.site.url.appendingPathComponent("Output/index.html")
            #expect(FileManager.default.fileExists(atPath: home.path), "the last good site stays")

            // A page loaded now gets the error at once, too.
            let late = await loop.session.liveReload.subscribe()
            var iterator = late.makeAsyncIterator()
            #expect(await iterator.next() == .error(text))

            try loop.site.write("Content/glossary/broken.md", "---\ntitle: Broken\ndate: 2024-12-01\n---\nBody.\n")
            #expect(await loop.events.wait { $0.count == 2 })
            #expect(await loop.events.elements.last == .reload)
            #expect(await loop.session.liveReload.errorText == nil)
            #expect(await loop.reports.elements == ["rebuilt", "rebuilding", "failed", "rebuilding", "rebuilt"])
        }
    }

    @Test func aSaveThatChangesNoOutputDoesNotReload() async throws {
        try await Self.withLoop { loop in
            // Touching the file changes its mtime but not one byte of output.
            let term = loop.site.url.appendingPathComponent("Content/glossary/static-site-generator.md")
            try FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: term.path)
            #expect(await loop.reports.wait { $0.count == 3 })
            try await Task.sleep(for: .milliseconds(200))
            #expect(await loop.events.elements.isEmpty)
        }
    }
}
