import Foundation

/// JSON the built site carries: sorted keys and unescaped slashes, so the same data always gives
/// the same bytes and URLs stay readable; `<`, `>` and `&` are escaped as `\u003c`, `\u003e` and
/// `\u0026` so that no JSON the build writes can ever be read as markup, whether it is served
/// with the wrong type or embedded.
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

    /// A page's JSON-LD, for a `<script>` element: compact, and with U+2028 and U+2029 escaped too.
    static func serialize(_ value: JSONValue) -> String {
        var writer = JSONWriter(style: scriptStyle)
        writer.write(value)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    /// A JSON file of the site, such as `search-index.json`, ending with a newline. Bytes, as the
    /// output writer takes them: a `String` of a 5 MB export cost a UTF-8 check and a copy back.
    ///
    /// Byte for byte what Foundation's `JSONEncoder` wrote with `.sortedKeys` and
    /// `.withoutEscapingSlashes` (and `.prettyPrinted` when `pretty`) before `<`, `>` and `&`
    /// were escaped, so files did not change when the writer did; `JSONFileFormatTests`
    /// keeps `JSONEncoder` as the reference.
    static func file(_ value: JSONValue, pretty: Bool) -> [UInt8] {
        var writer = JSONWriter(style: fileStyle(pretty: pretty), capacity: 1 << 16)
        writer.write(value)
        writer.writeLineEnd()
        return writer.bytes
    }
}

private extension DeterministicJSON {
    static let scriptStyle = JSONWriter.Style(pretty: false, escapesLineSeparators: true, shortEscapesForBackspaceAndFormFeed: false)

    static func fileStyle(pretty: Bool) -> JSONWriter.Style {
        JSONWriter.Style(pretty: pretty, escapesLineSeparators: false, shortEscapesForBackspaceAndFormFeed: true)
    }
}
