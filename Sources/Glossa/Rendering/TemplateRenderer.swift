import Foundation

/// The theme's Mustache templates, compiled once and checked before anything is rendered.
///
/// Mustache renders a missing partial as nothing; a theme author needs it as an error with a
/// file and line, so every `{{> partial}}` and `{{< parent}}` reference is checked at load time
/// and `render` throws for a missing template instead of writing an empty page.
public struct TemplateRenderer: Sendable {
    /// Page templates every theme must provide.
    public static let requiredTemplates = ["layout", "home", "term", "post", "page", "glossary", "blog", "tags", "tag", "404"]

    private let templates: [String: CompiledTemplate]
    public let names: Set<String>

    /// Loads `Templates/*.mustache` and `Templates/partials/*.mustache`.
    public init(templatesFolder: URL, displayPrefix: String = "Templates") throws(BuildError) {
        var log = DiagnosticLog()
        var sources: [String: SourceText] = [:]
        let files = Self.templateFiles(in: templatesFolder)
        if !FileManager.default.fileExists(atPath: templatesFolder.path) {
            throw BuildError(.error("no Templates/ folder in the site (`glossa init DIR` writes the default theme)"))
        }
        for (name, relativePath) in files {
            let displayPath = "\(displayPrefix)/\(relativePath)"
            guard let data = FileManager.default.contents(atPath: templatesFolder.appendingPathComponent(relativePath).path) else {
                log.error("cannot read template", at: SourceLocation(file: displayPath))
                continue
            }
            do {
                let source = try SourceText.decode([UInt8](data), path: displayPath)
                if let existing = sources[name] {
                    log.error("template name '\(name)' is used twice: \(existing.path) and \(displayPath)", at: SourceLocation(file: displayPath))
                }
                sources[name] = source
            } catch {
                log.append(contentsOf: DiagnosticLog(error.diagnostics))
            }
        }
        var templates: [String: CompiledTemplate] = [:]
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            do throws(MustacheParser.SyntaxError) {
                templates[name] = try MustacheParser.parse(source.text)
            } catch {
                log.error("template syntax error: \(error.message)",
                          at: source.location(line: error.line, column: error.column), sourceLine: source.line(error.line))
            }
            for reference in Self.references(in: source) where sources[reference.value] == nil {
                log.error("template refers to '\(reference.value)', but there is no Templates/\(reference.value).mustache or Templates/partials/\(reference.value).mustache",
                          at: reference.location, sourceLine: source.line(reference.location.line))
            }
        }
        for name in Self.requiredTemplates where sources[name] == nil {
            log.error("missing template: the theme needs \(displayPrefix)/\(name).mustache", at: SourceLocation(file: "\(displayPrefix)/\(name).mustache"))
        }
        try log.throwIfErrors()
        self.templates = templates
        self.names = Set(sources.keys)
    }

    /// Renders `context` with the template called `name`, as UTF-8.
    public func render(_ context: some TemplateObject, template name: String) throws(BuildError) -> [UInt8] {
        guard let template = templates[name] else {
            throw BuildError(.error("missing template: Templates/\(name).mustache"))
        }
        var rendering = TemplateRendering(templates: templates, capacity: 32 * 1024)
        rendering.render(template, root: .object(context))
        if rendering.tooDeep {
            throw BuildError(.error("Templates/\(name).mustache: partials nest more than \(TemplateRendering.maximumDepth) deep; does a partial include itself?"))
        }
        return rendering.output
    }

    /// `render` as a `String`, for tests and callers that post-process the page.
    public func renderText(_ context: some TemplateObject, template name: String) throws(BuildError) -> String {
        String(decoding: try render(context, template: name), as: UTF8.self)
    }
}

private extension TemplateRenderer {
    /// Template name → path relative to the templates folder. Partials are named by file name alone.
    static func templateFiles(in folder: URL) -> [(String, String)] {
        var files: [(String, String)] = []
        for subfolder in ["", "partials/"] {
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(subfolder).path)) ?? []
            for entry in entries.sorted() where entry.hasSuffix(".mustache") && !entry.hasPrefix(".") {
                files.append((String(entry.dropLast(".mustache".count)), subfolder + entry))
            }
        }
        return files
    }

    /// Every `{{> name}}` and `{{< name}}` in a template, with its position.
    static func references(in source: SourceText) -> [Located<String>] {
        var found: [Located<String>] = []
        for (lineIndex, line) in source.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let open = rest.range(of: "{{") {
                let afterOpen = rest[open.upperBound...]
                guard let sigil = afterOpen.first, sigil == ">" || sigil == "<",
                      let close = afterOpen.range(of: "}}")
                else {
                    rest = afterOpen
                    continue
                }
                let name = afterOpen[afterOpen.index(after: afterOpen.startIndex)..<close.lowerBound].trimmingCharacters(in: .whitespaces)
                if !name.isEmpty, !name.hasPrefix("*") {
                    let column = line.distance(from: line.startIndex, to: open.lowerBound) + 1
                    found.append(Located(name, at: source.location(line: lineIndex + 1, column: column)))
                }
                rest = afterOpen[close.upperBound...]
            }
        }
        return found
    }
}
