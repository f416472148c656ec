import Foundation

/// Remembers the last successful build, so that a build with nothing changed does no work.
///
/// The record is a fingerprint of every input — the Glossa binary, the build options, `site.yml`,
/// every content file's stamp, every theme file's bytes and every static file's size and
/// modification time — together with the size and modification time of every file the build
/// left in the output folder. When the fingerprint matches and the output folder still holds
/// exactly those files, the build would produce the same bytes again, so it is skipped and the
/// recorded warnings are reported again. The record lives outside the output folder (by default
/// `.glossa-cache/` in the site folder); deleting it only makes the next build a full one.
public struct BuildCache: Sendable {
    public var folder: URL

    public init(folder: URL) {
        self.folder = folder.standardizedFileURL
    }

    /// Everything a build reads, summed up.
    struct Fingerprint: Sendable {
        var value: String
        /// The content files changed in the last few seconds, by the hash of their bytes: see
        /// `contentStamp`.
        var recentFiles: [String: String]
    }

    struct Record: Codable {
        var fingerprint: String
        var recentFiles: [String: String]
        var outputFolder: String
        var outputFileCount: Int
        var pages: Int
        var terms: Int
        var posts: Int
        var staticFiles: Int
        var warnings: [Diagnostic]
    }

    var recordFile: URL { folder.appendingPathComponent("last-build.json") }
    /// The output folder as the last build left it (see `OutputManifest`), beside the record:
    /// compared byte for byte, never decoded.
    var manifestFile: URL { folder.appendingPathComponent("last-build-output") }

    /// The fingerprint of everything a build reads.
    static func fingerprint(options: BuildOptions, config: SourceText, discovery: ContentLoader.Discovery,
                            now: Int = Int(Date().timeIntervalSince1970)) -> Fingerprint {
        var hash = ContentHash.Running()
        var recentFiles: [String: String] = [:]
        hash.add(executableIdentity())
        hash.add("output=\(options.outputFolder.path)\0baseURL=\(options.baseURL ?? "")\0drafts=\(options.includeDrafts)\0epoch=\(options.sourceDateEpoch.map(String.init) ?? "")\0")
        hash.add(config.text)
        for file in discovery.articles.sorted(by: { $0.absolutePath < $1.absolutePath }) {
            let stamp = contentStamp(file.absolutePath, now: now)
            hash.add("\0article \(file.kind.rawValue) \(file.absolutePath) \(stamp.stamp)\0")
            if stamp.isRecent { recentFiles[file.absolutePath] = bytesHash(file.absolutePath) }
            for bundled in file.bundleFiles.sorted(by: { $0.absolutePath < $1.absolutePath }) {
                hash.add("\0bundled \(bundled.absolutePath) \(bundled.outputPath) \(fileStamp(bundled.absolutePath))")
            }
        }
        for file in discovery.staticFiles.sorted(by: { $0.absolutePath < $1.absolutePath }) {
            hash.add("\0static \(file.absolutePath) \(file.outputPath) \(fileStamp(file.absolutePath))")
        }
        for path in FileTree.files(below: options.siteFolder.appendingPathComponent("Templates").path) {
            hash.add("\0theme \(path)\0")
            hash.addContents(ofFile: path)
        }
        for diagnostic in discovery.log.diagnostics { hash.add("\0discovery \(diagnostic.formatted)") }
        return Fingerprint(value: hash.hex, recentFiles: recentFiles)
    }

