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

    public func write(_ files: [OutputFile]) throws(BuildError) -> Report {
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
        var report = Report()
        var createdFolders: Set<String> = [""]
        do {
            for file in files.sorted(by: { $0.path < $1.path }) {
                let relative = try Self.checkedRelativePath(file.path)
                let folder = (relative as NSString).deletingLastPathComponent
                if !createdFolders.contains(folder) {
                    try fileManager.createDirectory(atPath: staging + "/" + folder, withIntermediateDirectories: true)
                    createdFolders.insert(folder)
                }
                let destination = staging + "/" + relative
                let previous = target + "/" + relative
                if try reuseIfUnchanged(file.contents, previous: previous, destination: destination) {
                    report.unchanged += 1
                } else {
                    try writeContents(file.contents, to: destination)
                    report.written += 1
                }
            }
            try Data("This folder is written by `glossa build`; its contents are replaced on every build.\n".utf8)
                .write(to: URL(fileURLWithPath: staging + "/" + Self.markerName))
        } catch let error as BuildError {
            try? fileManager.removeItem(atPath: staging)
            throw error
        } catch {
            try? fileManager.removeItem(atPath: staging)
            throw BuildError(.error("cannot write the site to \(staging): \(Self.reason(error)); the previous \(outputFolder.lastPathComponent)/ is untouched"))
        }
        try swapIn(staging: staging, target: target)
        return report
    }
}

private extension OutputWriter {
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

    func reuseIfUnchanged(_ contents: OutputFile.Contents, previous: String, destination: String) throws -> Bool {
        let fileManager = FileManager.default
        guard let attributes = try? fileManager.attributesOfItem(atPath: previous),
              attributes[.type] as? FileAttributeType == .typeRegular,
              let size = attributes[.size] as? Int
        else { return false }
        let same: Bool
        switch contents {
        case .bytes(let bytes):
            same = size == bytes.count && fileManager.contents(atPath: previous).map { $0.elementsEqual(bytes) } == true
        case .copy(let source):
            let sourceSize = (try? fileManager.attributesOfItem(atPath: source))?[.size] as? Int
            same = sourceSize == size && fileManager.contentsEqual(atPath: source, andPath: previous)
        }
        guard same else { return false }
        return link(previous, destination) == 0
    }

    func writeContents(_ contents: OutputFile.Contents, to destination: String) throws {
        switch contents {
        case .bytes(let bytes):
            guard FileManager.default.createFile(atPath: destination, contents: Data(bytes)) else {
                throw BuildError(.error("cannot write \(destination): \(String(cString: strerror(errno)))"))
            }
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

    static func reason(_ error: Error) -> String {
        (error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription
    }
}
