import Foundation
import Glossa
import Hummingbird

/// `glossa serve`: build the site, serve the output folder on 127.0.0.1, rebuild on every change
/// and reload open pages; Ctrl-C (SIGINT) or SIGTERM stops it gracefully.
///
/// A failed build — the first one included — never stops the server: the last good site stays
/// on the page with the errors laid over it until a save fixes them.
public struct PreviewServer: Sendable {
    public struct Options: Sendable {
        public var build: BuildOptions
        public var host = "127.0.0.1"
        public var port = 8000
        /// Poll for changes instead of using inotify.
        public var forcePolling = false

        public init(build: BuildOptions) {
            self.build = build
        }
    }

    public var options: Options
    public var report: @Sendable (PreviewEvent) -> Void

    public init(options: Options, report: @escaping @Sendable (PreviewEvent) -> Void) {
        self.options = options
        self.report = report
    }

    /// Runs until SIGINT or SIGTERM. Throws when the address cannot be used.
    public func run() async throws(PreviewError) {
        var build = options.build
        build.writeOutput = true
        try PortCheck.ensureAvailable(host: options.host, port: options.port)

        let liveReload = LiveReload()
        let session = PreviewSession(options: build, liveReload: liveReload, forcePolling: options.forcePolling, report: report)
        // Watch before the first build, so a save made while it runs is not missed.
        let watcher = session.startWatching()
        await session.build()

        let app = makeApplication(session: session, watcher: watcher)
        do {
            try await app.runService()
        } catch {
            watcher.stop()
            throw PreviewError.serverFailed(address: "\(options.host):\(options.port)", reason: "\(error)")
        }
        report(.stopping)
    }

    /// The HTTP application, for `run()` and for tests that bind an ephemeral port.
    func makeApplication(session: PreviewSession, watcher: SiteWatcher, onRunning: (@Sendable (Int) -> Void)? = nil) -> some ApplicationProtocol {
        let responder = PreviewResponder(
            files: StaticFileResponder(resolver: OutputFolderResolver(outputFolder: session.options.outputFolder), liveReload: session.liveReload),
            liveReload: session.liveReload
        )
        let host = options.host
        let report = report
        var app = Application(
            responder: responder,
            configuration: ApplicationConfiguration(address: .hostname(host, port: options.port), serverName: "glossa"),
            services: [PreviewSession.Service(session: session, watcher: watcher)],
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                onRunning?(port)
                let shownHost = host.contains(":") ? "[\(host)]" : host
                report(.serving(url: "http://\(shownHost):\(port)/", watcher: watcher.method))
            }
        )
        // Hummingbird's own request and startup logging would drown the rebuild messages.
        app.logger.logLevel = .warning
        return app
    }
}

/// Why `glossa serve` could not run.
public enum PreviewError: Error, Sendable, CustomStringConvertible {
    case addressInUse(host: String, port: Int)
    case cannotBind(host: String, port: Int, reason: String)
    case serverFailed(address: String, reason: String)

    public var description: String {
        switch self {
        case .addressInUse(let host, let port):
            "port \(port) on \(host) is already in use (another `glossa serve`?); stop that process or choose another with --port"
        case .cannotBind(let host, let port, let reason):
            "cannot listen on \(host):\(port): \(reason)"
        case .serverFailed(let address, let reason):
            "the server on \(address) stopped: \(reason)"
        }
    }
}
