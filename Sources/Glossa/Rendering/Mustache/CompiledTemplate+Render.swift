/// Rendering: one walk over the node tree, appending bytes to a single buffer.
///
/// swift-mustache built a `String` per tag and concatenated them, copied its context stack for
/// every section, and escaped text one `Character` at a time through a dictionary; here the
/// stack is pushed and popped in place and escaping scans UTF-8 bytes.
struct TemplateRendering {
    let templates: [String: CompiledTemplate]
    var output: [UInt8] = []
    private var stack: [TemplateValue] = []
    private var position: SequencePosition?
    private var indentation: [UInt8]?
    private var overrides: [String: [TemplateNode]]?
    private var escapes = true
    private var depth = 0
    /// Set when partials or blocks nested deeper than `maximumDepth`: a partial that includes
    /// itself, which would otherwise overflow the stack.
    private(set) var tooDeep = false
    static let maximumDepth = 100

    struct SequencePosition {
        var index: Int
        var count: Int
    }

    init(templates: [String: CompiledTemplate], capacity: Int = 0) {
        self.templates = templates
        output.reserveCapacity(capacity)
    }

    mutating func render(_ template: CompiledTemplate, root: TemplateValue) {
        stack = [root]
        render(template.nodes)
    }
}

private extension TemplateRendering {
    mutating func render(_ nodes: [TemplateNode]) {
        // A `{{% CONTENT_TYPE}}` pragma lasts until the end of the section or template it is in.
        let savedEscapes = escapes
        defer { escapes = savedEscapes }
        guard let indentation, !indentation.isEmpty else {
            // Nodes are borrowed from the buffer: a `for`-in loop copies, and so retains, each one.
            nodes.withUnsafeBufferPointer { nodes in
                for index in nodes.indices { render(nodes[index]) }
            }
            return
        }
        // A partial's indentation goes before every line it starts, except its first: the
        // whitespace in front of the partial tag is already in the output.
        let start = output.count
        for node in nodes {
            let nodeStart = output.count
            render(node)
            if output.count > nodeStart, nodeStart > start, output[nodeStart - 1] == UInt8(ascii: "\n"),
               !(nodeStart - 2 >= start && output[nodeStart - 2] == UInt8(ascii: "\r")) {
                output.insert(contentsOf: indentation, at: nodeStart)
            }
        }
    }

    mutating func render(_ node: TemplateNode) {
        switch node {
        case .text(let bytes):
            output.append(contentsOf: bytes)

        case .variable(let name, let escaped):
            guard let value = resolve(name) else { return }
            switch value {
            case .text(let text):
                if escaped && escapes { output.appendHTMLEscaped(text) } else { output.append(contentsOf: text.utf8) }
            case .bool(let flag):
                output.append(contentsOf: (flag ? "true" : "false").utf8)
            case .list(let list):
                // Mustache has no notation for printing a list; its items, comma-separated, are the least surprising.
                for index in 0..<list.templateCount {
                    if index > 0 { output.append(contentsOf: ", ".utf8) }
                    if case .text(let text)? = list.templateElement(at: index) {
                        if escaped && escapes { output.appendHTMLEscaped(text) } else { output.append(contentsOf: text.utf8) }
                    }
                }
            case .object:
                break
            }

        case .section(let name, let body, let inverted):
            let value = resolve(name)
            if inverted {
                if !isTruthy(value) { render(body) }
                return
            }
            switch value {
            case nil, .bool(false)?:
                return
            case .bool(true)?:
                render(body)
            case .list(let list)?:
                let count = list.templateCount
                let savedPosition = position
                for index in 0..<count {
                    push(list.templateElement(at: index))
                    position = SequencePosition(index: index, count: count)
                    render(body)
                    pop()
                }
                position = savedPosition
            case let value?:
                let savedPosition = position
                position = nil
                push(value)
                render(body)
                pop()
                position = savedPosition
            }

        case .partial(let name, let indented, let inheriting):
            guard let template = templates[name], enter() else { return }
            defer { depth -= 1 }
            let saved = (indentation, overrides, escapes, position)
            if let indented { indentation = (indentation ?? []) + indented }
            if let inheriting {
                // The outermost override of a block wins: a page template's `{{$main}}` beats the layout's default.
                overrides = overrides.map { $0.merging(inheriting) { outer, _ in outer } } ?? inheriting
            }
            escapes = true
            position = nil
            render(template.nodes)
            (indentation, overrides, escapes, position) = saved

        case .block(let name, let defaultNodes, let indented):
            guard enter() else { return }
            defer { depth -= 1 }
            let saved = (indentation, position)
            indentation = (indentation ?? []) + indented
            position = nil
            render(overrides?[name] ?? defaultNodes)
            (indentation, position) = saved

        case .blockOverride:
            break

        case .escaping(let on):
            escapes = on
        }
    }

    mutating func enter() -> Bool {
        guard depth < Self.maximumDepth else {
            tooDeep = true
            return false
        }
        depth += 1
        return true
    }

    func isTruthy(_ value: TemplateValue?) -> Bool {
        switch value {
        case nil, .bool(false)?: false
        case .list(let list)?: list.templateCount > 0
        default: true
        }
    }

    /// The value a tag name refers to: the first context on the stack, innermost first, that
    /// has the name's first part, then each further part inside it.
    func resolve(_ name: TemplateName) -> TemplateValue? {
        switch name.kind {
        case .position(let function):
            guard let position else { return nil }
            switch function {
            case "first": return .bool(position.index == 0)
            case "last": return .bool(position.index == position.count - 1)
            case "index": return .text(String(position.index))
            case "even": return .bool(position.index % 2 == 0)
            default: return .bool(position.index % 2 == 1)
            }
        case .current(let parts):
            return stack.last?.descending(into: parts[...])
        case .path(let parts):
            guard let first = parts.first else { return nil }
            return stack.withUnsafeBufferPointer { stack in
                for index in stack.indices.reversed() {
                    guard case .object(let object) = stack[index] else { continue }
                    if parts.count == 1 {
                        if let found = object.templateField(first) { return found }
                    } else if case .found(let value) = object.templateLookup(parts[...]) {
                        return value
                    }
                }
                return nil
            }
        }
    }

    mutating func push(_ value: TemplateValue?) {
        stack.append(value ?? .text(""))
    }

    mutating func pop() {
        stack.removeLast()
    }
}
