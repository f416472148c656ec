/// Writes a `JSONValue` as UTF-8 bytes in one pass: keys sorted by code point, slashes left alone,
/// and `<`, `>` and `&` always escaped. `DeterministicJSON` decides which `Style` each output gets.
///
/// Written out because Foundation was slow at it: `JSONSerialization` took an eighth of a
/// 1,000-page build for the small JSON-LD documents every page carries, and `JSONEncoder` a
/// quarter of a CPU second for the search index and glossary export of 10,000 terms. It writes
/// UTF-8 bytes because appending to a `String` scalar by scalar was, again, a tenth of the render
/// stage.
struct JSONWriter {
    struct Style {
        /// Foundation's `.prettyPrinted` layout: two-space indents, `"key" : value`, one element
        /// per line, and an empty array or object still opened and closed on lines of their own
        /// with a blank line between, `[\n\n]`.
        var pretty: Bool
        /// U+2028 and U+2029 as `\u2028` and `\u2029`: JavaScript reads them as line ends.
        var escapesLineSeparators: Bool
        /// Backspace and form feed as `\b` and `\f`, as `JSONEncoder` writes them, rather than
        /// `\u0008` and `\u000c`.
        var shortEscapesForBackspaceAndFormFeed: Bool
    }

    let style: Style
    private(set) var bytes: [UInt8] = []

    init(style: Style, capacity: Int = 1024) {
        self.style = style
        bytes.reserveCapacity(capacity)
    }

    mutating func write(_ value: JSONValue) {
        write(value, depth: 0)
    }

    mutating func writeLineEnd() {
        bytes.append(UInt8(ascii: "\n"))
    }
}

private extension JSONWriter {
    mutating func write(_ value: JSONValue, depth: Int) {
        switch value {
        case .string(let string):
            write(string)
        case .object(let dictionary):
            // By code point, as `JSONEncoder` sorts: `String`'s `<` would put a decomposed
            // `e\u{301}` after `f`, as if it were `é`.
            let members = dictionary.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            open("{")
            for index in members.indices {
                startElement(index, depth: depth)
                write(members[index].key)
                if style.pretty { bytes.append(space) }
                bytes.append(UInt8(ascii: ":"))
                if style.pretty { bytes.append(space) }
                write(members[index].value, depth: depth + 1)
            }
            close("}", depth: depth)
        case .array(let array):
            open("[")
            for index in array.indices {
                startElement(index, depth: depth)
                write(array[index], depth: depth + 1)
            }
            close("]", depth: depth)
        case .bool(let bool):
            bytes.append(contentsOf: (bool ? "true" : "false").utf8)
        case .int(let int):
            bytes.append(contentsOf: String(int).utf8)
        case .null:
            bytes.append(contentsOf: "null".utf8)
        }
    }

    var space: UInt8 { UInt8(ascii: " ") }
    var lineEnd: UInt8 { UInt8(ascii: "\n") }

    // Pretty, Foundation's way: a line end after the opening bracket, each element on its own
    // indented line, the closing bracket on a line of its own — so `[`, blank line, `]` when empty.

    mutating func open(_ bracket: Unicode.Scalar) {
        bytes.append(UInt8(ascii: bracket))
        if style.pretty { bytes.append(lineEnd) }
    }

    mutating func startElement(_ index: Int, depth: Int) {
        if index > 0 {
            bytes.append(UInt8(ascii: ","))
            if style.pretty { bytes.append(lineEnd) }
        }
        if style.pretty { indent(depth + 1) }
    }

    mutating func close(_ bracket: Unicode.Scalar, depth: Int) {
        if style.pretty {
            bytes.append(lineEnd)
            indent(depth)
        }
        bytes.append(UInt8(ascii: bracket))
    }

    mutating func indent(_ depth: Int) {
        for _ in 0..<(2 * depth) { bytes.append(space) }
    }

    /// Bytes that need a look: control characters, `"`, `\`, `<`, `>`, `&`, and 0xE2, which starts
    /// U+2028 and U+2029. Everything else, DEL and all non-ASCII included, is copied as it is.
    static let needsEscape: [Bool] = (0...255).map { byte in
        byte < 0x20 || [0x22, 0x5C, 0x3C, 0x3E, 0x26, 0xE2].contains(byte)
    }

    mutating func write(_ string: String) {
        bytes.append(UInt8(ascii: "\""))
        var string = string
        string.withUTF8 { utf8 in
            var runStart = 0
            var index = 0
            let needsEscape = Self.needsEscape
            while index < utf8.count {
                let byte = utf8[index]
                guard needsEscape[Int(byte)] else {
                    index += 1
                    continue
                }
                let escape: String?
                var length = 1
                switch byte {
                case UInt8(ascii: "\""): escape = "\\\""
                case UInt8(ascii: "\\"): escape = "\\\\"
                case UInt8(ascii: "\n"): escape = "\\n"
                case UInt8(ascii: "\r"): escape = "\\r"
                case UInt8(ascii: "\t"): escape = "\\t"
                case 0x08 where style.shortEscapesForBackspaceAndFormFeed: escape = "\\b"
                case 0x0C where style.shortEscapesForBackspaceAndFormFeed: escape = "\\f"
                case UInt8(ascii: "<"): escape = "\\u003c"
                case UInt8(ascii: ">"): escape = "\\u003e"
                case UInt8(ascii: "&"): escape = "\\u0026"
                case 0xE2:
                    let isLineEnd = style.escapesLineSeparators && index + 2 < utf8.count
                        && utf8[index + 1] == 0x80 && (utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9)
                    escape = isLineEnd ? (utf8[index + 2] == 0xA8 ? "\\u2028" : "\\u2029") : nil
                    length = isLineEnd ? 3 : 1
                default:
                    let hex = String(byte, radix: 16)
                    escape = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                }
                guard let escape else {
                    index += 1
                    continue
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                bytes.append(contentsOf: escape.utf8)
                index += length
                runStart = index
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
