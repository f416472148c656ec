import Foundation
import Testing
@testable import Glossa

/// A 50 MB article — prose with term mentions, 5,000 headings (most of them the same), lists,
/// quotes, code and tables — builds into a correct page within a time and memory bound.
///
/// Too slow for every `swift test` (about a minute with a debug binary), so it runs only with
/// `GLOSSA_HUGE_TESTS=1`. It builds with the `glossa` binary in a child process, under
/// `/usr/bin/time`, so the bound is on that build's own peak memory. `GLOSSA=path` picks the
/// binary (`.build/release/glossa` for the numbers in the README); `GLOSSA_HUGE_MAX_SECONDS`
/// (default 300) and `GLOSSA_HUGE_MAX_MB` (default 3000) are the bounds.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["GLOSSA_HUGE_TESTS"] == "1", "set GLOSSA_HUGE_TESTS=1 to build a 50 MB article"))
struct FiftyMegabyteArticleTests {
    static let environment = ProcessInfo.processInfo.environment

    /// About 1 KB of varied Markdown; the article repeats it with a heading every tenth time.
    static func block(_ number: Int) -> String {
        let heading = number % 10 == 0 ? (number % 20 == 0 ? "## Details\n\n" : "## Part \(number)\n\n") : ""
        return heading + """
            An API sits in front of a cache, and the load balancer spreads requests; *every* request \
            to the API passes the `gateway` first, as [the overview](/glossary/api/) explains. Paragraph \(number).

            - a cache entry
              - nested under it, with an API call
            - a load balancer

            > A quoted cache, 2024.

            | term | use |
            |---|---|
            | API | contracts |

            ```
            let cache = API.fetch(\(number))
            ```


            """
    }

    @Test func fiftyMegabyteArticleBuildsWithinBounds() throws {
        var body = ""
        var number = 0
        while body.utf8.count < 50_000_000 {
            body += Self.block(number)
            number += 1
        }
        let site = try TemporarySite(files: [
            "Content/glossary/api.md": termFile(title: "API"),
            "Content/glossary/cache.md": termFile(title: "Cache"),
            "Content/glossary/load-balancer.md": termFile(title: "Load Balancer"),
            "Content/glossary/huge.md": termFile(title: "Huge", body: body),
        ])
        let glossa = Self.environment["GLOSSA"].map { URL(fileURLWithPath: $0) } ?? TestPaths.glossaBinary
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/time")
        process.arguments = ["-f", "TIME %e s %M KB", glossa.path, "build", "--site", site.folder.path, "--quiet"]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let output = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(output)")

        let measured = try #require(output.split(separator: "\n").last { $0.hasPrefix("TIME ") }).split(separator: " ")
        let seconds = try #require(Double(measured[1])), kilobytes = try #require(Int(measured[3]))
        print("50 MB article (\(body.utf8.count) bytes) built by \(glossa.path) in \(seconds) s, peak \(kilobytes / 1024) MB")
        #expect(seconds <= Double(Self.environment["GLOSSA_HUGE_MAX_SECONDS"] ?? "300")!)
        #expect(kilobytes / 1024 <= Int(Self.environment["GLOSSA_HUGE_MAX_MB"] ?? "3000")!)

        let page = try site.read("Output/glossary/huge/index.html")
        #expect(page.utf8.count > 50_000_000)
        #expect(page.hasSuffix("</html>\n"))
        #expect(page.contains(#"<h2 id="details-249">"#), "repeated headings get distinct ids")
        #expect(page.contains(#"<a class="term-link" href="/glossary/cache/""#))
        #expect(page.contains("Paragraph \(number - 1)."), "the last paragraph is there")
    }
}
