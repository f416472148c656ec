import Foundation
import Glossa
@testable import GlossaPreview
import Testing

/// The preview server's routes, over a real socket on an ephemeral port of 127.0.0.1.
@Suite(.serialized)
struct PreviewRouteTests {
    /// An output folder with pages, a 404 page, assets, and symlinks that try to leave it.
    static func makeOutput(_ folder: TestFolder) throws -> URL {
        try folder.write("outside/secret.txt", "TOP SECRET")
        try folder.write("Output/index.html", "<!doctype html><html><body><h1>Home</h1></body></html>")
        try folder.write("Output/glossary/api/index.html", "<html><BODY><p>API</p></BODY></html>")
        try folder.write("Output/404.html", "<html><body><p>custom not found</p></body></html>")
        try folder.write("Output/assets/style.css", "body{}")
        try folder.write("Output/search-index.json", "[]")
        try folder.write("Output/feed.xml", "<feed/>")
        try folder.write("Output/favicon.svg", "<svg/>")
        try folder.write("Output/robots.txt", "User-agent: *")
        try folder.write("Output/inside.txt", "inside")
        let output = folder.url.appendingPathComponent("Output")
        let fileManager = FileManager.default
        try fileManager.createSymbolicLink(atPath: output.appendingPathComponent("secret-link.txt").path, withDestinationPath: folder.path + "/outside/secret.txt")
        try fileManager.createSymbolicLink(atPath: output.appendingPathComponent("outside-folder").path, withDestinationPath: folder.path + "/outside")
        try fileManager.createSymbolicLink(atPath: output.appendingPathComponent("inside-link.txt").path, withDestinationPath: "inside.txt")
        return output
    }

    /// Runs `body` against a server on an ephemeral port serving `output`.
    static func withServer(output: URL, liveReload: LiveReload = LiveReload(), _ body: (HTTPTestClient) async throws -> Void) async throws {
        var buildOptions = BuildOptions(siteFolder: output.deletingLastPathComponent(), outputFolder: output)
        buildOptions.jobs = 1
        var options = PreviewServer.Options(build: buildOptions)
        options.port = 0
        let server = PreviewServer(options: options) { _ in }
        let session = PreviewSession(options: buildOptions, liveReload: liveReload)
        let watcher = SiteWatcher.start(watching: [], forcePolling: true)
        let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
        let app = server.makeApplication(session: session, watcher: watcher) { portContinuation.yield($0) }
        let running = Task { try await app.run() }
        defer { running.cancel() }
        var iterator = ports.makeAsyncIterator()
        let port = try #require(await iterator.next())
        try await body(HTTPTestClient(port: port))
        watcher.stop()
    }

    @Test func pagesResolveToIndexFilesWithTheReloadScript() async throws {
        let folder = TestFolder()
        defer { folder.remove() }
        try await Self.withServer(output: Self.makeOutput(folder)) { client in
            let home = try await client.get("/")
            #expect(home.status == 200)
            #expect(home.headers["content-type"] == "text/html; charset=utf-8")
            #expect(home.headers["cache-control"] == "no-cache")
            #expect(home.body.contains("<h1>Home</h1>"))
            #expect(home.body.contains("new EventSource(\"/__glossa/events\")"))
            #expect(home.body.hasSuffix("</script></body></html>"), "the script goes right before </body>")

            let term = try await client.get("/glossary/api/")
            #expect(term.status == 200)
            #expect(term.body.contains("<p>API</p><script>"), "inserted before </BODY>, whatever its case")
            let explicit = try await client.get("/glossary/api/index.html")
            #expect(explicit.status == 200)
        }
    }

    @Test func folderWithoutSlashRedirects() async throws {
        let folder = TestFolder()
        defer { folder.remove() }
        try await Self.withServer(output: Self.makeOutput(folder)) { client in
            let reply = try await client.get("/glossary/api")
            #expect(reply.status == 302)
            #expect(reply.headers["location"] == "/glossary/api/")
            let withQuery = try await client.get("/glossary?x=1")
            #expect(withQuery.headers["location"] == "/glossary/?x=1")
            let doubleSlash = try await client.get("//glossary")
            #expect(doubleSlash.headers["location"] == "/glossary/", "never a protocol-relative //host redirect")
        }
    }

