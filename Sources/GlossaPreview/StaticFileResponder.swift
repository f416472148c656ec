import Foundation
import Hummingbird

/// Answers a request from the output folder: the file, a redirect to a folder's slash form,
/// or the site's own `404.html` with status 404.
///
/// Every response says `Cache-Control: no-cache` so a browser revalidates after each rebuild, and
/// HTML gets the live-reload script (with the current build error, if any) at response time.
struct StaticFileResponder: Sendable {
    var resolver: OutputFolderResolver
    var liveReload: LiveReload

    func respond(to request: Request) async -> Response {
        let isHead = request.method == .head
        guard request.method == .get || isHead else {
            return Response(status: .methodNotAllowed, headers: [.allow: "GET, HEAD", .cacheControl: "no-cache"])
        }
        switch resolver.resolve(path: request.uri.path, query: request.uri.query) {
        case .file(let path):
            if let bytes = FileManager.default.contents(atPath: path) {
                return await response(.ok, bytes: [UInt8](bytes), contentType: ContentTypes.contentType(forPath: path), isHead: isHead)
            }
            return await notFound(isHead: isHead)
        case .redirect(let location):
            // 302, not 301: browsers keep permanent redirects, and in a preview a folder may come and go.
            return Response(status: .found, headers: [.location: location, .cacheControl: "no-cache"])
        case .notFound:
            return await notFound(isHead: isHead)
        }
    }
}

private extension StaticFileResponder {
    func notFound(isHead: Bool) async -> Response {
        if case .file(let path) = resolver.resolve(path: "/404.html"), let bytes = FileManager.default.contents(atPath: path) {
            return await response(.notFound, bytes: [UInt8](bytes), contentType: ContentTypes.contentType(forPath: path), isHead: isHead)
        }
        let fallback = "<!doctype html><html><head><meta charset=\"utf-8\"><title>Not found</title></head><body><h1>Not found</h1><p>The site has no page here (and no 404.html).</p></body></html>"
        return await response(.notFound, bytes: Array(fallback.utf8), contentType: ContentTypes.contentType(forPath: "404.html"), isHead: isHead)
    }

    func response(_ status: HTTPResponse.Status, bytes: [UInt8], contentType: String, isHead: Bool) async -> Response {
        var bytes = bytes
        if contentType.hasPrefix("text/html") {
            bytes = ReloadScript.inject(into: bytes, errorText: await liveReload.errorText)
        }
        var headers: HTTPFields = [.contentType: contentType, .cacheControl: "no-cache"]
        if isHead {
            headers[.contentLength] = String(bytes.count)
            return Response(status: status, headers: headers)
        }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
