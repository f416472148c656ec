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

    /// Writes `files` in one go: `begin`, `place` each file, `commit`.
    public func write(_ files: [OutputFile], jobs: Int = 2) async throws(BuildError) -> Report {
        let staged = try begin()
        do {
            let placed = try await files.parallelMap(jobs: jobs) { file in Result { () throws(BuildError) in try staged.place(file) } }
                .map { result throws(BuildError) in try result.get() }
            return try await staged.commit(placed, jobs: jobs)
        } catch {
            staged.abandon()
            throw error
        }
    }

    /// Starts a build's output: checks that the output folder is Glossa's and makes an empty
    /// staging folder beside it. Pages are then placed one by one as they are rendered, so the
    /// whole site never has to be held in memory.
    public func begin() throws(BuildError) -> StagedOutput {
        let fileManager = FileManager.default
        let staging = stagingFolder.path
        try checkOutputFolderIsOurs()
        try? fileManager.removeItem(atPath: staging)
        do {
            try fileManager.createDirectory(atPath: staging, withIntermediateDirectories: true)
        } catch {
            throw WriteFailure.code(of: error).map { WriteFailure.error($0, "create", staging) }
                ?? BuildError(.error("cannot create \(staging): \(Self.reason(error))"))
        }
        return StagedOutput(writer: self, staging: staging)
    }
}

/// One build's output on its way into the output folder.
///
/// A changed file is written to the staging folder at once; an unchanged one is only noted. If
/// nothing changed and nothing is left over from the previous build, the previous site simply
/// stays — a no-change build writes nothing at all. Otherwise the unchanged files are hard-linked
/// into the staging folder, which is then swapped in whole.
public struct StagedOutput: Sendable {
    let writer: OutputWriter
    let staging: String
    var target: String { writer.outputFolder.path }

    public struct Placement: Sendable {
        public var path: String
        public var unchanged: Bool
        /// The placed file's size and modification time, read while the file was at hand, so
        /// that the build cache can record the output without listing it again.
        var stamp: OutputManifest.Stamp?
    }

    /// Compares `file` with the previous build's copy and writes it to staging only if it differs.
    public func place(_ file: OutputFile) throws(BuildError) -> Placement {
        let path = try OutputWriter.checkedRelativePath(file.path)
        do {
            var previous = stat()
            if try writer.isUnchanged(file.contents, previous: target + "/" + path, info: &previous) {
                return Placement(path: path, unchanged: true, stamp: OutputManifest.Stamp(previous))
            }
            try OutputWriter.makeParentFolders(of: path, in: staging)
            try writer.writeContents(file.contents, to: staging + "/" + path)
            var written = stat()
            let stamp = lstat(staging + "/" + path, &written) == 0 ? OutputManifest.Stamp(written) : nil
            return Placement(path: path, unchanged: false, stamp: stamp)
        } catch let error as BuildError {
            throw error
        } catch {
            throw WriteFailure.code(of: error).map { WriteFailure.error($0, "write", staging + "/" + path) }
                ?? BuildError(.error("cannot write \(path) in \(staging): \(OutputWriter.reason(error)); the previous \(writer.outputFolder.lastPathComponent)/ is untouched"))
        }
    }

    /// Makes the placed files the output folder's contents.
    public func commit(_ placements: [Placement], jobs: Int) async throws(BuildError) -> OutputWriter.Report {
        var report = OutputWriter.Report()
        let unchanged = placements.filter(\.unchanged).map(\.path)
        report.unchanged = unchanged.count
        report.written = placements.count - unchanged.count
        do throws(BuildError) {
            if report.written == 0, OutputWriter.countFiles(in: target) == unchanged.count {
                try? FileManager.default.removeItem(atPath: staging)
                return report
            }
            let failures = await unchanged.parallelMap(jobs: jobs) { path -> BuildError? in
                do throws(BuildError) {
                    try OutputWriter.makeParentFolders(of: path, in: staging)
                    guard link(target + "/" + path, staging + "/" + path) == 0 else {
                        return WriteFailure.error(errno, "link", staging + "/" + path)
                    }
                    return nil
                } catch {
                    return error
                }
            }
            if let failure = failures.compactMap({ $0 }).first { throw failure }
            try OutputWriter.writeBytes(Array("This folder is written by `glossa build`; its contents are replaced on every build.\n".utf8),
                                        to: staging + "/" + OutputWriter.markerName)
            try writer.swapIn(staging: staging, target: target)
            return report
        } catch {
            abandon()
            throw error
        }
    }

    /// Removes the staging folder after a failed build; the output folder was never touched.
    public func abandon() {
        try? FileManager.default.removeItem(atPath: staging)
    }
}

extension OutputWriter {
    /// Makes the folders above `path` inside `root` as needed. Safe to call from many tasks at
    /// once: a folder another task made first is fine.
    static func makeParentFolders(of path: String, in root: String) throws(BuildError) {
        guard let slash = path.lastIndex(of: "/") else { return }
        let folder = root + "/" + path[..<slash]
        if mkdir(folder, 0o755) == 0 || errno == EEXIST { return }
        guard errno == ENOENT else {
            throw WriteFailure.error(errno, "create folder", folder)
        }
        try makeParentFolders(of: String(path[..<slash]), in: root)
        if mkdir(folder, 0o755) != 0 && errno != EEXIST {
            throw WriteFailure.error(errno, "create folder", folder)
        }
    }

    /// Replaces one file of a served site in place, whole: the new bytes go to a temporary file
    /// beside it, which is then renamed over the old one, so a reader sees the old page or the new.
    static func replaceFile(_ path: String, in folder: String, with bytes: [UInt8]) throws(BuildError) {
        let path = try checkedRelativePath(path)
        let destination = folder + "/" + path
        let temporary = destination + ".glossa-new"
        do {
            try writeBytes(bytes, to: temporary)
        } catch {
            unlink(temporary)
            throw error
        }
        guard rename(temporary, destination) == 0 else {
            unlink(temporary)
            throw BuildError(.error("cannot replace \(destination): \(String(cString: strerror(errno)))"))
        }
    }

    /// Files (not folders) below `folder`, the marker file aside; 0 when it does not exist.
    static func countFiles(in folder: String) -> Int {
        FileTree.files(below: folder).count { $0 != folder + "/" + markerName }
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

    /// Whether the previous build's file has the same bytes. Plain `stat` and `read`: Foundation's
    /// `attributesOfItem` looks up user and group names and made no-change builds slow.
    /// `info` is left holding the previous file's `stat`.
    func isUnchanged(_ contents: OutputFile.Contents, previous: String, info: inout stat) throws -> Bool {
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
        return same
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
            throw WriteFailure.error(errno, "write", path)
        }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                let failure = errno
                close(descriptor)
                throw WriteFailure.error(failure, "write", path)
            }
            offset += written
        }
        // NFS and some FUSE file systems report a full disk or quota only when the file is closed.
        if close(descriptor) != 0, errno != EINTR {
            throw WriteFailure.error(errno, "write", path)
        }
    }

    static func reason(_ error: Error) -> String {
        (error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription
    }
}
