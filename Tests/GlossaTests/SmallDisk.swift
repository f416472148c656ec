import Foundation

/// A real, tiny file system for tests that need a full disk: a tmpfs of a few megabytes mounted
/// on a folder. A mock would only prove that the code handles the error a mock returns; on a
/// mounted tmpfs `write` fails with ENOSPC exactly as on a full CI runner.
///
/// Mounting needs root (or CAP_SYS_ADMIN); where it is refused, `init` throws `Refused`
/// with the reason, and the test that needed it is skipped saying so.
final class SmallDisk {
    let folder: URL
    private var mounted = true

    struct Refused: Error, CustomStringConvertible {
        var description: String
    }

    init(at folder: URL, megabytes: Int) throws {
        self.folder = folder
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let (status, output) = Self.run("/usr/bin/mount", ["-t", "tmpfs", "-o", "size=\(megabytes)m", "tmpfs", folder.path])
        guard status == 0 else {
            throw Refused(description: "cannot mount a \(megabytes) MB tmpfs on \(folder.path) to fill a disk for real "
                          + "(needs root or CAP_SYS_ADMIN): \(output.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
    }

    deinit { unmount() }

    /// Unmounts (lazily, so a file still open somewhere cannot keep the test's folder busy).
    func unmount() {
        guard mounted else { return }
        mounted = false
        _ = Self.run("/usr/bin/umount", ["-l", folder.path])
    }

    /// Bytes still free on the disk.
    var freeBytes: Int {
        var info = statvfs()
        guard statvfs(folder.path, &info) == 0 else { return -1 }
        return Int(info.f_bavail) * Int(info.f_frsize)
    }

    /// Names in the disk's top folder, sorted: what a build left there.
    var entries: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    private static func run(_ tool: String, _ arguments: [String]) -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do {
            try process.run()
        } catch {
            return (-1, "\(error)")
        }
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }
}
