import ArgumentParser
import Foundation
import Glossa

/// Flags every command that works on a site shares.
struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The site folder holding Content/ and Templates/.", valueName: "dir"))
    var site: String = "."

    @Option(name: .long, help: ArgumentHelp("Where to write the site (default: Output/ in the site folder).", valueName: "dir"))
    var output: String?

    @Option(name: .customLong("base-url"), help: ArgumentHelp("Override baseURL from site.yml.", valueName: "url"))
    var baseURL: String?

    @Flag(name: .long, help: "Include pages marked draft: true.")
    var drafts = false

    @Flag(name: .long, help: "Treat warnings as errors.")
    var strict = false

    @Option(name: .long, help: ArgumentHelp("Pages parsed and rendered at once (default: one per core).", valueName: "n"))
    var jobs: Int?

    @Flag(name: .customLong("no-cache"), help: "Build everything even if nothing changed since the last build (ignores .glossa-cache/).")
    var noCache = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if let baseURL, !(baseURL.hasPrefix("http://") || baseURL.hasPrefix("https://") || baseURL.hasPrefix("/")) {
            throw ValidationError("--base-url must start with http://, https:// or /")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: site, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError("--site \(site): no such folder")
        }
    }

    func buildOptions() -> BuildOptions {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let siteURL = URL(fileURLWithPath: site, relativeTo: cwd)
        var options = BuildOptions(siteFolder: siteURL, outputFolder: output.map { URL(fileURLWithPath: $0, relativeTo: cwd) })
        options.baseURL = baseURL
        options.includeDrafts = drafts
        options.strict = strict
        if let jobs { options.jobs = jobs }
        if !noCache { options.cacheFolder = options.siteFolder.appendingPathComponent(".glossa-cache") }
        return options
    }
}
