/// Parses Mustache text into a `CompiledTemplate`.
///
/// Whitespace follows swift-mustache's reading of the spec exactly — which lines count as
/// standalone, where indentation goes — so themes render byte for byte as they did when
/// swift-mustache rendered them; `MustacheEquivalenceTests` keeps it that way.
struct MustacheParser {
    struct SyntaxError: Error, Equatable {
        enum Reason: Equatable {
            case closingTagMismatch(expected: String?, found: String)
            case unclosedTag
            case unclosedSection(String)
            case badDelimiters
            case badPragma
            case unsupportedTransform(String)
            case dynamicPartial
            case contentInsideParent
        }

        var reason: Reason
        /// 1-based line and column of the parser position where the error was noticed.
        var line: Int
        var column: Int

        var message: String {
            switch reason {
            case .closingTagMismatch(let expected?, let found): "closing tag {{/\(found)}} does not match the open section {{#\(expected)}}"
            case .closingTagMismatch(nil, let found): "closing tag {{/\(found)}} has no open section"
            case .unclosedTag: "a tag is not closed with }} (or it holds characters a tag name cannot have)"
            case .unclosedSection(let name): "section {{#\(name)}} is never closed"
            case .badDelimiters: "bad set-delimiter tag"
            case .badPragma: "unknown pragma: only {{% CONTENT_TYPE: HTML}} and {{% CONTENT_TYPE: TEXT}} exist"
            case .unsupportedTransform(let name): "'\(name)' is not supported: the only functions are first(), last(), index(), even() and odd() inside a list section"
            case .dynamicPartial: "dynamic partials ({{>*name}}) are not supported"
            case .contentInsideParent: "only {{$block}} overrides may appear inside {{<parent}}"
            }
        }
    }

    fileprivate struct State {
        var sectionName: String?
        var newLine = true
        var isInsideParent = false
        var isParentTopLevel = false
        var openDelimiter: [Character] = ["{", "{"]
        var closeDelimiter: [Character] = ["}", "}"]
        var parentIndent: ArraySlice<Character>?

        func entering(section name: String, newLine: Bool) -> State {
            var state = self
            state.sectionName = name
            state.isParentTopLevel = false
            if !newLine { state.newLine = false }
            return state
        }

        func entering(parent name: String) -> State {
            var state = self
            state.sectionName = name
            state.newLine = true
            state.isInsideParent = true
            state.isParentTopLevel = true
            return state
        }
    }

    private let characters: [Character]
    private var position = 0

    static func parse(_ text: String) throws(SyntaxError) -> CompiledTemplate {
        var parser = MustacheParser(characters: Array(text))
        return CompiledTemplate(nodes: try parser.parseNodes(State()))
    }

    private init(characters: [Character]) {
        self.characters = characters
    }
}

private extension MustacheParser {
    var reachedEnd: Bool { position >= characters.count }
    var current: Character { reachedEnd ? "\0" : characters[position] }

    func error(_ reason: SyntaxError.Reason, at errorPosition: Int? = nil) -> SyntaxError {
        let end = min(errorPosition ?? position, characters.count)
        var line = 1
        var lineStart = 0
        for index in 0..<end where characters[index].isNewline {
            line += 1
            lineStart = index + 1
        }
        return SyntaxError(reason: reason, line: line, column: end - lineStart + 1)
    }

