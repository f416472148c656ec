#if os(Linux)
import Foundation
import Glibc
import Synchronization

/// Watches folders with Linux inotify: one watch per folder, added recursively, and added for
/// folders created (or moved in) while watching.
///
/// Events are read on a thread of its own that blocks in `poll(2)` on the inotify descriptor
/// and a wake-up pipe, so no cooperative-pool thread ever blocks. The map from watch descriptor
/// to folder lives on that thread alone; nothing is shared but the stream continuation.
enum InotifyWatcher {
    static func start(roots: [String], continuation: AsyncStream<Set<String>>.Continuation) -> Result<@Sendable () -> Void, WatcherFailure> {
        if let (root, name) = roots.lazy.compactMap({ root in networkFileSystem(at: root).map { (root, $0) } }).first {
            return .failure(WatcherFailure(reason: "\(root) is on a \(name) file system, where changes made elsewhere raise no inotify events"))
        }
        let descriptor = inotify_init1(Int32(IN_NONBLOCK) | Int32(IN_CLOEXEC))
        guard descriptor >= 0 else {
            return .failure(WatcherFailure(reason: "inotify is unavailable (\(String(cString: strerror(errno))))"))
        }
        var folders: [Int32: String] = [:]
        for root in roots {
            if let failure = addWatches(descriptor, below: root, into: &folders) {
                close(descriptor)
                return .failure(failure)
            }
        }
        var wakePipe: [Int32] = [-1, -1]
        guard pipe(&wakePipe) == 0 else {
            close(descriptor)
            return .failure(WatcherFailure(reason: "cannot create a pipe (\(String(cString: strerror(errno))))"))
        }
        let (wakeRead, wakeWrite) = (wakePipe[0], wakePipe[1])
        _ = fcntl(wakeRead, F_SETFD, FD_CLOEXEC)
        _ = fcntl(wakeWrite, F_SETFD, FD_CLOEXEC)
        let watched = folders
        let thread = Thread {
            readEvents(descriptor, wakeRead: wakeRead, folders: watched, continuation: continuation)
            close(descriptor)
            close(wakeRead)
            close(wakeWrite)
        }
        thread.name = "glossa-inotify"
        thread.start()
        let stopped = StopFlag()
        return .success {
            // Only the first stop writes: the thread closes the pipe once it has woken up.
            guard stopped.set() else { return }
            var byte: UInt8 = 1
            _ = write(wakeWrite, &byte, 1)
        }
    }
}

/// Set once, from any thread, without a lock.
private final class StopFlag: Sendable {
    private let value = Atomic<Bool>(false)

    /// True the first time only.
    func set() -> Bool {
        !value.exchange(true, ordering: .acquiringAndReleasing)
    }
}

private extension InotifyWatcher {
    static let eventMask = UInt32(IN_CREATE) | UInt32(IN_DELETE) | UInt32(IN_MODIFY) | UInt32(IN_CLOSE_WRITE)
        | UInt32(IN_MOVED_FROM) | UInt32(IN_MOVED_TO) | UInt32(IN_ATTRIB) | UInt32(IN_DELETE_SELF) | UInt32(IN_MOVE_SELF)

