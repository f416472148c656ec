import Foundation

/// What the output folder holds: every file's path, size and modification time, as bytes.
///
/// The build cache records it after a build and makes it again from the folder before reusing
/// that build; the two are compared byte for byte. After a build it is made from the stamps
/// the writer took as it placed each file, without listing ten thousand folders, so both ways
/// must give the same bytes: files in `FileTree` order (each folder's entries by name, a
/// folder's files where its name sorts), each as `path NUL size NUL nanoseconds NUL`.
struct OutputManifest {
    /// A file's size and modification time.
    struct Stamp: Sendable, Equatable {
        var size: Int64
        var modified: Int64

        init(_ info: stat) {
            size = Int64(info.st_size)
            modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        }
    }

    private(set) var bytes: [UInt8] = []
    private(set) var fileCount = 0

    /// The manifest of the files under `root` as they are now.
    ///
    /// A build with nothing changed is mostly this walk (a folder per page), so the folders
    /// two levels down (`glossary/api/`, …) are walked on up to `jobs` cores; the results are
    /// joined in `FileTree` order, so the bytes do not depend on the cores.
    static func walking(_ root: String, jobs: Int) async -> OutputManifest {
        // The walk's units in order: the files of the first two levels and the folders below them.
        var units: [FileTree.Entry] = []
        for entry in FileTree.entries(of: root, followingLinks: false) {
            guard entry.isDirectory else {
                units.append(entry)
                continue
            }
            for child in FileTree.entries(of: root + "/" + entry.name, followingLinks: false) {
                units.append(FileTree.Entry(name: entry.name + "/" + child.name, isDirectory: child.isDirectory))
            }
        }
        let stamped = await units.parallelMap(jobs: jobs) { unit in
            let path = root + "/" + unit.name
            return (unit.isDirectory ? FileTree.files(below: path) : [path]).compactMap { file -> (path: String, stamp: Stamp)? in
                var info = stat()
                guard lstat(file, &info) == 0 else { return nil }
                return (String(file.dropFirst(root.count + 1)), Stamp(info))
            }
        }
        var manifest = OutputManifest()
        for files in stamped {
            for file in files { manifest.add(file.path, file.stamp) }
        }
        return manifest
    }

    private init() {}

    /// The manifest of `files`, paths relative to the output folder, in any order.
    init(files: [(path: String, stamp: Stamp)]) {
        let ordered = files.map { ($0, $0.path.split(separator: "/", omittingEmptySubsequences: false)) }
            .sorted { $0.1.lexicographicallyPrecedes($1.1) }
        for (file, _) in ordered { add(file.path, file.stamp) }
    }

    private mutating func add(_ path: String, _ stamp: Stamp) {
        bytes += Array(path.utf8)
        bytes.append(0)
        bytes += Array(String(stamp.size).utf8)
        bytes.append(0)
        bytes += Array(String(stamp.modified).utf8)
        bytes.append(0)
        fileCount += 1
    }
}