    mutating func parseNodes(_ initial: State) throws(SyntaxError) -> [TemplateNode] {
        var nodes: [TemplateNode] = []
        var state = initial
        var whitespaceBefore: ArraySlice<Character> = []
        func appendText(_ text: some Sequence<Character>) {
            nodes.append(.text(Array(String(text).utf8)))
        }
        while !reachedEnd {
            if state.newLine {
                let whitespace = read(while: { $0 == " " || $0 == "\t" })
                if state.isInsideParent, !state.isParentTopLevel {
                    if let indent = state.parentIndent {
                        whitespaceBefore = whitespace.dropFirst(indent.count)
                    } else {
                        state.parentIndent = whitespace
                    }
                } else {
                    whitespaceBefore = whitespace
                }
            }
            let text = readUntilTagOrNewline(state)
            if !reachedEnd, current.isNewline {
                appendText(whitespaceBefore + text + [current])
                state.newLine = true
                position += 1
                continue
            }
            if !text.isEmpty {
                appendText(whitespaceBefore + text)
                whitespaceBefore = []
                state.newLine = false
            }
            if reachedEnd { break }
            var setNewLine = false
            let tagStart = position
            switch current {
            case "#", "^":
                let inverted = current == "^"
                position += 1
                let name = try parseName(state)
                if isStandalone(state) {
                    setNewLine = true
                } else if !whitespaceBefore.isEmpty {
                    appendText(whitespaceBefore)
                    whitespaceBefore = []
                }
                let body = try parseNodes(state.entering(section: name.text, newLine: setNewLine))
                nodes.append(.section(name, body, inverted: inverted))

            case "/":
                position += 1
                let namePosition = position
                let name = try parseName(state)
                guard name.text == state.sectionName else {
                    throw error(.closingTagMismatch(expected: state.sectionName, found: name.text), at: namePosition)
                }
                if !isStandalone(state), !whitespaceBefore.isEmpty {
                    appendText(whitespaceBefore)
                }
                return nodes

            case "!":
                position += 1
                try skipComment(state)
                setNewLine = isStandalone(state)

            case "{", "&":
                if !whitespaceBefore.isEmpty {
                    appendText(whitespaceBefore)
                    whitespaceBefore = []
                }
                let triple = current == "{"
                position += 1
                let name = try parseName(state)
                if triple {
                    guard !reachedEnd, current == "}" else { throw error(.unclosedTag) }
                    position += 1
                }
                nodes.append(.variable(name, escaped: false))

            case ">":
                position += 1
                _ = read(while: \.isWhitespace)
                if current == "*" { throw error(.dynamicPartial) }
                let name = try parsePartialName(state)
                if !whitespaceBefore.isEmpty { appendText(whitespaceBefore) }
                if isStandalone(state) {
                    setNewLine = true
                    nodes.append(.partial(name, indentation: Array(String(whitespaceBefore).utf8), overrides: nil))
                } else {
                    nodes.append(.partial(name, indentation: nil, overrides: nil))
                }
                whitespaceBefore = []

            case "<":
                position += 1
                _ = read(while: \.isWhitespace)
                let name = try parsePartialName(state)
                if name.hasPrefix("*") { throw error(.dynamicPartial) }
                if !whitespaceBefore.isEmpty { appendText(whitespaceBefore) }
                if isStandalone(state) { setNewLine = true }
                var overrides: [String: [TemplateNode]] = [:]
                for node in try parseNodes(state.entering(parent: name)) {
                    switch node {
                    case .blockOverride(let block, let content): overrides[block] = content
                    case .text: break
                    default: throw error(.contentInsideParent, at: tagStart)
                    }
                }
                nodes.append(.partial(name, indentation: Array(String(whitespaceBefore).utf8), overrides: overrides))
                whitespaceBefore = []

            case "$":
                position += 1
                let name = try parseName(state)
                guard case .path = name.kind else { throw error(.unsupportedTransform(name.text)) }
                if state.isParentTopLevel {
                    if isStandalone(state) { setNewLine = true }
                    let body = try parseNodes(state.entering(section: name.text, newLine: setNewLine))
                    nodes.append(.blockOverride(name.text, body))
                } else {
                    if !whitespaceBefore.isEmpty { appendText(whitespaceBefore) }
                    if isStandalone(state) { setNewLine = true }
                    let body = try parseNodes(state.entering(section: name.text, newLine: setNewLine))
                    nodes.append(.block(name.text, defaultNodes: body, indentation: Array(String(whitespaceBefore).utf8)))
                    whitespaceBefore = []
                }

            case "=":
                position += 1
                state = try parseDelimiters(state)
                setNewLine = isStandalone(state)

            case "%":
                position += 1
                nodes.append(try parsePragma(state))
                setNewLine = isStandalone(state)

            default:
                if !whitespaceBefore.isEmpty {
                    appendText(whitespaceBefore)
                    whitespaceBefore = []
                }
                nodes.append(.variable(try parseName(state), escaped: true))
            }
            state.newLine = setNewLine
        }
        if let open = state.sectionName {
            throw error(.unclosedSection(open))
        }
        return nodes
    }

