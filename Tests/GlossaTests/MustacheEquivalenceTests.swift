import Mustache
import Testing
@testable import Glossa

/// Glossa's compiled templates must render exactly what swift-mustache renders, so that themes
/// written against swift-mustache (and every golden file) keep their bytes. Hand-picked cases
/// cover each tag kind and the whitespace rules; thousands of generated templates cover the
/// combinations nobody would think to write down.
@Suite struct MustacheEquivalenceTests {
    @Test(arguments: [
        "Hello {{name}}!",
        "{{{name}}} {{&name}} {{ name }}",
        "{{obj.name}} {{obj.deep.name}} {{obj.missing.name}} {{missing}}",
        "{{#list}}[{{.}}]{{/list}}{{^emptyList}}none{{/emptyList}}",
        "{{#obj}}{{name}} {{text}}{{/obj}}",
        "{{#objList}}{{name}}{{^last()}}, {{/last()}}{{/objList}}",
        "{{#objList}}{{#first()}}first {{/first()}}{{index()}}{{/objList}}",
        "{{#flagT}}yes{{/flagT}}{{#flagF}}no{{/flagF}}{{^flagF}}not{{/flagF}}",
        "  {{#flagT}}\n  indented\n  {{/flagT}}\nafter\n",
        "{{! comment }}\n  {{! standalone comment }}\ntext\n",
        "a\n  {{> p2}}\nb\n",
        "{{> p1}}{{> p1}}\n",
        "{{<parent}}{{$b1}}over{{/b1}}{{/parent}}",
        "{{<parent}}\n  {{$b2}}\n  line\n  {{/b2}}\n{{/parent}}\n",
        "{{=<% %>=}}<% name %> {{name}}\n<%={{ }}=%>{{name}}",
        "{{% CONTENT_TYPE: TEXT}}{{name}}",
        "{{#text}}{{.}}{{/text}} {{#multiline}}{{.}}{{/multiline}}",
        "\r\n  {{#flagT}}\r\n  x\r\n  {{/flagT}}\r\n",
        "  {{> p3}}\n",
    ])
    func rendersLikeSwiftMustache(template: String) throws {
        try expectSameOutput(template)
    }

    @Test func generatedTemplatesRenderLikeSwiftMustache() throws {
        var generator = TemplateGenerator(seed: 0x5EED)
        for _ in 0..<3000 {
            try expectSameOutput(generator.template(depth: 0))
        }
    }

    @Test func syntaxErrorsCarryTheirPosition() {
        #expect(throws: MustacheParser.SyntaxError.self) { try MustacheParser.parse("{{#a}}\n{{/b}}") }
        do {
            _ = try MustacheParser.parse("line\n  {{#a}}\n{{/b}}")
        } catch {
            #expect(error.line == 3)
            #expect(error.column == 4)
            #expect(error.message == "closing tag {{/b}} does not match the open section {{#a}}")
        }
        #expect(throws: MustacheParser.SyntaxError.self) { try MustacheParser.parse("{{#a}}never closed") }
        #expect(throws: MustacheParser.SyntaxError.self) { try MustacheParser.parse("{{name") }
        #expect(throws: MustacheParser.SyntaxError.self) { try MustacheParser.parse("{{uppercased(name)}}") }
    }

    /// swift-mustache rejects a template whose last character is `{` (it reads two characters
    /// looking for `{{` and runs off the end); here it is just text.
    @Test func aBraceAtTheEndIsText() throws {
        let template = try MustacheParser.parse("a {")
        var rendering = TemplateRendering(templates: [:])
        rendering.render(template, root: .object(root))
        #expect(rendering.output == Array("a {".utf8))
    }

    @Test func selfIncludingPartialsStopWithAnError() throws {
        let templates = ["loop": try MustacheParser.parse("x{{> loop}}")]
        var rendering = TemplateRendering(templates: templates)
        rendering.render(templates["loop"]!, root: .object(root))
        #expect(rendering.tooDeep)
        #expect(rendering.output.count <= TemplateRendering.maximumDepth + 1)
    }
}

private let partials = [
    "p1": "P1[{{name}}]\n",
    "p2": "line1\n  {{#list}}\n  - {{.}}\n  {{/list}}\nend {{name}}\n",
    "p3": "{{> p1}}\n  x{{> p2}}",
    "parent": "<{{$b1}}d1{{/b1}}|{{$b2}}d2\n{{/b2}}>\n{{#list}}\n  {{$b3}}in list{{/b3}}\n{{/list}}\n",
]

