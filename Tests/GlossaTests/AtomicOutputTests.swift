import Foundation
import Testing

/// Kills `glossa build` with SIGKILL at random moments: `Output/` must always be one complete
/// site — the previous one or the new one — never a mix and never missing.
@Suite struct AtomicOutputTests {
    static func site(version: String, terms: Int = 150) -> [String: String] {
        var files: [String: String] = [:]
        for index in 0..<terms {
            files["Content/glossary/term-\(index).md"] = termFile(
                title: "Term \(index)", description: "Version \(version) of term \(index).",
                body: String(repeating: "Words about version \(version) of the term. ", count: 40))
        }
        return files
    }

    func snapshot(_ folder: URL) throws -> [String: Data] {
        try GoldenSiteTests.files(in: folder)
    }

    @Test func sigkillAtAnyMomentLeavesACompleteSite() async throws {
        let site = try TemporarySite(files: Self.site(version: "A"))
        let versionA = try TemporarySite(files: Self.site(version: "A"))
        let versionB = try TemporarySite(files: Self.site(version: "B"))
        try await versionA.build()
        try await versionB.build()
        let snapshots = [try snapshot(versionA.folder.appendingPathComponent("Output")),
                         try snapshot(versionB.folder.appendingPathComponent("Output"))]
        try await site.build()
        #expect(try snapshot(site.folder.appendingPathComponent("Output")) == snapshots[0])

        var killedMidway = 0
        for iteration in 0..<16 {
            let version = iteration % 2 == 0 ? "B" : "A"
            for (path, text) in Self.site(version: version) { try site.write(text, to: path) }
            let process = Process()
            process.executableURL = TestPaths.glossaBinary
            process.arguments = ["build", "--quiet", "--site", site.folder.path]
            process.standardError = FileHandle.nullDevice
            try process.run()
            try await Task.sleep(for: .milliseconds(Int.random(in: 5...350)))
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                killedMidway += 1
            }
            process.waitUntilExit()
            let output = try snapshot(site.folder.appendingPathComponent("Output"))
            #expect(output == snapshots[0] || output == snapshots[1], "iteration \(iteration): Output/ is not one complete site (\(output.count) files)")
        }
        #expect(killedMidway > 0, "no build was interrupted; the site is too small to test anything")
        // A normal build afterwards cleans up whatever a killed build left beside the output.
        try await site.build()
        #expect(!site.exists(".Output.glossa-staging"))
    }
}
