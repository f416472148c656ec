import Foundation

/// The files in a folder tree, with plain `opendir`/`lstat`: the build cache fingerprints the
/// theme and records the output with it, and the writer counts what a previous build left.
enum FileTree {
    /// Every file below `root`, sorted, following no symbolic links to folders.
    static func files(below root: String) -> [String] {
        guard let directory = opendir(root) else { return [] }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name != ".", name != ".." { names.append(name) }
        }
        closedir(directory)
        var files: [String] = []
        for name in names.sorted() {
            let path = root + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            if (info.st_mode & S_IFMT) == S_IFDIR { files += self.files(below: path) } else { files.append(path) }
        }
        return files
    }
}
