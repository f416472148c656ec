import Foundation
@testable import GlossaPreview
import Testing

/// The watcher and the debouncer together, on a real temp folder: a burst of saves is one burst.
@Suite(.serialized)
struct SiteWatcherTests {
    /// Starts a watcher on `folder`, feeds a debouncer, and records each burst.
    static func watch(_ folder: TestFolder, polling: Bool, quietPeriod: Duration = .milliseconds(100), _ body: (EventRecorder<Set<String>>) async throws -> Void) async throws {
        let watcher = SiteWatcher.start(watching: [folder.url], forcePolling: polling, pollInterval: .milliseconds(50))
        if !polling { #expect(watcher.method == .inotify) }
        let debouncer = Debouncer(quietPeriod: quietPeriod)
        let bursts = EventRecorder<Set<String>>()
        let feeding = Task {
            for await paths in watcher.changes { await debouncer.add(paths) }
            await debouncer.finish()
        }
        let draining = Task {
            while let burst = await debouncer.nextBurst() { await bursts.record(burst) }
        }
        // Let the watcher settle (the poller takes its first snapshot).
        try await Task.sleep(for: .milliseconds(150))
        try await body(bursts)
        watcher.stop()
        await feeding.value
        await draining.value
    }

    @Test(arguments: [false, true])
    func aBurstOfSavesIsOneChange(polling: Bool) async throws {
        let folder = TestFolder()
        defer { folder.remove() }
        try folder.write("glossary/api.md", "one")
        // A generous quiet period: on a loaded CI machine a 10 ms sleep can take far longer than 100 ms.
        try await Self.watch(folder, polling: polling, quietPeriod: .milliseconds(600)) { bursts in
            for round in 0..<5 {
                try folder.write("glossary/api.md", "save \(round) " + String(repeating: "x", count: round))
                try await Task.sleep(for: .milliseconds(10))
            }
            #expect(await bursts.wait { !$0.isEmpty })
            // Longer than the quiet period and several poll intervals: nothing more may arrive.
            try await Task.sleep(for: .milliseconds(1500))
            let recorded = await bursts.elements
            #expect(recorded.count == 1, "\(recorded)")
            #expect(recorded.first?.contains(folder.path + "/glossary/api.md") == true, "\(recorded)")
        }
    }

    @Test(arguments: [false, true])
    func newFoldersAreWatchedToo(polling: Bool) async throws {
        let folder = TestFolder()
        defer { folder.remove() }
        try folder.write("glossary/api.md", "one")
        try await Self.watch(folder, polling: polling) { bursts in
            try FileManager.default.createDirectory(atPath: folder.path + "/glossary/bundle", withIntermediateDirectories: true)
            #expect(await bursts.wait { $0.count == 1 })
            try await Task.sleep(for: .milliseconds(200))
            try folder.write("glossary/bundle/index.md", "in a new folder")
            #expect(await bursts.wait { $0.count == 2 })
            let recorded = await bursts.elements
            #expect(recorded.last?.contains(folder.path + "/glossary/bundle/index.md") == true, "\(recorded)")
        }
    }

    @Test func editorScratchFilesAreIgnored() async throws {
        let folder = TestFolder()
        defer { folder.remove() }
        try await Self.watch(folder, polling: false) { bursts in
            try folder.write(".api.md.swp", "vim")
            try folder.write("api.md~", "backup")
            try await Task.sleep(for: .milliseconds(400))
            #expect(await bursts.elements.isEmpty)
        }
    }

    @Test func debouncerWaitsForQuiet() async throws {
        let debouncer = Debouncer(quietPeriod: .milliseconds(100))
        let start = ContinuousClock.now
        let burst = Task { await debouncer.nextBurst() }
        for index in 0..<4 {
            await debouncer.add(["/f\(index)"])
            try await Task.sleep(for: .milliseconds(40))
        }
        let paths = await burst.value
        #expect(paths == ["/f0", "/f1", "/f2", "/f3"])
        #expect(ContinuousClock.now - start >= .milliseconds(220), "the last change restarts the quiet period")
        await debouncer.finish()
        #expect(await debouncer.nextBurst() == nil)
    }
}

extension SiteWatcherTests {
    @Test func endlessChangesStillRebuildAfterTheMaximumDelay() async throws {
        let debouncer = Debouncer(quietPeriod: .milliseconds(100), maximumDelay: .milliseconds(300))
        let start = ContinuousClock.now
        let burst = Task { await debouncer.nextBurst() }
        let writer = Task {
            var index = 0
            while !Task.isCancelled {
                await debouncer.add(["/log\(index)"])
                index += 1
                try? await Task.sleep(for: .milliseconds(30))
            }
        }
        let paths = await burst.value
        writer.cancel()
        #expect(paths?.isEmpty == false)
        #expect(ContinuousClock.now - start < .milliseconds(900))
        await debouncer.finish()
    }
}
