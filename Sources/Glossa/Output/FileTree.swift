import Foundation

/// Folder listings with plain `opendir`/`readdir`: the loader lists `Content/`, the build cache
/// fingerprints the theme and records the output with it, and the writer counts what a previous
/// build left. The type `readdir` reports saves a `stat` per entry; at 10,000 terms those calls
/// through `FileManager` were most of a build with nothing to do.
enum FileTree {
    struct Entry {
        var name: String
        var isDirectory: Bool
    }

    /// The entries of `folder`, sorted by name, without `.` and `..`. A symbolic link counts as
    /// a folder when `followingLinks` and it leads to one.
    static func entries(of folder: String, followingLinks: Bool) -> [Entry] {
        guard let directory = opendir(folder) else { return [] }
        var entries: [Entry] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard name != ".", name != ".." else { continue }
            let type = Int32(entry.pointee.d_type)
            let isDirectory: Bool
            if type == DT_DIR {
                isDirectory = true
            } else if type == DT_UNKNOWN || (type == DT_LNK && followingLinks) {
                var info = stat()
                let found = followingLinks ? stat(folder + "/" + name, &info) : lstat(folder + "/" + name, &info)
                isDirectory = found == 0 && (info.st_mode & S_IFMT) == S_IFDIR
            } else {
                isDirectory = false
            }
            entries.append(Entry(name: name, isDirectory: isDirectory))
        }
        closedir(directory)
        return entries.sorted { $0.name < $1.name }
    }

    /// Every file below `root`, sorted, following no symbolic links to folders.
    static func files(below root: String) -> [String] {
        var files: [String] = []
        for entry in entries(of: root, followingLinks: false) {
            let path = root + "/" + entry.name
            if entry.isDirectory { files += self.files(below: path) } else { files.append(path) }
        }
        return files
    }
}
