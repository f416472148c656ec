import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import Glossa

/// A small site written to a temporary folder and built with the repository's own templates,
/// for the SEO tests: feeds, sitemap, structured data and the search files.
enum SEOFixture {
    static let hostileTitle = #"Quote "double" & 'single' </script><script>alert(1)</script>"#
    static let hostileDescription = #"He said "hi" & left </SCRIPT> <!-- here"#
    static let trickyDescription = #"Keeps <b>bold</b> & "quoted" answers close."#

    /// The repository root, whose `Templates/` the fixture uses.
    static var repository: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// The fixture built once under `https://example.com/docs/`, shared by tests that only read it.
    static let shared = Task { try await build() }

    /// Builds the fixture and returns its output folder.
    static func build(baseURL: String? = "https://example.com/docs/") async throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("glossa-seo-\(UUID().uuidString)")
        try write(to: folder)
        var options = BuildOptions(siteFolder: folder)
        options.baseURL = baseURL
        options.jobs = 2
        _ = try await SiteBuilder.build(options)
        return options.outputFolder
    }

    /// Deletes a fixture built by `build`, site folder and all.
    static func remove(_ output: URL) {
        try? FileManager.default.removeItem(at: output.deletingLastPathComponent())
    }

    static func write(to folder: URL) throws {
        let fileManager = FileManager.default
        try fileManager.createDirectory(at: folder.appendingPathComponent("Content/glossary"), withIntermediateDirectories: true)
        try fileManager.createDirectory(at: folder.appendingPathComponent("Content/blog"), withIntermediateDirectories: true)
        try fileManager.createDirectory(at: folder.appendingPathComponent("Content/pages"), withIntermediateDirectories: true)
        try fileManager.copyItem(at: repository.appendingPathComponent("Templates"), to: folder.appendingPathComponent("Templates"))
        var files: [String: String] = [
            "site.yml": """
            title: Fixture Glossary
            baseURL: https://fixture.example.org/
            description: A small site for testing feeds & search.
            language: en-GB
            authors:
              ada: { name: Ada Example, url: /about/ }
            """,
            "glossary/api.md": """
            ---
            title: API
            description: A contract between programs.
            date: 2024-01-15
            updated: 2024-09-02
            tags: [architecture]
            synonyms: [Application Programming Interface]
            related: [cache]
            author: ada
            ---

            An API is a contract.
            """,
            "glossary/cache.md": """
            ---
            title: Cache
            description: '\(trickyDescription.replacingOccurrences(of: "'", with: "''"))'
            date: 2024-05-01
            tags: [architecture, performance]
            ---

            A cache keeps answers close. Use `<b>` tags & friends.
            """,
            "glossary/hostile.md": """
            ---
            title: '\(hostileTitle.replacingOccurrences(of: "'", with: "''"))'
            description: '\(hostileDescription.replacingOccurrences(of: "'", with: "''"))'
            date: 2023-01-01
            synonyms: ['</script>"Alias"']
            ---

            Text.
            """,
            "glossary/undated.md": """
            ---
            title: Undated
            description: A term without a date.
            ---

            No date here.
            """,
            "pages/about.md": """
            ---
            title: About
            description: About the fixture.
            ---

            About.
            """,
        ]
        for number in 1...22 {
            let day = String(format: "%02d", number)
            let updated = number == 22 ? "updated: 2024-06-30T10:00:00+02:00\n" : ""
            files["blog/post-\(day).md"] = """
            ---
            title: Post \(day)
            description: Post number \(number) & more.
            date: 2024-02-\(day)
            \(updated)tags: [news]
            author: ada
            ---

            Body of post \(number) with <b>no raw HTML</b>.
            """
        }
        for (path, text) in files {
            try text.write(to: folder.appendingPathComponent("Content/" + path), atomically: true, encoding: .utf8)
        }
    }

    static func read(_ output: URL, _ path: String) throws -> String {
        try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }

    /// The JSON-LD document of a built page, parsed.
    static func jsonLD(_ html: String) throws -> [String: Any] {
        guard let open = html.range(of: #"<script type="application/ld+json">"#),
              let close = html.range(of: "</script>", range: open.upperBound..<html.endIndex)
        else { throw FixtureError("no JSON-LD script in page") }
        let json = html[open.upperBound..<close.lowerBound]
        guard let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else {
            throw FixtureError("JSON-LD is not an object")
        }
        return object
    }

    /// The schema.org nodes of a page, by `@type`.
    static func graph(_ html: String) throws -> [String: [String: Any]] {
        let nodes = try jsonLD(html)["@graph"] as? [[String: Any]] ?? []
        return Dictionary(nodes.map { ($0["@type"] as? String ?? "", $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Every HTML page in the output, as the root-relative URL it is served at.
    static func pageURLs(_ output: URL, basePath: String) -> Set<String> {
        var urls: Set<String> = []
        let enumerator = FileManager.default.enumerator(atPath: output.path)
        while let path = enumerator?.nextObject() as? String {
            guard path.hasSuffix(".html") else { continue }
            urls.insert(basePath + (path.hasSuffix("index.html") ? String(path.dropLast("index.html".count)) : path))
        }
        return urls
    }
}

struct FixtureError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// An XML document parsed with Foundation's `XMLParser`: parsing fails on anything not well-formed.
struct XMLNode {
    var name: String
    var attributes: [String: String]
    var children: [XMLNode]
    var text: String

    func all(_ name: String) -> [XMLNode] { children.filter { $0.name == name } }
    func first(_ name: String) -> XMLNode? { children.first { $0.name == name } }

    static func parse(_ text: String) throws -> XMLNode {
        let parser = XMLParser(data: Data(text.utf8))
        let builder = TreeBuilder()
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else {
            throw FixtureError("not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "no root element")")
        }
        return root
    }

    private final class TreeBuilder: NSObject, XMLParserDelegate {
        var stack: [XMLNode] = []
        var root: XMLNode?

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            stack.append(XMLNode(name: name, attributes: attributes, children: [], text: ""))
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if !stack.isEmpty { stack[stack.count - 1].text += string }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            let node = stack.removeLast()
            if stack.isEmpty { root = node } else { stack[stack.count - 1].children.append(node) }
        }
    }
}
