import Foundation

/// Reports changes under `Content/` and `Templates/` as sets of changed paths.
///
/// inotify is used where it works; polling (a size-and-mtime snapshot every half second) where it
/// cannot — no inotify, too many folders for the kernel's watch limit, or a network or shared-folder
/// file system whose changes never raise inotify events — and whenever `--poll` asks for it.
/// Bursts are not merged here; `Debouncer` does that.
public struct SiteWatcher: Sendable {
    public enum Method: Sendable, Equatable {
        case inotify
        /// `reason` says why inotify was not used.
        case polling(reason: String)
    }

    public let method: Method
    /// One element per batch of file-system events; finishes after `stop()`.
    public let changes: AsyncStream<Set<String>>
    private let stopWatching: @Sendable () -> Void

    /// Stops watching and finishes `changes`.
    public func stop() {
        stopWatching()
    }

    /// Starts watching `folders` (those that exist) and everything below them.
    public static func start(watching folders: [URL], forcePolling: Bool = false, pollInterval: Duration = .milliseconds(500)) -> SiteWatcher {
        let roots = folders.map(\.standardizedFileURL.path).filter { FileManager.default.fileExists(atPath: $0) }
        let (changes, continuation) = AsyncStream.makeStream(of: Set<String>.self, bufferingPolicy: .unbounded)
        var reason = "--poll was given"
        if !forcePolling {
            #if os(Linux)
            switch InotifyWatcher.start(roots: roots, continuation: continuation) {
            case .success(let stop):
                return SiteWatcher(method: .inotify, changes: changes, stopWatching: stop)
            case .failure(let failure):
                reason = failure.reason
            }
            #else
            reason = "inotify is Linux-only"
            #endif
        }
        let stop = PollingWatcher.start(roots: roots, interval: pollInterval, continuation: continuation)
        return SiteWatcher(method: .polling(reason: reason), changes: changes, stopWatching: stop)
    }
}

/// Why the inotify watcher could not start; the server falls back to polling and says why.
struct WatcherFailure: Error {
    var reason: String
}
