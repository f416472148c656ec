import ArgumentParser
import Foundation
import Glossa
import GlossaPreview

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build, serve the site locally, and rebuild and reload open pages on every change."
    )

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: ArgumentHelp("The address to listen on.", valueName: "address"))
    var host = "127.0.0.1"

    @Option(name: .long, help: ArgumentHelp("The port to listen on (0 picks a free one).", valueName: "n"))
    var port = 8000

    @Flag(name: .long, help: "Poll for changes instead of using inotify (for network and shared-folder file systems).")
    var poll = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
    }

    func run() async throws {
        let console = Console()
        var options = PreviewServer.Options(build: site.buildOptions())
        options.host = host
        options.port = port
        options.forcePolling = poll
        let siteFolder = options.build.siteFolder
        guard FileManager.default.fileExists(atPath: siteFolder.appendingPathComponent("Content/site.yml").path) else {
            console.info("error: no Content/site.yml in \(siteFolder.path): is this a Glossa site? (`glossa init DIR` makes one)")
            throw ExitCode(1)
        }
        let server = PreviewServer(options: options) { event in
            Self.print(event, console: console)
        }
        do {
            try await server.run()
        } catch {
            console.info("error: \(error)")
            throw ExitCode(1)
        }
    }

    static func print(_ event: PreviewEvent, console: Console) {
        switch event {
        case .serving(let url, let watcher):
            let watching = switch watcher {
            case .inotify: "watching Content/ and Templates/"
            case .polling(let reason): "polling Content/ and Templates/ for changes (\(reason))"
            }
            console.info("Serving at \(url) — \(watching); Ctrl-C stops")
        case .rebuilding(let changed):
            let shown = changed.prefix(3).joined(separator: ", ") + (changed.count > 3 ? " and \(changed.count - 3) more" : "")
            console.info("Changed: \(shown)")
        case .rebuilt(let report):
            console.diagnostics(report.warnings)
            console.info("Built \(report.pages) pages in \(String(format: "%.2f", report.seconds)) s (\(report.filesWritten) written)")
        case .quickRendered(let pages, let seconds):
            let shown = pages.prefix(3).joined(separator: ", ") + (pages.count > 3 ? " and \(pages.count - 3) more" : "")
            console.info("Updated \(shown) in \(String(format: "%.0f", seconds * 1000)) ms; rebuilding the rest")
        case .failed(let error):
            console.diagnostics(error.diagnostics)
            console.info("Build failed: \(error.errorCount) error\(error.errorCount == 1 ? "" : "s"); still serving the last good site, the errors show in the browser")
        case .stopping:
            console.info("Stopped")
        }
    }
}
