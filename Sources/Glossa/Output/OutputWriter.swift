import Foundation

/// Writes the built site: the only code that writes to the output folder.
///
/// The site is assembled in a staging folder beside the output folder and swapped in whole, so a
/// failed or killed build never leaves a half-written site. Files whose bytes did not change are
/// hard-linked from the previous build instead of written, so their modification times — and
/// rsync, CDN uploads and browser caches that key on them — stay untouched.
public struct OutputWriter: Sendable {
    public var outputFolder: URL
    /// Written into the output folder so that a later build knows it may replace it.
    public static let markerName = ".glossa-output"

    public init(outputFolder: URL) {
        self.outputFolder = outputFolder.standardizedFileURL
    }

    public struct Report: Sendable {
        public var written = 0
        public var unchanged = 0
    }

    var stagingFolder: URL {
        outputFolder.deletingLastPathComponent().appendingPathComponent(".\(outputFolder.lastPathComponent).glossa-staging")
    }

    public func write(_ files: [OutputFile], jobs: Int = 2) async throws(BuildError) -> Report {
        let fileManager = FileManager.default
        let target = outputFolder.path
        let staging = stagingFolder.path
        try checkOutputFolderIsOurs()
        try? fileManager.removeItem(atPath: staging)
        do {
            try fileManager.createDirectory(atPath: staging, withIntermediateDirectories: true)
        } catch {
            throw BuildError(.error("cannot create \(staging): \(Self.reason(error))"))
        }
        do {
            let sorted = try files.map { file throws(BuildError) in (try Self.checkedRelativePath(file.path), file.contents) }
                .sorted { $0.0 < $1.0 }
            try Self.createFolders(for: sorted.map(\.0), in: staging)
            let report = try await writeInParallel(sorted, staging: staging, previous: target, jobs: jobs)
            try Self.writeBytes(Array("This folder is written by `glossa build`; its contents are replaced on every build.\n".utf8),
                                to: staging + "/" + Self.markerName)
            try swapIn(staging: staging, target: target)
            return report
        } catch {
            try? fileManager.removeItem(atPath: staging)
            throw error
        }
    }
}

private extension OutputWriter {
    /// Every folder the files need, parents first, made with one `mkdir` each.
    static func createFolders(for paths: [String], in staging: String) throws(BuildError) {
        var folders: Set<String> = []
        for path in paths {
            var folder = (path as NSString).deletingLastPathComponent
            while !folder.isEmpty, folders.insert(folder).inserted {
                folder = (folder as NSString).deletingLastPathComponent
            }
        }
        for folder in folders.sorted() where mkdir(staging + "/" + folder, 0o755) != 0 && errno != EEXIST {
            throw BuildError(.error("cannot create folder \(staging)/\(folder): \(String(cString: strerror(errno)))"))
        }
    }

    /// Files are independent, so they are compared and written on all cores.
    func writeInParallel(_ files: [(String, OutputFile.Contents)], staging: String, previous: String, jobs: Int) async throws(BuildError) -> Report {
        let outcomes = await files.parallelMap(jobs: jobs) { path, contents -> Result<Bool, BuildError> in
            do {
                if try reuseIfUnchanged(contents, previous: previous + "/" + path, destination: staging + "/" + path) {
                    return .success(true)
                }
                try writeContents(contents, to: staging + "/" + path)
                return .success(false)
            } catch let error as BuildError {
                return .failure(error)
            } catch {
                return .failure(BuildError(.error("cannot write \(path) in \(staging): \(Self.reason(error)); the previous \(outputFolder.lastPathComponent)/ is untouched")))
            }
        }
        var report = Report()
        for outcome in outcomes {
            if try outcome.get() { report.unchanged += 1 } else { report.written += 1 }
        }
        return report
    }

