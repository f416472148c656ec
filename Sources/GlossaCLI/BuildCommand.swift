import ArgumentParser
import Foundation
import Glossa

struct BuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "build", abstract: "Build Content/ with Templates/ into Output/.")

    @OptionGroup var site: SiteOptions

    @Flag(name: .long, help: "Print only errors and warnings.")
    var quiet = false

    @Flag(name: .long, help: "Print a machine-readable JSON report on standard output.")
    var json = false

    func run() async throws {
        try await BuildRun(options: site.buildOptions(), quiet: quiet, json: json, verb: "Built").run()
    }
}

struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "Run every check a build runs, writing nothing.")

    @OptionGroup var site: SiteOptions

    @Flag(name: .long, help: "Print only errors and warnings.")
    var quiet = false

    @Flag(name: .long, help: "Print a machine-readable JSON report on standard output.")
    var json = false

    func run() async throws {
        var options = site.buildOptions()
        options.writeOutput = false
        try await BuildRun(options: options, quiet: quiet, json: json, verb: "Checked").run()
    }
}

/// Runs a build and reports it the way every command does: diagnostics on stderr, one summary line.
struct BuildRun {
    var options: BuildOptions
    var quiet: Bool
    var json: Bool
    var verb: String

    func run() async throws {
        let console = Console()
        let showProgress = !quiet && !json && console.isTerminal
        do {
            var progress: (@Sendable (String) -> Void)?
            if showProgress { progress = { @Sendable stage in console.progress(stage) } }
            var options = options
            options.keepsDataUntilExit = true // the process ends right after this build
            let report = try await SiteBuilder.build(options, progress: progress)
            console.clearProgress()
            console.diagnostics(report.warnings)
            if json {
                console.output(JSONReport(report: report, errors: [], options: options).text)
            } else if !quiet {
                let written = options.writeOutput ? " (\(report.filesWritten) written, \(report.filesUnchanged) unchanged)" : ""
                let warnings = report.warnings.isEmpty ? "" : ", \(report.warnings.count) warning\(report.warnings.count == 1 ? "" : "s")"
                console.info("\(verb) \(report.pages) pages in \(String(format: "%.2f", report.seconds)) s\(written)\(warnings)")
            }
        } catch {
            console.clearProgress()
            console.diagnostics(error.diagnostics)
            let errors = error.errorCount
            if json {
                console.output(JSONReport(report: nil, errors: error.diagnostics, options: options).text)
            }
            console.info("\(verb == "Built" ? "Build" : "Check") failed: \(errors) error\(errors == 1 ? "" : "s")\(options.writeOutput ? "; \(options.outputFolder.lastPathComponent)/ left as it was" : "")")
            throw ExitCode(1)
        }
    }
}
