import Hummingbird
import ServiceLifecycle

/// Routes the preview server's requests: the live-reload event stream, else the output folder.
///
/// Two routes do not need a router; answering directly keeps every request one function call.
struct PreviewResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    var files: StaticFileResponder
    var liveReload: LiveReload

    func respond(to request: Request, context: Context) async throws -> Response {
        if request.uri.path == LiveReload.eventsPath, request.method == .get {
            return eventStream()
        }
        return await files.respond(to: request)
    }
}

private extension PreviewResponder {
    /// Server-Sent Events for one page. The stream ends when the server shuts down gracefully
    /// (Ctrl-C), so an open browser tab never keeps `glossa serve` from exiting.
    func eventStream() -> Response {
        let liveReload = liveReload
        let headers: HTTPFields = [.contentType: "text/event-stream", .cacheControl: "no-cache"]
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            let events = await liveReload.subscribe()
            // `retry` makes a browser whose server restarted reconnect within a second.
            try await writer.write(ByteBuffer(string: "retry: 1000\n: connected\n\n"))
            for await event in events.cancelOnGracefulShutdown() {
                try await writer.write(ByteBuffer(string: event.serverSentEvent))
            }
            try await writer.finish(nil)
        })
    }
}
