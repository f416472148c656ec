import Foundation
import Testing
@testable import Glossa

/// The build cache may only ever skip work whose result is already in the output folder, and
/// neither it nor the number of parallel jobs may change a single output byte.
@Suite struct BuildCacheTests {
    static func fixtureSite() throws -> TemporarySite {
        try TemporarySite(templates: .repository, content: TestPaths.fixtures.appendingPathComponent("basic-site/Content"))
    }

    static func cached(_ options: inout BuildOptions) {
        options.cacheFolder = options.siteFolder.appendingPathComponent(".glossa-cache")
    }

    var output: (TemporarySite) throws -> [String: Data] = { site in
        try GoldenSiteTests.files(in: site.folder.appendingPathComponent("Output"))
    }

    @Test func aBuildWithNothingChangedIsSkipped() async throws {
        let site = try Self.fixtureSite()
        let first = try await site.build(Self.cached)
        let before = try output(site)
        let second = try await site.build(Self.cached)
        #expect(second.timings.map(\.stage) == ["load"], "a cache hit stops after loading")
        #expect(second.filesWritten == 0)
        #expect(second.filesUnchanged == first.filesWritten + first.filesUnchanged + 1, "every file, the marker included")
        #expect(second.pages == first.pages && second.terms == first.terms && second.warnings == first.warnings)
        #expect(try output(site) == before)
    }

    @Test func aChangedContentFileIsRebuilt() async throws {
        let site = try Self.fixtureSite()
        try await site.build(Self.cached)
        let path = "Content/glossary/api.md"
        try site.write(try site.read(path) + "\nA sentence added after the first build.\n", to: path)
        let report = try await site.build(Self.cached)
        #expect(report.timings.count > 1)
        #expect(try site.read("Output/glossary/api/index.html").contains("A sentence added after the first build."))
    }