    static func readEvents(_ descriptor: Int32, wakeRead: Int32, folders: [Int32: String], continuation: AsyncStream<Set<String>>.Continuation) {
        var folders = folders
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        loop: while true {
            var descriptors = [pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0), pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0)]
            let ready = poll(&descriptors, 2, -1)
            if ready < 0 {
                if errno == EINTR { continue }
                break
            }
            if descriptors[1].revents != 0 { break }
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count <= 0 {
                if count < 0, errno == EAGAIN || errno == EINTR { continue }
                break
            }
            var changed: Set<String> = []
            var offset = 0
            // struct inotify_event { int wd; uint32_t mask; uint32_t cookie; uint32_t len; char name[]; }
            while offset + 16 <= count {
                let (watch, mask, length) = buffer.withUnsafeBytes { bytes in
                    (bytes.loadUnaligned(fromByteOffset: offset, as: Int32.self),
                     bytes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self),
                     Int(bytes.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self)))
                }
                let nameBytes = buffer[(offset + 16)..<min(count, offset + 16 + length)].prefix { $0 != 0 }
                let name = String(decoding: nameBytes, as: UTF8.self)
                offset += 16 + length
                if mask & UInt32(IN_Q_OVERFLOW) != 0 {
                    changed.formUnion(folders.values)
                    continue
                }
                guard let folder = folders[watch] else { continue }
                if mask & UInt32(IN_IGNORED) != 0 {
                    folders[watch] = nil
                    continue
                }
                if isScratchFile(name) { continue }
                let path = name.isEmpty ? folder : folder + "/" + name
                if mask & UInt32(IN_ISDIR) != 0, mask & (UInt32(IN_CREATE) | UInt32(IN_MOVED_TO)) != 0 {
                    _ = addWatches(descriptor, below: path, into: &folders)
                }
                changed.insert(path)
            }
            if !changed.isEmpty { continuation.yield(changed) }
        }
        continuation.finish()
    }

    /// Editors' swap and backup files, which the build skips anyway: saving in Vim must not rebuild three times.
    static func isScratchFile(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasSuffix("~") || name.hasSuffix(".swp") || name.hasSuffix(".swx") || name == "4913"
    }

    /// Adds a watch for `folder` and every folder below it (not following symlinks, skipping dot-folders).
    static func addWatches(_ descriptor: Int32, below folder: String, into folders: inout [Int32: String]) -> WatcherFailure? {
        var pending = [folder]
        while let next = pending.popLast() {
            let watch = inotify_add_watch(descriptor, next, eventMask | UInt32(IN_ONLYDIR) | UInt32(IN_DONT_FOLLOW))
            if watch < 0 {
                if errno == ENOSPC {
                    return WatcherFailure(reason: "the kernel's inotify watch limit is reached (raise fs.inotify.max_user_watches)")
                }
                if errno == ENOENT || errno == ENOTDIR { continue }
                return WatcherFailure(reason: "cannot watch \(next) (\(String(cString: strerror(errno))))")
            }
            folders[watch] = next
            guard let directory = opendir(next) else { continue }
            while let entry = readdir(directory) {
                let name = withUnsafePointer(to: entry.pointee.d_name) {
                    $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
                }
                guard !name.hasPrefix(".") else { continue }
                let path = next + "/" + name
                var status = stat()
                if lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR { pending.append(path) }
            }
            closedir(directory)
        }
        return nil
    }

    /// The type of a file system on which inotify misses changes made by other machines, if `path` is on one.
    ///
    /// Read from `/proc/self/mounts` (the longest mount point that contains the path), because
    /// Swift's Glibc module does not export `statfs`.
    static func networkFileSystem(at path: String) -> String? {
        guard let mounts = try? String(contentsOfFile: "/proc/self/mounts", encoding: .utf8) else { return nil }
        let real = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        var best: (mountPoint: String, type: String)?
        for line in mounts.split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard fields.count >= 3 else { continue }
            let mountPoint = fields[1].replacingOccurrences(of: "\\040", with: " ")
            let contains = mountPoint == "/" || real == mountPoint || real.hasPrefix(mountPoint + "/")
            if contains, mountPoint.count >= (best?.mountPoint.count ?? 0) {
                best = (mountPoint, String(fields[2]))
            }
        }
        guard let type = best?.type else { return nil }
        let remote = ["nfs", "nfs4", "cifs", "smb3", "smbfs", "9p", "virtiofs", "vboxsf", "fakeowner", "prl_fs", "vmhgfs"]
        return remote.contains(type) || type.hasPrefix("fuse.") && type != "fuse.gocryptfs" ? type : nil
    }
}
#endif
