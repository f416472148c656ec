/// Tells open pages when to reload, and what went wrong when a rebuild failed.
///
/// Every page `glossa serve` sends carries a small script (`ReloadScript`) that subscribes to
/// `/__glossa/events`. A rebuild that changed the output sends `reload`; a failed rebuild sends
/// `error` with the diagnostics, and the last good site stays in place. The error is also kept
/// here so that pages loaded afterwards show it too, until a successful rebuild clears it.
public actor LiveReload {
    public enum Event: Sendable, Equatable {
        case reload
        case error(String)
    }

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

    /// A rebuild succeeded. Pages reload if the output changed, or if they show an error to clear.
    public func buildSucceeded(outputChanged: Bool) {
        let hadError = errorText != nil
        errorText = nil
        if outputChanged || hadError { broadcast(.reload) }
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
        case .error(let text):
            let data = text.split(separator: "\n", omittingEmptySubsequences: false).map { "data: \($0)" }.joined(separator: "\n")
            return "event: error\n\(data)\n\n"
        }
    }
}
