import Foundation

/// Tells open pages when to reload, and what went wrong when a rebuild failed.
///
/// Every page `glossa serve` sends carries a small script (`ReloadScript`) that subscribes to
/// `/__glossa/events`. A rebuild that changed only some pages sends `reload` with their URLs, and
/// only pages showing one of them reload; a rebuild that changed a stylesheet, an image or many
/// pages reloads every page. A failed rebuild sends `error` with the diagnostics, and the last
/// good site stays in place. The error is also kept here so that pages loaded afterwards show it
/// too, until a successful rebuild clears it.
public actor LiveReload {
    public enum Event: Sendable, Equatable {
        /// Every open page reloads.
        case reload
        /// Pages showing one of these URL paths reload.
        case reloadPages([String])
        case error(String)
    }

    /// More changed pages than this reload everything: after a theme edit, asking each page is pointless.
    static let targetedReloadLimit = 200

    /// The URL path of the event stream.
    public static let eventsPath = "/__glossa/events"

    private var subscribers: [Int: AsyncStream<Event>.Continuation] = [:]
    private var nextID = 0
    private var isClosed = false
    /// The diagnostics of the last rebuild, when it failed.
    public private(set) var errorText: String?

    public init() {}

    /// A stream of events for one open page. It starts with the current error, if there is one,
    /// and ends when the page goes away or the server stops.
    public func subscribe() -> AsyncStream<Event> {
        let (stream, continuation) = AsyncStream.makeStream(of: Event.self, bufferingPolicy: .bufferingNewest(8))
        guard !isClosed else {
            continuation.finish()
            return stream
        }
        let id = nextID
        nextID += 1
        subscribers[id] = continuation
        continuation.onTermination = { _ in Task { await self.unsubscribe(id) } }
        if let errorText { continuation.yield(.error(errorText)) }
        return stream
    }

    public var subscriberCount: Int { subscribers.count }

    /// A rebuild succeeded, changing `changedFiles` (paths in the output folder). Pages that show
    /// a changed file reload, and every page does if it shows an error to clear.
    public func buildSucceeded(changedFiles: [String]) {
        let hadError = errorText != nil
        errorText = nil
        if hadError {
            broadcast(.reload)
        } else if !changedFiles.isEmpty {
            broadcast(Self.reloadEvent(for: changedFiles))
        }
    }

    /// Pages rendered ahead of the full rebuild (`SiteBuilder.quickRender`) are in place.
    public func pagesChanged(_ files: [String]) {
        guard errorText == nil, !files.isEmpty else { return }
        broadcast(Self.reloadEvent(for: files))
    }

    /// `glossary/api/index.html` is what `/glossary/api/` shows. Pages, feeds and data files are
    /// reloaded where they are open; a stylesheet, script or image may be part of every page.
    static func reloadEvent(for files: [String]) -> Event {
        let documents = [".html", ".xml", ".json", ".txt"]
        guard files.count <= targetedReloadLimit, files.allSatisfy({ file in documents.contains { file.hasSuffix($0) } }) else {
            return .reload
        }
        var paths: [String] = []
        for file in files.sorted() {
            paths.append("/" + file)
            if file == "index.html" || file.hasSuffix("/index.html") { paths.append("/" + file.dropLast("index.html".count)) }
        }
        return .reloadPages(paths)
    }

    /// A rebuild failed: show `text` over every open page; the last good site stays.
    public func buildFailed(_ text: String) {
        errorText = text
        broadcast(.error(text))
    }

    /// Ends every stream, so that open connections finish and the server can stop.
    public func close() {
        isClosed = true
        for continuation in subscribers.values { continuation.finish() }
        subscribers.removeAll()
    }
}

private extension LiveReload {
    func unsubscribe(_ id: Int) {
        subscribers[id] = nil
    }

    func broadcast(_ event: Event) {
        for continuation in subscribers.values { continuation.yield(event) }
    }
}

extension LiveReload.Event {
    /// The event in Server-Sent Events wire format; each line of an error becomes a `data:` line.
    var serverSentEvent: String {
        switch self {
        case .reload:
            return "event: reload\ndata: reload\n\n"
        case .reloadPages(let paths):
            let encoder = JSONEncoder()
            encoder.outputFormatting = .withoutEscapingSlashes
            let list = (try? encoder.encode(paths)).map { String(decoding: $0, as: UTF8.self) } ?? "reload"
            return "event: reload\ndata: \(list)\n\n"
        case .error(let text):
            let data = text.split(separator: "\n", omittingEmptySubsequences: false).map { "data: \($0)" }.joined(separator: "\n")
            return "event: error\n\(data)\n\n"
        }
    }
}
