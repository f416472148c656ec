import Foundation
import Glossa
@testable import GlossaPreview
import Testing

/// Under load while a file is edited and the site rebuilt, no request fails and no half-written
/// page is ever served: the whole `glossa serve` loop (watcher, debouncer, builder, atomic swap,
/// HTTP server) on a real socket, with clients requesting pages without pause while an editor
/// saves again after every rebuild. `scripts/serve-under-load.sh` does the same with wrk.
@Suite(.serialized)
struct ServeUnderLoadTests {
    /// What the clients saw: how many responses, and every one that was not a complete page.
    actor Tally {
        private(set) var responses = 0
        private(set) var problems: [String] = []

        func record(_ path: String, _ reply: HTTPTestClient.Reply) {
            responses += 1
            if reply.status != 200 {
                problems.append("\(path): status \(reply.status)")
            } else if reply.headers["content-type"]?.hasPrefix("text/html") == true,
                      !reply.body.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix("</html>") || !reply.body.contains(LiveReload.eventsPath) {
                problems.append("\(path): incomplete page of \(reply.body.utf8.count) bytes ending \(reply.body.suffix(80).debugDescription)")
            }
        }

        func fail(_ path: String, _ error: Error) {
            responses += 1
            problems.append("\(path): \(error)")
        }
    }

    static let edits = 8
    static let clients = 4

    @Test func everyRequestDuringRebuildsGetsACompletePage() async throws {
        let site = TestFolder()
        defer { site.remove() }
        try SiteScaffold.create(at: site.url, date: ContentDate(year: 2024, month: 3, day: 19))
        var options = BuildOptions(siteFolder: site.url)
        options.jobs = 2
        let (reports, reportContinuation) = AsyncStream.makeStream(of: String.self)
        let rebuilds = EventRecorder<String>()
        let recording = Task { for await report in reports { await rebuilds.record(report) } }
        defer { recording.cancel() }
        let session = PreviewSession(options: options, liveReload: LiveReload()) { event in
            switch event {
            case .rebuilt: reportContinuation.yield("rebuilt")
            case .failed(let error): reportContinuation.yield("failed: \(error)")
            default: break
            }
        }
        #expect(await session.build())
        _ = await rebuilds.wait { $0.count == 1 }

        var serverOptions = PreviewServer.Options(build: options)
        serverOptions.port = 0
        let watcher = session.startWatching()
        let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
        let app = PreviewServer(options: serverOptions) { _ in }.makeApplication(session: session, watcher: watcher) { portContinuation.yield($0) }
        let serving = Task { try await app.run() }
        defer { serving.cancel() }
        var portIterator = ports.makeAsyncIterator()
        let client = HTTPTestClient(port: try #require(await portIterator.next()))

        let home = try await client.get("/")
        let stylesheet = try #require(home.body.firstMatch(of: /\/assets\/style[^"]*\.css/).map { String($0.output) })
        let paths = ["/", "/glossary/", "/glossary/static-site-generator/", "/blog/", "/blog/welcome/", "/about/", stylesheet]
        let tally = Tally()
        let editing = ManagedFlag()

        try await withThrowingTaskGroup(of: Void.self) { group in
            for worker in 0..<Self.clients {
                group.addTask {
                    var index = worker
                    while await editing.isOn {
                        let path = paths[index % paths.count]
                        index += 1
                        do {
                            await tally.record(path, try await client.get(path))
                        } catch {
                            await tally.fail(path, error)
                        }
                    }
                }
            }
            group.addTask {
                do {
                    try await Self.edit(site.url.appendingPathComponent("Content/glossary/static-site-generator.md"), rebuilds: rebuilds)
                } catch {
                    await editing.turnOff()
                    throw error
                }
                await editing.turnOff()
            }
            try await group.waitForAll()
        }

        let problems = await tally.problems
        #expect(problems.isEmpty, "\(problems.count) bad responses, first: \(problems.prefix(5))")
        let responses = await tally.responses
        #expect(responses > 100, "only \(responses) requests were made")
        let built = await rebuilds.elements
        #expect(built.filter { $0 == "rebuilt" }.count >= 1 + Self.edits, "\(built)")
        #expect(!built.contains { $0.hasPrefix("failed") }, "\(built)")
        let term = try await client.get("/glossary/static-site-generator/")
        #expect(term.body.contains("Edit number \(Self.edits) under load."))
        watcher.stop()
    }

    /// Saves the term `edits` times, each time as soon as the previous save has been rebuilt.
    static func edit(_ term: URL, rebuilds: EventRecorder<String>) async throws {
        let original = try String(contentsOf: term, encoding: .utf8)
        for edit in 1...edits {
            let before = await rebuilds.elements.count
            // An editor's save: truncate, then write.
            try Data((original + "\nEdit number \(edit) under load.\n").utf8).write(to: term)
            _ = await rebuilds.wait(upTo: .seconds(20)) { $0.count > before }
        }
    }
}

/// A flag the clients poll and the editor turns off when it is done.
actor ManagedFlag {
    private(set) var isOn = true
    func turnOff() { isOn = false }
}