    /// The report of the last build, if `fingerprint` matches it and its output is still in place.
    func reusableReport(fingerprint: Fingerprint, outputFolder: URL, jobs: Int) async -> BuildReport? {
        // Without the marker there is no output to reuse (the usual case after `rm -rf`), and
        // nothing else need be read.
        guard FileManager.default.fileExists(atPath: outputFolder.appendingPathComponent(OutputWriter.markerName).path),
              let data = try? Data(contentsOf: recordFile),
              let record = try? JSONDecoder().decode(Record.self, from: data),
              record.fingerprint == fingerprint.value, record.outputFolder == outputFolder.path,
              record.recentFiles.allSatisfy({ path, hash in Self.bytesHash(path) == hash }),
              let manifest = FileManager.default.contents(atPath: manifestFile.path)
        else { return nil }
        guard [UInt8](manifest) == (await OutputManifest.walking(outputFolder.path, jobs: jobs)).bytes else { return nil }
        if fingerprint.recentFiles.count < record.recentFiles.count {
            // Files no longer recent need no hashing next time. Without this, a build right
            // after a checkout or copy (every file recent) made every later one read all content.
            var refreshed = record
            refreshed.recentFiles = fingerprint.recentFiles
            write(refreshed)
        }
        var report = BuildReport()
        report.pages = record.pages
        report.terms = record.terms
        report.posts = record.posts
        report.staticFiles = record.staticFiles
        report.filesUnchanged = record.outputFileCount
        report.warnings = record.warnings
        return report
    }

    /// Records a successful build whose output folder holds exactly `files` (paths relative to
    /// it, with the stamps the writer took; the marker file aside). A cache that cannot be
    /// written only costs the next build its shortcut.
    func store(fingerprint: Fingerprint, report: BuildReport, outputFolder: URL, files: [(path: String, stamp: OutputManifest.Stamp)]) {
        var marker = stat()
        guard lstat(outputFolder.appendingPathComponent(OutputWriter.markerName).path, &marker) == 0 else { return invalidate() }
        let manifest = OutputManifest(files: files + [(OutputWriter.markerName, OutputManifest.Stamp(marker))])
        let record = Record(fingerprint: fingerprint.value, recentFiles: fingerprint.recentFiles, outputFolder: outputFolder.path,
                            outputFileCount: manifest.fileCount, pages: report.pages, terms: report.terms, posts: report.posts,
                            staticFiles: report.staticFiles, warnings: report.warnings)
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // The manifest first: a record without its manifest is never reused.
        try? FileManager.default.removeItem(at: recordFile)
        try? Data(manifest.bytes).write(to: manifestFile, options: .atomic)
        write(record)
    }

    /// Writes `record` in one atomic step; a record that cannot be written only costs the next
    /// build its shortcut.
    private func write(_ record: Record) {
        guard let data = try? JSONEncoder().encode(record) else { return }
        try? data.write(to: recordFile, options: .atomic)
    }

    /// Forgets the last build, so that the next one is a full build.
    func invalidate() {
        try? FileManager.default.removeItem(at: recordFile)
    }
}

extension BuildCache {
    /// What stands for a content file's bytes: its size, inode, and modification and change
    /// times, as Git's index and make do. Reading and hashing 55 MB of Markdown made a cache
    /// miss at 10,000 terms a third of a second slower before any work began.
    ///
    /// Any write sets the change time to the kernel's clock, which user programs cannot set
    /// back, so a file edited after the build has a new stamp. The exception is a file edited
    /// twice within one tick of a coarse file-system clock, before and after the build read
    /// it: its stamp would not change. So a file changed in the last few seconds is `isRecent`,
    /// and the record also keeps the hash of its bytes, which the next build checks as well.
    static func contentStamp(_ path: String, now: Int) -> (stamp: String, isRecent: Bool) {
        var info = stat()
        guard stat(path, &info) == 0 else { return ("missing", false) }
        let recent = now - 3
        let stamp = "\(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec) \(info.st_ctim.tv_sec).\(info.st_ctim.tv_nsec) \(info.st_ino)"
        return (stamp, info.st_mtim.tv_sec >= recent || info.st_ctim.tv_sec >= recent)
    }

    static func bytesHash(_ path: String) -> String {
        var hash = ContentHash.Running()
        hash.addContents(ofFile: path)
        return hash.hex
    }
}

private extension BuildCache {
    /// Size and modification time of the running binary: a rebuilt Glossa may render differently.
    static func executableIdentity() -> String {
        let path = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments.first ?? ""
        return "glossa \(path) \(fileStamp(path))\0"
    }

    static func fileStamp(_ path: String) -> String {
        var info = stat()
        guard stat(path, &info) == 0 else { return "missing" }
        return "\(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec) \(info.st_ino)"
    }

}
