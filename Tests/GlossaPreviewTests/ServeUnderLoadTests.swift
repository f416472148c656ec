import Foundation
import Glossa
@testable import GlossaPreview
import Testing

/// Under load while a file is edited and the site rebuilt, no request fails and no half-written
/// page is ever served: `glossa serve` itself (watcher, debouncer, quick render, full rebuild,
/// atomic swap, HTTP server) on a real socket, with clients requesting pages without pause while
/// an editor saves again after every rebuild. `scripts/serve-under-load.sh` does the same with wrk.
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

    static let edits = 12
    static let clients = 4

    @Test func everyRequestDuringRebuildsGetsACompletePage() async throws {
        let site = TestFolder()
        defer { site.remove() }
        try SiteScaffold.create(at: site.url, date: ContentDate(year: 2024, month: 3, day: 19))
        let server = try await ServeProcess(site: site.url)
        defer { server.stop() }
        let client = HTTPTestClient(port: server.port)
        let printed = server.lines

        let home = try await client.get("/")
        let stylesheet = try #require(home.body.firstMatch(of: /\/assets\/style[^"]*\.css/).map { String($0.output) })
        // Every other request is for the page being edited, which quick render replaces in place.
        let edited = "/glossary/static-site-generator/"
        let paths = ["/", "/glossary/", "/blog/", "/blog/welcome/", "/about/", stylesheet].flatMap { [edited, $0] }
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
                    try await Self.edit(site.url.appendingPathComponent("Content/glossary/static-site-generator.md"), printed: printed)
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
        let lines = await printed.elements
        #expect(lines.count { $0.hasPrefix("Built ") } >= 1 + Self.edits, "\(lines)")
        #expect(!lines.contains { $0.hasPrefix("Build failed") }, "\(lines)")
        let term = try await client.get("/glossary/static-site-generator/")
        #expect(term.body.contains("Edit number \(Self.edits) under load."))
    }

    /// Saves the term `edits` times, each time once the previous save has been rebuilt.
    static func edit(_ term: URL, printed: EventRecorder<String>) async throws {
        let original = try String(contentsOf: term, encoding: .utf8)
        for edit in 1...edits {
            let built = await printed.elements.count { $0.hasPrefix("Built ") }
            // An editor's save: truncate, then write.
            try Data((original + "\nEdit number \(edit) under load.\n").utf8).write(to: term)
            _ = await printed.wait(upTo: .seconds(30)) { $0.count { $0.hasPrefix("Built ") } > built }
        }
    }
}

/// A flag the clients poll and the editor turns off when it is done.
actor ManagedFlag {
    private(set) var isOn = true
    func turnOff() { isOn = false }
}
