import Foundation
import Testing
@testable import Glossa

/// Builds the fixture site and compares every output file with `Golden/`.
///
/// Set `GLOSSA_RECORD=1` to re-record the baselines; a recording run fails on purpose so that
/// it can never pass CI unnoticed. `.editorconfig` keeps editors from touching the baselines.
@Suite struct GoldenSiteTests {
    @Test func basicSiteMatchesGoldenFiles() async throws {
        let site = try TemporarySite(templates: .minimal, content: TestPaths.fixtures.appendingPathComponent("basic-site/Content"))
        try await site.build()
        let output = site.folder.appendingPathComponent("Output")
        let golden = TestPaths.golden.appendingPathComponent("basic-site")
        let built = try Self.files(in: output)

        if ProcessInfo.processInfo.environment["GLOSSA_RECORD"] != nil {
            try? FileManager.default.removeItem(at: golden)
            try FileManager.default.copyItem(at: output, to: golden)
            Issue.record("Recorded golden files in \(golden.path); unset GLOSSA_RECORD and run again.")
            return
        }
        let expected = try Self.files(in: golden)
        #expect(built.keys.sorted() == expected.keys.sorted(), "the set of output files changed")
        for (path, bytes) in expected.sorted(by: { $0.key < $1.key }) {
            guard let actual = built[path] else { continue }
            if actual != bytes {
                Issue.record("\(path) differs from Golden/basic-site/\(path):\n\(Self.firstDifference(String(decoding: bytes, as: UTF8.self), String(decoding: actual, as: UTF8.self)))")
            }
        }
    }

    @Test func secondBuildIsByteIdenticalAndRewritesNothing() async throws {
        let site = try TemporarySite(templates: .minimal, content: TestPaths.fixtures.appendingPathComponent("basic-site/Content"))
        let first = try await site.build()
        let before = try Self.files(in: site.folder.appendingPathComponent("Output"))
        let inode = try Self.inode(site.folder.appendingPathComponent("Output/glossary/api/index.html"))
        let second = try await site.build { $0.jobs = 1 }
        let after = try Self.files(in: site.folder.appendingPathComponent("Output"))
        #expect(before == after)
        #expect(first.filesWritten > 0)
        #expect(second.filesWritten == 0, "unchanged files must not be rewritten")
        #expect(second.filesUnchanged == first.filesWritten + first.filesUnchanged)
        #expect(try Self.inode(site.folder.appendingPathComponent("Output/glossary/api/index.html")) == inode)
    }

    static func files(in folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        while let path = enumerator?.nextObject() as? String {
            let url = folder.appendingPathComponent(path)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                result[path] = try Data(contentsOf: url)
            }
        }
        return result
    }

    static func inode(_ url: URL) throws -> Int {
        try (FileManager.default.attributesOfItem(atPath: url.path)[.systemFileNumber] as? Int) ?? -1
    }

    static func firstDifference(_ expected: String, _ actual: String) -> String {
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(e.count, a.count) {
            let el = index < e.count ? String(e[index]) : "<end>"
            let al = index < a.count ? String(a[index]) : "<end>"
            if el != al { return "line \(index + 1):\n- \(el)\n+ \(al)" }
        }
        return "(same lines, different bytes)"
    }
}
