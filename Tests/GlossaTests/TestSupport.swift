import Foundation
@testable import Glossa

/// A throwaway site folder in the temporary directory, removed when the value is dropped.
final class TemporarySite {
    let folder: URL

    init(files: [String: String] = [:], templates: Templates = .minimal, content: URL? = nil) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("glossa-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        switch templates {
        case .minimal:
            try copyFolder(TestPaths.fixtures.appendingPathComponent("minimal-theme"), to: folder.appendingPathComponent("Templates"))
        case .repository:
            try copyFolder(TestPaths.repository.appendingPathComponent("Templates"), to: folder.appendingPathComponent("Templates"))
        case .none:
            break
        }
        if let content {
            try copyFolder(content, to: folder.appendingPathComponent("Content"))
        }
        var all = files
        if all["Content/site.yml"] == nil, content == nil {
            all["Content/site.yml"] = "title: Test Glossary\nbaseURL: https://test.example/\n"
        }
        for (path, text) in all { try write(text, to: path) }
    }

    enum Templates { case minimal, repository, none }

    deinit { try? FileManager.default.removeItem(at: folder) }

    func write(_ text: String, to path: String) throws {
        try write(Data(text.utf8), to: path)
    }

    func write(_ data: Data, to path: String) throws {
        let url = folder.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    func read(_ path: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
    }

    func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path)
    }

    var options: BuildOptions {
        var options = BuildOptions(siteFolder: folder)
        options.jobs = 2
        options.sourceDateEpoch = nil
        return options
    }

    @discardableResult
    func build(_ configure: (inout BuildOptions) -> Void = { _ in }) async throws(BuildError) -> BuildReport {
        var options = options
        configure(&options)
        return try await SiteBuilder.build(options)
    }

    /// The diagnostics a failing build reports, formatted; fails loudly if the build succeeds.
    func buildErrors(_ configure: (inout BuildOptions) -> Void = { _ in }) async -> [Diagnostic] {
        do {
            try await build(configure)
            return []
        } catch {
            return error.diagnostics
        }
    }

    private func copyFolder(_ source: URL, to destination: URL) throws {
        try FileManager.default.copyItem(at: source, to: destination)
    }
}

enum TestPaths {
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let fixtures = testsFolder.appendingPathComponent("Fixtures")
    static let golden = testsFolder.appendingPathComponent("Golden")
    static let repository = testsFolder.deletingLastPathComponent().deletingLastPathComponent()

    /// The `glossa` executable built next to the test bundle.
    static var glossaBinary: URL {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("glossa"),
            repository.appendingPathComponent(".build/debug/glossa"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[1]
    }
}

/// A term file with front matter, for tests that need a few pages quickly.
func termFile(title: String, description: String = "A test term.", extra: String = "", body: String = "Some text about it.") -> String {
    "---\ntitle: \(title)\ndescription: \(description)\n\(extra)---\n\(body)\n"
}
