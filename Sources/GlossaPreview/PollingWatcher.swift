import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds changes by comparing snapshots (path → size, mtime) taken every `interval`.
///
/// The fallback for file systems that never deliver inotify events (NFS, SMB, VirtualBox and
/// Docker-for-Mac shared folders). It reads directories with `opendir`/`stat` rather than
/// `FileManager`, which keeps a scan of ten thousand files in the low milliseconds.
enum PollingWatcher {
    struct Entry: Equatable {
        var size: Int64
        var modified: timespec

        static func == (lhs: Entry, rhs: Entry) -> Bool {
            lhs.size == rhs.size && lhs.modified.tv_sec == rhs.modified.tv_sec && lhs.modified.tv_nsec == rhs.modified.tv_nsec
        }
    }

    static func start(roots: [String], interval: Duration, continuation: AsyncStream<Set<String>>.Continuation) -> @Sendable () -> Void {
        let task = Task.detached {
            var previous = snapshot(roots)
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                if Task.isCancelled { break }
                let current = snapshot(roots)
                let changed = differences(previous, current)
                if !changed.isEmpty { continuation.yield(changed) }
                previous = current
            }
            continuation.finish()
        }
        return {
            task.cancel()
            continuation.finish()
        }
    }

    /// Every file and folder under `roots`, except names starting with `.` (editor swap files, `.git`).
    static func snapshot(_ roots: [String]) -> [String: Entry] {
        var entries: [String: Entry] = [:]
        var pending = roots
        while let folder = pending.popLast() {
            guard let directory = opendir(folder) else { continue }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let name = withUnsafePointer(to: entry.pointee.d_name) {
                    $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
                }
                if name.hasPrefix(".") { continue }
                let path = folder + "/" + name
                var status = stat()
                guard stat(path, &status) == 0 else { continue }
                #if os(Linux)
                let modified = status.st_mtim
                #else
                let modified = status.st_mtimespec
                #endif
                entries[path] = Entry(size: Int64(status.st_size), modified: modified)
                if status.st_mode & S_IFMT == S_IFDIR { pending.append(path) }
            }
        }
        return entries
    }

    static func differences(_ old: [String: Entry], _ new: [String: Entry]) -> Set<String> {
        var changed: Set<String> = []
        for (path, entry) in new where old[path] != entry { changed.insert(path) }
        for path in old.keys where new[path] == nil { changed.insert(path) }
        return changed
    }
}
