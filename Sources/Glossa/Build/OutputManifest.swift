import Foundation

/// What the output folder holds: every file's path, size and modification time, as bytes.
///
/// The build cache records it after a build and makes it again from the folder before reusing
/// that build; the two are compared byte for byte. After a build it is made from the list of
/// files just written, without listing ten thousand folders, so both ways must give the same
/// bytes: files in `FileTree` order (each folder's entries by name, a folder's files where its
/// name sorts), each as `path NUL size NUL nanoseconds NUL`.
struct OutputManifest {
    private(set) var bytes: [UInt8] = []
    private(set) var fileCount = 0

    /// The manifest of the files under `root` as they are now.
    init(walking root: String) {
        for path in FileTree.files(below: root) { add(String(path.dropFirst(root.count + 1)), in: root) }
    }

    /// The manifest of `files`, paths relative to `root`, in any order.
    init(root: String, files: [String]) {
        let ordered = files.map { ($0, $0.split(separator: "/", omittingEmptySubsequences: false)) }
            .sorted { $0.1.lexicographicallyPrecedes($1.1) }
        for (path, _) in ordered { add(path, in: root) }
    }

    private mutating func add(_ path: String, in root: String) {
        var info = stat()
        guard lstat(root + "/" + path, &info) == 0 else { return }
        let modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        bytes += Array("\(path)\0\(info.st_size)\0\(modified)\0".utf8)
        fileCount += 1
    }
}
