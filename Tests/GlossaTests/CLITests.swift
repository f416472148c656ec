import Foundation
import Testing

/// Runs the real `glossa` binary: exit codes, messages and the JSON report as CI sees them.
@Suite struct CLITests {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    func run(_ arguments: [String], in folder: URL) throws -> Result {
        let process = Process()
        process.executableURL = TestPaths.glossaBinary
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }

    @Test func buildSucceedsWithASummaryLine() throws {
        let site = try TemporarySite(files: ["Content/glossary/api.md": termFile(title: "API")])
        let result = try run(["build"], in: site.folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("Built 6 pages in "))
        #expect(site.exists("Output/glossary/api/index.html"))
    }

    @Test func contentErrorsExitWithOneAndCompilerStyleMessages() throws {
        let site = try TemporarySite(files: [
            "Content/glossary/a.md": "---\ntitle: A\ndate: soon\n---\n",
            "Content/glossary/b.md": "---\ntitle: B\nauthor: nobody\n---\n",
        ])
        let result = try run(["build", "--site", site.folder.path], in: URL(fileURLWithPath: "/"))
        #expect(result.status == 1)
        #expect(result.stderr.contains("Content/glossary/a.md:3:7: error: cannot read date \"soon\""))
        #expect(result.stderr.contains("Content/glossary/b.md:3:1: error: unknown author 'nobody'"))
        #expect(result.stderr.contains("Build failed: 2 errors; Output/ left as it was"))
    }

    @Test(arguments: [["build", "--jobs", "0"], ["build", "--no-such-flag"], ["build", "--site", "/no/such/folder"], ["frobnicate"]])
    func usageErrorsExitWithTwo(arguments: [String]) throws {
        let site = try TemporarySite()
        let result = try run(arguments, in: site.folder)
        #expect(result.status == 2, "\(arguments): \(result.stderr)")
        #expect(!result.stderr.isEmpty)
    }

    @Test func checkWritesNothing() throws {
        let site = try TemporarySite(files: ["Content/glossary/api.md": termFile(title: "API")])
        let result = try run(["check"], in: site.folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("Checked 6 pages"))
        #expect(!site.exists("Output"))
    }

    @Test func jsonReportIsMachineReadable() throws {
        let site = try TemporarySite(files: ["Content/glossary/api.md": "Body only.\n"])
        let result = try run(["build", "--json"], in: site.folder)
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["success"] as? Bool == true)
        #expect(object["terms"] as? Int == 1)
        let diagnostics = try #require(object["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.first?["severity"] as? String == "warning")
        #expect(diagnostics.first?["file"] as? String == "Content/glossary/api.md")
    }

    @Test func strictTurnsWarningsIntoFailure() throws {
        let site = try TemporarySite(files: ["Content/glossary/api.md": "Body only.\n"])
        let result = try run(["build", "--strict", "--quiet"], in: site.folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("Content/glossary/api.md:1:1: error: no 'title' in front matter"))
    }
}
