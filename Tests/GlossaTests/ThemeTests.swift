import Foundation
import Testing
@testable import Glossa

/// The default theme's promises that can be checked without a browser: a self-contained
/// stylesheet whose colors all come from defined custom properties, a dark palette, the marker
/// later additions go under, and the markup hooks the stylesheet styles.
@Suite("Default theme")
struct ThemeTests {
    /// The package root, found from this file's path so the tests run from any working directory.
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func stylesheet() throws -> String {
        try String(contentsOf: root.appendingPathComponent("Templates/assets/style.css"), encoding: .utf8)
    }

    @Test("ends with the marker other features append their rules below")
    func additionsMarker() throws {
        let css = try Self.stylesheet().trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(css.hasSuffix("/* Additions below */"))
    }

    @Test("loads nothing from elsewhere: no @import, remote url() or web fonts")
    func selfContained() throws {
        let css = try Self.stylesheet()
        #expect(!css.contains("@import"))
        #expect(!css.contains("@font-face"))
        #expect(!css.contains("url(http"))
        #expect(!css.contains("url(//"))
    }

    @Test("has a dark palette and print rules")
    func darkModeAndPrint() throws {
        let css = try Self.stylesheet()
        #expect(css.contains("@media (prefers-color-scheme: dark)"))
        #expect(css.contains("@media print"))
    }

    @Test("every var(--name) it uses is defined")
    func customPropertiesDefined() throws {
        let css = try Self.stylesheet()
        let used = Set(css.matches(of: /var\((--[a-z0-9-]+)/).map { String($0.1) })
        let defined = Set(css.matches(of: /(--[a-z0-9-]+)\s*:/).map { String($0.1) })
        #expect(!used.isEmpty)
        #expect(used.subtracting(defined).isEmpty, "undefined: \(used.subtracting(defined).sorted())")
    }

    @Test("the dark palette overrides every color the light one defines")
    func darkPaletteComplete() throws {
        let css = try Self.stylesheet()
        func colorNames(in block: Substring) -> Set<String> {
            Set(block.matches(of: /(--[a-z0-9-]+)\s*:\s*(#|rgb|hsl|0 )/).map { String($0.1) })
        }
        let rootStart = try #require(css.range(of: ":root {"))
        let darkStart = try #require(css.range(of: "@media (prefers-color-scheme: dark) {"))
        let light = colorNames(in: css[rootStart.upperBound..<darkStart.lowerBound])
        let darkEnd = try #require(css.range(of: "/* ----", range: darkStart.upperBound..<css.endIndex))
        let dark = colorNames(in: css[darkStart.upperBound..<darkEnd.lowerBound])
        #expect(light.count > 10)
        #expect(light.subtracting(dark).isEmpty, "light-only colors: \(light.subtracting(dark).sorted())")
    }

    @Test("the sample site renders with the markup the stylesheet styles")
    func renderedMarkup() async throws {
        let output = FileManager.default.temporaryDirectory
            .appendingPathComponent("glossa-theme-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        var options = BuildOptions(siteFolder: Self.root, outputFolder: output)
        options.sourceDateEpoch = 0
        _ = try await SiteBuilder.build(options)

        func page(_ path: String) throws -> String {
            try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
        }
        let term = try page("glossary/idempotency/index.html")
        for hook in [#"class="skip-link""#, #"class="breadcrumb""#, #"class="article-layout""#, #"class="toc""#,
                     #"class="prose""#, #"class="anchor""#, #"class="article-meta""#, "Read ",
                     #"class="author-box""#, #"class="author-label""#, #"class="card-title""#,
                     #"class="recent-posts""#, "Visit Blog", #"class="back-to-top""#, "<details>"] {
            #expect(term.contains(hook), "term page lacks \(hook)")
        }
        let index = try page("glossary/index.html")
        #expect(index.contains(#"class="letter-nav""#))
        #expect(index.contains(#"class="empty""#))
        #expect(index.contains(#"<div class="term-entry">"#))
        #expect(index.contains(#"<div class="term-entry synonym-entry">"#))
        let notFound = try page("404.html")
        #expect(notFound.contains(#"class="status""#))
        #expect(try page("index.html").contains(#"class="hero""#))
        #expect(try page("tags/index.html").contains(#"class="tag-cloud""#))
    }
}
