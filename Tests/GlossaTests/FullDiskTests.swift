import Foundation
import Testing
@testable import Glossa

/// A disk that fills up while the site is written is one clear error that names the path and
/// says the disk is full; the site already there survives and the staging folder is cleaned up,
/// giving the space back. On a real 2 MB tmpfs (see `SmallDisk`).
@Suite(.serialized)
struct FullDiskTests {
    /// A term page of about 3.4 MB, more than the whole disk.
    static let hugeTerm = termFile(title: "Huge", body: String(repeating: "Many words about nothing. ", count: 130_000))

    func mountDisk(in site: TemporarySite) throws -> SmallDisk {
        do {
            return try SmallDisk(at: site.folder.appendingPathComponent("disk"), megabytes: 2)
        } catch let refused as SmallDisk.Refused {
            try Test.cancel("skipped: \(refused)")
        }
    }

    @Test func pageThatDoesNotFitKeepsThePreviousSite() async throws {
        let site = try TemporarySite(files: ["Content/glossary/api.md": termFile(title: "API")])
        let disk = try mountDisk(in: site)
        defer { disk.unmount() }
        let output = disk.folder.appendingPathComponent("Output")
        try await site.build { $0.outputFolder = output }
        let before = try GoldenSiteTests.files(in: output)
        let freeBefore = disk.freeBytes

        try site.write(Self.hugeTerm, to: "Content/glossary/huge.md")
        let diagnostics = await site.buildErrors { $0.outputFolder = output }

        #expect(diagnostics.count == 1, "\(diagnostics)")
        let message = try #require(diagnostics.first?.message)
        #expect(message.contains("the disk is full (No space left on device); free some space and build again"), "\(message)")
        #expect(message.hasPrefix("cannot write \(disk.folder.path)/.Output.glossa-staging/"), "\(message)")
        #expect(try GoldenSiteTests.files(in: output) == before)
        #expect(disk.entries == ["Output"], "the staging folder is removed")
        #expect(disk.freeBytes == freeBefore, "the space the failed build took is given back")
    }

    /// Static files are copied by Foundation rather than written by Glossa: the same one error.
    @Test func staticFileThatDoesNotFitIsTheSameError() async throws {
        let site = try TemporarySite(files: ["Content/glossary/api.md": termFile(title: "API")])
        let disk = try mountDisk(in: site)
        defer { disk.unmount() }
        let output = disk.folder.appendingPathComponent("Output")
        try await site.build { $0.outputFolder = output }
        let before = try GoldenSiteTests.files(in: output)

        try site.write(Data(repeating: 0x2A, count: 3_000_000), to: "Content/static/video.bin")
        let diagnostics = await site.buildErrors { $0.outputFolder = output }

        #expect(diagnostics.count == 1, "\(diagnostics)")
        #expect(diagnostics.first?.message.contains("the disk is full") == true, "\(diagnostics)")
        #expect(try GoldenSiteTests.files(in: output) == before)
        #expect(disk.entries == ["Output"])
    }

    @Test func firstBuildOnAFullDiskLeavesNothingBehind() async throws {
        let site = try TemporarySite(files: ["Content/glossary/huge.md": Self.hugeTerm])
        let disk = try mountDisk(in: site)
        defer { disk.unmount() }
        let output = disk.folder.appendingPathComponent("Output")
        let freeBefore = disk.freeBytes

        let diagnostics = await site.buildErrors { $0.outputFolder = output }

        #expect(diagnostics.count == 1, "\(diagnostics)")
        #expect(diagnostics.first?.message.contains("the disk is full") == true, "\(diagnostics)")
        #expect(disk.entries.isEmpty)
        #expect(disk.freeBytes == freeBefore)
    }

    /// `glossa serve` replaces an edited page in place through a temporary file: on a full disk
    /// the page stays as it was and the half-written temporary file is removed.
    @Test func pageReplacedInPlaceOnAFullDiskStaysAsItWas() async throws {
        let site = try TemporarySite()
        let disk = try mountDisk(in: site)
        defer { disk.unmount() }
        let page = disk.folder.appendingPathComponent("glossary/api/index.html")
        try FileManager.default.createDirectory(at: page.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("<html>old</html>\n".utf8).write(to: page)
        let freeBefore = disk.freeBytes

        #expect {
            try OutputWriter.replaceFile("glossary/api/index.html", in: disk.folder.path, with: [UInt8](repeating: 0x41, count: 3_000_000))
        } throws: { error in
            (error as? BuildError)?.diagnostics.first?.message.contains("the disk is full") == true
        }
        #expect(try String(contentsOf: page, encoding: .utf8) == "<html>old</html>\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: page.deletingLastPathComponent().path) == ["index.html"])
        #expect(disk.freeBytes == freeBefore)
    }
}
