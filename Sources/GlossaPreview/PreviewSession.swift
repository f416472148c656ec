import Foundation
import Glossa
import ServiceLifecycle

/// The authoring loop: watch the sources, wait for a burst of saves to end, rebuild, and tell
/// open pages to reload — or show them why the rebuild failed.
///
/// Rebuilds run one at a time; saves made during a rebuild are collected for the next one.
/// Each rebuild parses and renders only the files that changed (`BuildMemory`). Before it, an
/// edit to an article's body is rendered straight into its page (`SiteBuilder.quickRender`), so
/// the page being written reloads within milliseconds even when the full rebuild takes seconds.
/// Runs as a service beside the HTTP server, and stops when the server shuts down gracefully.
public struct PreviewSession: Sendable {
    public var options: BuildOptions
    public let memory = BuildMemory()
    /// How long saves must pause before the quick render; short, because one editor save is a
    /// few events within a millisecond or two.
    public var quickQuietPeriod: Duration = .milliseconds(15)
    public var liveReload: LiveReload
    public var forcePolling: Bool
    public var quietPeriod: Duration
    public var pollInterval: Duration
    public var report: @Sendable (PreviewEvent) -> Void

    public init(options: BuildOptions, liveReload: LiveReload, forcePolling: Bool = false, quietPeriod: Duration = .milliseconds(100),
                pollInterval: Duration = .milliseconds(500), report: @escaping @Sendable (PreviewEvent) -> Void = { _ in }) {
        self.options = options
        self.liveReload = liveReload
        self.forcePolling = forcePolling
        self.quietPeriod = quietPeriod
        self.pollInterval = pollInterval
        self.report = report
    }

    /// The folders whose changes trigger a rebuild.
    public var watchedFolders: [URL] {
        ["Content", "Templates"].map { options.siteFolder.appendingPathComponent($0) }
    }

    /// Builds once, updating the live-reload state; true when the build succeeded.
    @discardableResult
    public func build() async -> Bool {
        do {
            let result = try await SiteBuilder.build(options, memory: memory)
            await liveReload.buildSucceeded(changedFiles: result.writtenFiles)
            report(.rebuilt(result))
            return true
        } catch {
            await liveReload.buildFailed(error.diagnostics.map(\.formatted).joined(separator: "\n"))
            report(.failed(error))
            return false
        }
    }

    /// Starts watching; the returned watcher's `stop()` ends `run(watcher:)`.
    public func startWatching() -> SiteWatcher {
        SiteWatcher.start(watching: watchedFolders, forcePolling: forcePolling, pollInterval: pollInterval)
    }

    /// Renders the pages of edited articles ahead of the rebuild; false when the change needs the rebuild.
    @discardableResult
    public func quickRender(_ changed: Set<String>) async -> Bool {
        guard await liveReload.errorText == nil, changed.allSatisfy({ $0.hasSuffix(".md") }) else { return false }
        let clock = ContinuousClock()
        let start = clock.now
        guard let pages = SiteBuilder.quickRender(changedFiles: changed, memory: memory), !pages.isEmpty else { return false }
        await liveReload.pagesChanged(pages)
        report(.quickRendered(pages: pages, seconds: Double((clock.now - start) / .milliseconds(1)) / 1000))
        return true
    }

    /// Rebuilds after every burst of changes until the watcher stops.
    public func run(watcher: SiteWatcher) async {
        let debouncer = Debouncer(quietPeriod: quietPeriod)
        let quickDebouncer = Debouncer(quietPeriod: quickQuietPeriod, maximumDelay: .milliseconds(200))
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                for await paths in watcher.changes {
                    await quickDebouncer.add(paths)
                    await debouncer.add(paths)
                }
                await quickDebouncer.finish()
                await debouncer.finish()
            }
            group.addTask {
                while let changed = await quickDebouncer.nextBurst() { await quickRender(changed) }
            }
            group.addTask {
                while let changed = await debouncer.nextBurst() {
                    report(.rebuilding(changed: relativePaths(changed)))
                    await build()
                }
            }
        }
    }
}

extension PreviewSession {
    /// Runs beside the HTTP server: watches until graceful shutdown, then closes the event streams.
    struct Service: ServiceLifecycle.Service {
        var session: PreviewSession
        var watcher: SiteWatcher

        func run() async throws {
            await withGracefulShutdownHandler {
                await session.run(watcher: watcher)
            } onGracefulShutdown: {
                watcher.stop()
            }
            await session.liveReload.close()
        }
    }
}

private extension PreviewSession {
    func relativePaths(_ paths: Set<String>) -> [String] {
        let prefix = options.siteFolder.standardizedFileURL.path + "/"
        return paths.map { $0.hasPrefix(prefix) ? String($0.dropFirst(prefix.count)) : $0 }.sorted()
    }
}
