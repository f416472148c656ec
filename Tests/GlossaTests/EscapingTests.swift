import Foundation
import Testing
@testable import Glossa

/// Hostile text in every field a template shows must never become markup or a live script URL.
@Suite struct EscapingTests {
    static let attack = #"</script><script>alert(1)</script><img src=x onerror=alert(2)> "quoted" 'single' & amp"#

    static var hostileSite: [String: String] {
        let yamlAttack = "'" + attack.replacingOccurrences(of: "'", with: "''") + "'"
        return [
            "Content/site.yml": """
            title: \(yamlAttack)
            baseURL: https://hostile.example/
            description: \(yamlAttack)
            menu:
              - { title: \(yamlAttack), url: /glossary/ }
            footer: [ { title: \(yamlAttack), url: /about/ } ]
            authors:
              eve: { name: \(yamlAttack), bio: \(yamlAttack), url: /about/ }
            """,
            "Content/glossary/x.md": """
            ---
            title: \(yamlAttack)
            description: \(yamlAttack)
            tags: [\(yamlAttack)]
            synonyms: [\(yamlAttack)]
            author: eve
            slug: x
            ---
            <script>alert(3)</script>

            [click](javascript:alert(4)) [also](JaVaScRiPt:alert(5)) [vb](vbscript:msgbox(6))

            ## \(attack)
            """,
            "Content/blog/p.md": "---\ntitle: \(yamlAttack)\ndate: 2024-01-01\nauthor: eve\n---\nText.\n",
            "Content/pages/about.md": "---\ntitle: \(yamlAttack)\n---\nAbout.\n",
        ]
    }

    @Test(arguments: [TemporarySite.Templates.repository, .minimal])
    func noOutputFileLetsScriptRun(templates: TemporarySite.Templates) async throws {
        let site = try TemporarySite(files: Self.hostileSite, templates: templates)
        let report = try await site.build()
        #expect(report.pages > 5)
        let files = try GoldenSiteTests.files(in: site.folder.appendingPathComponent("Output"))
        for (path, data) in files where !path.hasPrefix("assets/") {
            let text = String(decoding: data, as: UTF8.self)
            for forbidden in ["<script>alert", "<img src=x", "javascript:alert", "vbscript:", "JaVaScRiPt:"] {
                #expect(!text.contains(forbidden), "\(path) contains \(forbidden)")
            }
        }
    }

    @Test(arguments: ["javascript:alert(1)", " JAVASCRIPT:alert(1)", "\u{1}javascript:x", "java\tscript:x", "vbscript:x", "data:text/html,x"])
    func unsafeURLsAreRejected(url: String) {
        #expect(!LinkSafety.isSafe(url))
    }

    @Test(arguments: ["/glossary/", "https://x.example/", "mailto:a@b.c", "../x/", "page?a=b:c", "#top", "x.md"])
    func safeURLsPass(url: String) {
        #expect(LinkSafety.isSafe(url))
    }

    @Test func menuWithJavascriptURLIsAnError() async throws {
        let site = try TemporarySite(files: ["Content/site.yml": "title: T\nbaseURL: https://t.example/\nmenu:\n  - { title: Evil, url: \"javascript:alert(1)\" }\n"])
        let diagnostics = await site.buildErrors()
        #expect(diagnostics.first?.formatted.hasPrefix("Content/site.yml:4:5: error: 'menu' entry 'Evil' has an unsafe URL") == true)
    }
}