    /// Refuses to replace a non-empty folder that Glossa did not write: `--output ~` must not cost anyone their files.
    func checkOutputFolderIsOurs() throws(BuildError) {
        let fileManager = FileManager.default
        let target = outputFolder.path
        // A previous build killed between its two fallback renames left the old site at the staging path.
        if !fileManager.fileExists(atPath: target), fileManager.fileExists(atPath: stagingFolder.appendingPathComponent(Self.markerName).path) {
            try? fileManager.moveItem(atPath: stagingFolder.path, toPath: target)
        }
        guard let entries = try? fileManager.contentsOfDirectory(atPath: target) else { return }
        let meaningful = entries.filter { ![".DS_Store", ".gitkeep", ".gitignore"].contains($0) }
        if !meaningful.isEmpty, !entries.contains(Self.markerName) {
            throw BuildError(.error("refusing to replace \(target): it is not empty and was not written by glossa (no \(Self.markerName) file); empty it or choose another --output"))
        }
    }

    /// A path inside the output folder, whatever a slug or file name says.
    static func checkedRelativePath(_ path: String) throws(BuildError) -> String {
        let components = path.split(separator: "/", omittingEmptySubsequences: false)
        guard !path.isEmpty, !path.hasPrefix("/"), !components.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) else {
            throw BuildError(.error("refusing to write '\(path)': it is not a plain path inside the output folder"))
        }
        return path
    }

    /// Hard-links the previous build's file when its bytes are the same. Plain `stat` and `read`:
    /// Foundation's `attributesOfItem` looks up user and group names and made no-change builds slow.
    func reuseIfUnchanged(_ contents: OutputFile.Contents, previous: String, destination: String) throws -> Bool {
        var info = stat()
        guard stat(previous, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return false }
        let same: Bool
        switch contents {
        case .bytes(let bytes):
            same = Int(info.st_size) == bytes.count && Self.readBytes(previous, count: bytes.count) == bytes
        case .copy(let source):
            var sourceInfo = stat()
            same = stat(source, &sourceInfo) == 0 && sourceInfo.st_size == info.st_size
                && Self.readBytes(source, count: Int(info.st_size)) == Self.readBytes(previous, count: Int(info.st_size))
        }
        guard same else { return false }
        return link(previous, destination) == 0
    }

    static func readBytes(_ path: String, count: Int) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes = [UInt8](repeating: 0, count: count)
        var offset = 0
        while offset < count {
            let got = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + offset, count - offset) }
            if got < 0, errno == EINTR { continue }
            guard got > 0 else { return nil }
            offset += got
        }
        return bytes
    }

    func writeContents(_ contents: OutputFile.Contents, to destination: String) throws {
        switch contents {
        case .bytes(let bytes):
            try Self.writeBytes(bytes, to: destination)
        case .copy(let source):
            try FileManager.default.copyItem(atPath: source, toPath: destination)
        }
    }

    func swapIn(staging: String, target: String) throws(BuildError) {
        let fileManager = FileManager.default
        if !fileManager.fileExists(atPath: target) {
            do {
                try fileManager.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try fileManager.moveItem(atPath: staging, toPath: target)
            } catch {
                throw BuildError(.error("cannot move the built site into \(target): \(Self.reason(error))"))
            }
            return
        }
        if !DirectorySwap.exchange(staging, target) {
            let previous = staging + ".previous"
            try? fileManager.removeItem(atPath: previous)
            do {
                try fileManager.moveItem(atPath: target, toPath: previous)
                try fileManager.moveItem(atPath: staging, toPath: target)
                try? fileManager.moveItem(atPath: previous, toPath: staging)
            } catch {
                if !fileManager.fileExists(atPath: target) { try? fileManager.moveItem(atPath: previous, toPath: target) }
                throw BuildError(.error("cannot replace \(target): \(Self.reason(error)); the previous site is unchanged"))
            }
        }
        try? fileManager.removeItem(atPath: staging)
    }

    /// Plain POSIX writes: Foundation's `createFile` writes a temporary file and renames it,
    /// which the staging folder already makes unnecessary and which doubled the write time.
    static func writeBytes(_ bytes: [UInt8], to path: String) throws(BuildError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw BuildError(.error("cannot write \(path): \(String(cString: strerror(errno)))"))
        }
        defer { close(descriptor) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw BuildError(.error("cannot write \(path): \(String(cString: strerror(errno)))"))
            }
            offset += written
        }
    }

    static func reason(_ error: Error) -> String {
        (error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription
    }
}