    /// Content files are fingerprinted by stamp, not by bytes; an edit that keeps the size and
    /// puts the modification time back must still change the stamp, and a recently changed
    /// file is also checked by its bytes.
    @Test func anEditThatKeepsSizeAndModificationTimeStillChangesTheStamp() async throws {
        let site = try Self.fixtureSite()
        let path = site.folder.appendingPathComponent("Content/glossary/api.md").path
        let modified = try #require(try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date)
        let now = Int(Date().timeIntervalSince1970)
        let before = BuildCache.contentStamp(path, now: now)
        #expect(before.isRecent, "a file written a moment ago is recent")
        #expect(!BuildCache.contentStamp(path, now: now + 3_600).isRecent)
        try await Task.sleep(for: .milliseconds(30)) // past one tick of the file system's coarse clock
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        bytes[bytes.count - 2] = bytes[bytes.count - 2] == UInt8(ascii: "x") ? UInt8(ascii: "y") : UInt8(ascii: "x")
        try bytes.write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: path)
        #expect(BuildCache.contentStamp(path, now: now).stamp != before.stamp, "the change time moved although the modification time did not")
    }

    /// A just-written fixture site with the cache on, and a way to fingerprint its inputs as
    /// of a given time (`BuildCache.fingerprint` calls files of the last 3 seconds recent).
    struct Fingerprinted {
        let site: TemporarySite
        let options: BuildOptions
        let config: SourceText
        let discovery: ContentLoader.Discovery

        init() throws {
            site = try BuildCacheTests.fixtureSite()
            var options = site.options
            BuildCacheTests.cached(&options)
            self.options = options
            config = try ContentLoader(siteFolder: options.siteFolder).readConfig()
            discovery = ContentLoader(siteFolder: options.siteFolder).discover()
        }

        func fingerprint(now: Int = Int(Date().timeIntervalSince1970)) -> BuildCache.Fingerprint {
            BuildCache.fingerprint(options: options, config: config, discovery: discovery, now: now)
        }

        /// Builds the site and records `fingerprint` for its output, as a build would.
        func buildAndStore(_ fingerprint: BuildCache.Fingerprint) async throws -> BuildCache {
            try await site.build(BuildCacheTests.cached)
            let cache = BuildCache(folder: try #require(options.cacheFolder))
            let root = options.outputFolder.path
            let written = FileTree.files(below: root).map { String($0.dropFirst(root.count + 1)) }.filter { $0 != OutputWriter.markerName }
            cache.store(fingerprint: fingerprint, report: BuildReport(), outputFolder: options.outputFolder, files: BuildCacheTests.stamped(written, in: root))
            return cache
        }

        func reusable(_ cache: BuildCache, _ fingerprint: BuildCache.Fingerprint) async -> Bool {
            await cache.reusableReport(fingerprint: fingerprint, outputFolder: options.outputFolder, jobs: 2) != nil
        }
    }

    /// The race the recent files are kept for: an edit within one tick of the file system's
    /// clock, after the build read the file, leaves its stamp as it was.
    @Test func aRecentFileEditedAfterTheBuildReadItIsRebuilt() async throws {
        let fixture = try Fingerprinted()
        let fingerprint = fixture.fingerprint()
        let path = fixture.site.folder.appendingPathComponent("Content/glossary/api.md").path
        #expect(fingerprint.recentFiles[path] != nil, "the fixture was just written")
        let cache = try await fixture.buildAndStore(fingerprint)
        #expect(await fixture.reusable(cache, fingerprint))
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        bytes[bytes.count - 2] = bytes[bytes.count - 2] == UInt8(ascii: "x") ? UInt8(ascii: "y") : UInt8(ascii: "x")
        try bytes.write(to: URL(fileURLWithPath: path))
        // Same fingerprint, as if the stamp had not moved: the bytes still give the edit away.
        #expect(await !fixture.reusable(cache, fingerprint))
    }

    /// Recent files are hashed on every check; once they are old, the record drops them, so
    /// that a build right after a checkout does not make every later one read all content.
    @Test func filesThatAreNoLongerRecentLeaveTheRecord() async throws {
        let fixture = try Fingerprinted()
        let now = Int(Date().timeIntervalSince1970)
        let fresh = fixture.fingerprint(now: now)
        #expect(!fresh.recentFiles.isEmpty, "the fixture was just written")
        let cache = try await fixture.buildAndStore(fresh)
        func recorded() throws -> [String: String] {
            try JSONDecoder().decode(BuildCache.Record.self, from: Data(contentsOf: cache.recordFile)).recentFiles
        }
        #expect(try recorded() == fresh.recentFiles)
        #expect(await fixture.reusable(cache, fresh))
        #expect(try recorded() == fresh.recentFiles, "still recent: kept")
        let later = fixture.fingerprint(now: now + 60)
        #expect(later.value == fresh.value && later.recentFiles.isEmpty)
        #expect(await fixture.reusable(cache, later))
        #expect(try recorded().isEmpty, "aged out: dropped")
    }

    @Test func aChangedThemeIsRebuilt() async throws {
        let site = try Self.fixtureSite()
        try await site.build(Self.cached)
        let footer = "Templates/partials/footer.mustache"
        try site.write(try site.read(footer) + "<!-- theme edited -->\n", to: footer)
        try await site.build(Self.cached)
        #expect(try site.read("Output/index.html").contains("<!-- theme edited -->"))
    }

    @Test func anEditedOrDeletedOutputFileIsRestored() async throws {
        let site = try Self.fixtureSite()
        try await site.build(Self.cached)
        let before = try output(site)
        try site.write("tampered", to: "Output/glossary/index.html")
        try FileManager.default.removeItem(at: site.folder.appendingPathComponent("Output/tags/index.html"))
        let report = try await site.build(Self.cached)
        #expect(report.filesWritten == 2)
        #expect(try output(site) == before)
    }

    @Test func strictStillFailsOnRecordedWarnings() async throws {
        let site = try Self.fixtureSite()
        let first = try await site.build(Self.cached)
        try #require(!first.warnings.isEmpty, "the fixture site has lint warnings")
        let errors = await site.buildErrors { options in
            Self.cached(&options)
            options.strict = true
        }
        #expect(errors.count == first.warnings.count)
        #expect(errors.allSatisfy { $0.severity == .error })
    }

    @Test func outputIsTheSameWithAndWithoutCacheAndForAnyNumberOfJobs() async throws {
        let cached = try Self.fixtureSite()
        try await cached.build(Self.cached)
        try await cached.build(Self.cached)
        let reference = try output(cached)
        for jobs in [1, 2, 7] {
            let site = try Self.fixtureSite()
            try await site.build { $0.jobs = jobs }
            #expect(try output(site) == reference, "--jobs \(jobs)")
        }
    }

    @Test func deletingTheCacheOnlyCostsAFullBuild() async throws {
        let site = try Self.fixtureSite()
        try await site.build(Self.cached)
        let before = try output(site)
        try FileManager.default.removeItem(at: site.folder.appendingPathComponent(".glossa-cache"))
        let report = try await site.build(Self.cached)
        #expect(report.timings.count > 1)
        #expect(report.filesWritten == 0, "the full build finds every file unchanged")
        #expect(try output(site) == before)
    }

    @Test func serveFillsItsMemoryEvenWhenNothingChanged() async throws {
        let site = try Self.fixtureSite()
        try await site.build(Self.cached)
        var options = site.options
        Self.cached(&options)
        let memory = BuildMemory()
        let first = try await SiteBuilder.build(options, memory: memory)
        #expect(first.timings.count > 1, "the first build of a serve session is a full one")
        #expect(memory.lastBuild != nil)
        let second = try await SiteBuilder.build(options, memory: memory)
        #expect(second.timings.map(\.stage) == ["load"], "later ones may still be skipped")
    }

    static func stamped(_ paths: [String], in root: String) -> [(path: String, stamp: OutputManifest.Stamp)] {
        paths.map { path in
            var info = stat()
            lstat(root + "/" + path, &info)
            return (path, OutputManifest.Stamp(info))
        }
    }

    /// The manifest stored after a build is made from the list of files written, the one
    /// checked before reusing it by listing the folder: they must give the same bytes.
    @Test func manifestFromTheWrittenFilesMatchesTheFolder() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("manifest-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let files = ["a/b", "a-c", "a/b-2/index.html", "a.txt", "Z", "z/y/x", "é", "e", "a/b-2/z"]
        for file in files {
            let path = root + "/" + file
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(file.utf8).write(to: URL(fileURLWithPath: path))
        }
        let walked = await OutputManifest.walking(root, jobs: 2)
        #expect(walked.fileCount == files.count)
        #expect(OutputManifest(files: Self.stamped(files, in: root)).bytes == walked.bytes)
        #expect(OutputManifest(files: Self.stamped(files.reversed(), in: root)).bytes == walked.bytes)
        try Data("changed".utf8).write(to: URL(fileURLWithPath: root + "/a/b"))
        #expect(await OutputManifest.walking(root, jobs: 2).bytes != walked.bytes, "a file's new size shows")
        #expect(await OutputManifest.walking(root, jobs: 1).bytes == OutputManifest(files: Self.stamped(files.filter { $0 != "a/b" } + ["a/b"], in: root)).bytes,
                "one core walks alike")
    }
}
