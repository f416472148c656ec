import Foundation

/// JSON files of the built site: sorted keys and unescaped slashes, so the same data always
/// gives the same bytes and URLs stay readable; `<`, `>` and `&` are escaped so that no JSON the
/// build writes can ever be read as markup, whether it is served with the wrong type or embedded.
enum DeterministicJSON {
    static func encode<Value: Encodable>(_ value: Value, pretty: Bool = false, file: String) throws(BuildError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted] : [.sortedKeys, .withoutEscapingSlashes]
        do {
            return htmlSafe(String(decoding: try encoder.encode(value), as: UTF8.self)) + "\n"
        } catch {
            throw BuildError(.error("cannot write \(file): \(error)"))
        }
    }

    /// JSON text with `<`, `>` and `&` written as `\u003c`, `\u003e` and `\u0026`. JSON reads them
    /// back as the same characters, but HTML can never mistake them for a tag such as `</script>`
    /// or an entity. They only ever occur inside strings, so the replacement is always valid.
    static func htmlSafe(_ json: String) -> String {
        var escaped: [UInt8] = []
        escaped.reserveCapacity(json.utf8.count + 64)
        for byte in json.utf8 {
            switch byte {
            case UInt8(ascii: "<"): escaped.append(contentsOf: "\\u003c".utf8)
            case UInt8(ascii: ">"): escaped.append(contentsOf: "\\u003e".utf8)
            case UInt8(ascii: "&"): escaped.append(contentsOf: "\\u0026".utf8)
            default: escaped.append(byte)
            }
        }
        return String(decoding: escaped, as: UTF8.self)
    }

    /// Serializes a `JSONValue` with sorted keys and the same HTML-safe escaping, in one pass.
    ///
    /// Written out because Foundation's `JSONSerialization` took an eighth of a 1,000-page build
    /// for the small JSON-LD documents every page carries; it writes UTF-8 bytes because
    /// appending to a `String` scalar by scalar was, again, a tenth of the render stage.
    static func serialize(_ value: JSONValue) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(1024)
        write(value, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    private static func write(_ value: JSONValue, to output: inout [UInt8]) {
        switch value {
        case .string(let string):
            writeString(string, to: &output)
        case .object(let dictionary):
            output.append(UInt8(ascii: "{"))
            for (index, key) in dictionary.keys.sorted().enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                writeString(key, to: &output)
                output.append(UInt8(ascii: ":"))
                write(dictionary[key]!, to: &output)
            }
            output.append(UInt8(ascii: "}"))
        case .array(let array):
            output.append(UInt8(ascii: "["))
            for (index, element) in array.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                write(element, to: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .bool(let bool):
            output.append(contentsOf: (bool ? "true" : "false").utf8)
        case .int(let int):
            output.append(contentsOf: String(int).utf8)
        case .null:
            output.append(contentsOf: "null".utf8)
        }
    }

    /// Bytes that need a look: control characters, `"`, `\`, `<`, `>`, `&`, and 0xE2, which starts
    /// U+2028 and U+2029 — line ends to JavaScript, so they are escaped too.
    private static let needsEscape: [Bool] = (0...255).map { byte in
        byte < 0x20 || [0x22, 0x5C, 0x3C, 0x3E, 0x26, 0xE2].contains(byte)
    }

    private static func writeString(_ string: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var string = string
        string.withUTF8 { bytes in
            var runStart = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
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
                case UInt8(ascii: "<"): escape = "\\u003c"
                case UInt8(ascii: ">"): escape = "\\u003e"
                case UInt8(ascii: "&"): escape = "\\u0026"
                case 0xE2:
                    let isLineEnd = index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9)
                    escape = isLineEnd ? (bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029") : nil
                    length = isLineEnd ? 3 : 1
                default:
                    let hex = String(byte, radix: 16)
                    escape = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                }
                guard let escape else {
                    index += 1
                    continue
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                output.append(contentsOf: escape.utf8)
                index += length
                runStart = index
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
        }
        output.append(UInt8(ascii: "\""))
    }
}