    @Test func missingPagesGetTheSite404PageWithStatus404() async throws {
        let folder = TestFolder()
        defer { folder.remove() }
        try await Self.withServer(output: Self.makeOutput(folder)) { client in
            let reply = try await client.get("/no/such/page/")
            #expect(reply.status == 404)
            #expect(reply.body.contains("custom not found"))
            #expect(reply.body.contains("/__glossa/events"))
            #expect(reply.headers["content-type"] == "text/html; charset=utf-8")
        }
    }

    @Test func contentTypesFollowTheExtension() async throws {
        let folder = TestFolder()
        defer { folder.remove() }
        try await Self.withServer(output: Self.makeOutput(folder)) { client in
            let expected = [
                "/assets/style.css": "text/css; charset=utf-8",
                "/search-index.json": "application/json",
                "/feed.xml": "application/xml; charset=utf-8",
                "/favicon.svg": "image/svg+xml",
                "/robots.txt": "text/plain; charset=utf-8",
            ]
            for (path, type) in expected {
                let reply = try await client.get(path)
                #expect(reply.status == 200, "\(path)")
                #expect(reply.headers["content-type"] == type, "\(path)")
                #expect(reply.headers["cache-control"] == "no-cache", "\(path)")
                #expect(!reply.body.contains("__glossa"), "only HTML gets the script: \(path)")
            }
            let head = try await client.get("/assets/style.css", method: "HEAD")
            #expect(head.status == 200)
            #expect(head.headers["content-length"] == "6")
            #expect(head.body.isEmpty)
        }
    }

    @Test func nothingOutsideTheOutputFolderIsServed() async throws {
        let folder = TestFolder()
        defer { folder.remove() }
        try await Self.withServer(output: Self.makeOutput(folder)) { client in
            let attempts = [
                "/../outside/secret.txt",
                "/%2e%2e/outside/secret.txt",
                "/%2E%2E/%2E%2E/outside/secret.txt",
                "/glossary/../../outside/secret.txt",
                "/glossary/%2e%2e/%2e%2e/outside/secret.txt",
                "/..%2foutside%2fsecret.txt",
                "/%2f..%2f..%2foutside/secret.txt",
                "/..%5coutside%5csecret.txt",
                "/secret-link.txt",
                "/outside-folder/secret.txt",
                "/outside-folder/",
                "/outside-folder",
                "/inside.txt%00.html",
            ]
            for path in attempts {
                let reply = try await client.get(path)
                #expect(reply.status == 404, "\(path) → \(reply.status)")
                #expect(!reply.body.contains("TOP SECRET"), "\(path)")
            }
            let link = try await client.get("/inside-link.txt")
            #expect(link.status == 200, "a symlink that stays inside the output folder is fine")
            #expect(link.body == "inside")
        }
    }

    @Test func currentBuildErrorIsServedInEveryPage() async throws {
        let folder = TestFolder()
        defer { folder.remove() }
        let liveReload = LiveReload()
        await liveReload.buildFailed("Content/glossary/api.md:3:7: error: bad </script><b>")
        try await Self.withServer(output: Self.makeOutput(folder), liveReload: liveReload) { client in
            let reply = try await client.get("/")
            #expect(reply.body.contains(#"initialError="Content/glossary/api.md:3:7: error: bad \u003c/script\u003e\u003cb\u003e""#))
            await liveReload.buildSucceeded(changedFiles: [])
            let fixed = try await client.get("/")
            #expect(fixed.body.contains("initialError=null"))
        }
    }

    @Test func otherMethodsAreRefused() async throws {
        let folder = TestFolder()
        defer { folder.remove() }
        try await Self.withServer(output: Self.makeOutput(folder)) { client in
            let reply = try await client.get("/", method: "DELETE")
            #expect(reply.status == 405)
        }
    }
}
