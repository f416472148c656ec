/// JSON the built site carries: sorted keys and unescaped slashes, so the same data always gives
/// the same bytes and URLs stay readable; `<`, `>` and `&` are escaped as `\u003c`, `\u003e` and
/// `\u0026` so that no JSON the build writes can ever be read as markup, whether it is served
/// with the wrong type or embedded.
enum DeterministicJSON {
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