    @discardableResult
    mutating func read(while predicate: (Character) -> Bool) -> ArraySlice<Character> {
        let start = position
        while !reachedEnd, predicate(characters[position]) { position += 1 }
        return characters[start..<position]
    }

    mutating func read(_ expected: [Character]) -> Bool {
        guard position + expected.count <= characters.count,
              characters[position..<position + expected.count].elementsEqual(expected) else { return false }
        position += expected.count
        return true
    }

    /// Text up to the next newline (left unread) or opening delimiter (read).
    mutating func readUntilTagOrNewline(_ state: State) -> ArraySlice<Character> {
        var text: [Character] = []
        let open = state.openDelimiter
        while !reachedEnd {
            let character = characters[position]
            if character == "\n" || character == "\r\n" { break }
            if character == open[0] {
                if read(open) { break }
                text.append(character)
                position += 1
                continue
            }
            text.append(character)
            position += 1
        }
        return text[...]
    }

    mutating func isStandalone(_ state: State) -> Bool {
        guard state.newLine else { return false }
        if reachedEnd { return true }
        var probe = position
        while probe < characters.count, characters[probe] == " " || characters[probe] == "\t" { probe += 1 }
        if probe < characters.count, characters[probe].isNewline {
            position = probe + 1
            return true
        }
        return false
    }

    static let nameCharacters = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*")
    static let partialNameCharacters = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*/")
    static let sequencePositions: Set<String> = ["first", "last", "index", "even", "odd"]

    mutating func parseName(_ state: State) throws(SyntaxError) -> TemplateName {
        read(while: \.isWhitespace)
        let text = String(read(while: { Self.nameCharacters.contains($0) }))
        read(while: \.isWhitespace)
        guard read(state.closeDelimiter) else { throw error(.unclosedTag) }
        if text.contains("(") || text.contains(")") {
            let function = String(text.prefix { $0 != "(" })
            guard text == function + "()", Self.sequencePositions.contains(function) else {
                throw error(.unsupportedTransform(text))
            }
            return TemplateName(kind: .position(function), text: text)
        }
        if text == "." { return TemplateName(kind: .current([]), text: text) }
        let parts = text.split(separator: ".").map(String.init)
        return TemplateName(kind: text.hasPrefix(".") ? .current(parts) : .path(parts), text: text)
    }

    mutating func parsePartialName(_ state: State) throws(SyntaxError) -> String {
        read(while: \.isWhitespace)
        let text = String(read(while: { Self.partialNameCharacters.contains($0) }))
        read(while: \.isWhitespace)
        guard read(state.closeDelimiter) else { throw error(.unclosedTag) }
        return text
    }

    mutating func skipComment(_ state: State) throws(SyntaxError) {
        let start = position
        while !reachedEnd {
            if read(state.closeDelimiter) { return }
            position += 1
        }
        throw error(.unclosedTag, at: start)
    }

    mutating func parseDelimiters(_ state: State) throws(SyntaxError) -> State {
        read(while: \.isWhitespace)
        let open = read(while: { !$0.isWhitespace })
        read(while: \.isWhitespace)
        let close = read(while: { $0 != "=" && !$0.isWhitespace })
        read(while: \.isWhitespace)
        guard !reachedEnd, !open.isEmpty, !close.isEmpty, current == "=" else { throw error(.badDelimiters) }
        position += 1
        guard read(state.closeDelimiter) else { throw error(.badDelimiters) }
        var state = state
        state.openDelimiter = Array(open)
        state.closeDelimiter = Array(close)
        state.isParentTopLevel = false
        return state
    }

    mutating func parsePragma(_ state: State) throws(SyntaxError) -> TemplateNode {
        let word: (Character) -> Bool = { Self.nameCharacters.contains($0) && $0 != "(" && $0 != ")" }
        read(while: \.isWhitespace)
        let variable = String(read(while: word))
        read(while: \.isWhitespace)
        guard !reachedEnd, current == ":" else { throw error(.badPragma) }
        position += 1
        read(while: \.isWhitespace)
        let value = String(read(while: word))
        read(while: \.isWhitespace)
        guard read(state.closeDelimiter), variable == "CONTENT_TYPE" else { throw error(.badPragma) }
        switch value {
        case "HTML": return .escaping(true)
        case "TEXT": return .escaping(false)
        default: throw error(.badPragma)
        }
    }
}