/// A context value both engines understand.
private indirect enum Sample: TemplateValueConvertible {
    case text(String)
    case flag(Bool)
    case list([Sample])
    case object([String: Sample])

    var templateValue: TemplateValue? {
        switch self {
        case .text(let text): .text(text)
        case .flag(let flag): .bool(flag)
        case .list(let items): .list(items)
        case .object(let fields): .object(fields)
        }
    }

    var reference: Any {
        switch self {
        case .text(let text): text
        case .flag(let flag): flag
        case .list(let items): items.map(\.reference)
        case .object(let fields): fields.mapValues(\.reference)
        }
    }
}

private let root: [String: Sample] = [
    "name": .text("Ada <&> \"Lovelace\" 'x'"),
    "text": .text("t"),
    "multiline": .text("l1\nl2"),
    "flagT": .flag(true),
    "flagF": .flag(false),
    "list": .list([.text("x"), .text("y"), .text("z")]),
    "emptyList": .list([]),
    "obj": .object(["name": .text("inner"), "deep": .object(["name": .text("deep")])]),
    "objList": .list([.object(["name": .text("o1")]), .object(["name": .text("o2"), "text": .text("own")])]),
]

private func expectSameOutput(_ template: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
    var library = MustacheLibrary()
    var compiled: [String: CompiledTemplate] = [:]
    for (name, text) in partials {
        try library.register(text, named: name)
        compiled[name] = try MustacheParser.parse(text)
    }
    let reference: String
    do {
        library.register(try Mustache.MustacheTemplate(string: template), named: "main")
        reference = library.render(root.mapValues(\.reference), withTemplate: "main") ?? ""
    } catch {
        #expect(throws: MustacheParser.SyntaxError.self, "swift-mustache rejects \(template.debugDescription)", sourceLocation: sourceLocation) {
            try MustacheParser.parse(template)
        }
        return
    }
    compiled["main"] = try MustacheParser.parse(template)
    var rendering = TemplateRendering(templates: compiled)
    rendering.render(compiled["main"]!, root: .object(root))
    #expect(String(decoding: rendering.output, as: UTF8.self) == reference, "template: \(template.debugDescription)", sourceLocation: sourceLocation)
}

/// Random but well-formed templates, built from the pieces where whitespace rules bite:
/// tags alone on a line, indentation, nesting and inheritance.
private struct TemplateGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next(_ bound: Int) -> Int {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Int((state >> 33) % UInt64(bound))
    }

    mutating func pick(_ options: [String]) -> String { options[next(options.count)] }

    mutating func template(depth: Int) -> String {
        (0..<(1 + next(6))).map { _ in piece(depth: depth) }.joined()
    }

    mutating func piece(depth: Int) -> String {
        let sections = ["flagT", "flagF", "list", "emptyList", "obj", "objList", "text", "missing"]
        switch next(depth < 3 ? 12 : 7) {
        case 0: return pick(["a", "b c", " ", "  ", "\t", "<&>", "}", "x}}", "{x"])
        case 1: return pick(["\n", "\n", "\r\n", "  \n"])
        case 2: return pick(["{{name}}", "{{{name}}}", "{{&name}}", "{{obj.name}}", "{{#list}}{{.}}{{/list}}", "{{missing}}", "{{ text }}", "{{obj.deep.name}}", "{{multiline}}"])
        case 3: return pick(["{{! note }}", "\n{{! alone }}\n", "  {{! indented }}\n"])
        case 4: return pick(["{{> p1}}", "\n  {{> p2}}\n", "{{> p3}}", "\n{{> p1}}\n", "{{> nothing}}"])
        case 5: return pick(["{{#objList}}{{#first()}}^{{/first()}}{{name}}{{^last()}},{{/last()}}{{/objList}}", "{{#list}}{{index()}}{{/list}}"])
        case 6: return pick(["    ", "\n    ", "x\n  "])
        case 7, 8:
            let name = pick(sections)
            let sigil = pick(["#", "^"])
            let open = pick(["", "\n", "\n  ", "  "]) + "{{\(sigil)\(name)}}" + pick(["", "\n"])
            let close = pick(["", "\n", "  "]) + "{{/\(name)}}" + pick(["", "\n"])
            return open + template(depth: depth + 1) + close
        case 9 where depth == 0:
            // Parents and blocks only at the top: a block inside its own override recurses
            // forever in swift-mustache (Glossa stops at a depth limit, tested above).
            let body = pick(["", "\n"]) + "{{$b1}}" + template(depth: depth + 1) + "{{/b1}}" + pick(["", "\n", "\n  "])
                + pick(["", "{{$b2}}\n" + template(depth: depth + 1) + "{{/b2}}\n"])
            return pick(["", "\n", "  "]) + "{{<parent}}" + body + "{{/parent}}" + pick(["", "\n"])
        case 10 where depth == 0:
            return pick(["", "\n"]) + "{{$b1}}" + template(depth: depth + 1) + "{{/b1}}"
        default:
            return "{{#objList}}" + template(depth: depth + 1) + "{{/objList}}"
        }
    }
}
