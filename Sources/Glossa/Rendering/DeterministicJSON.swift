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
        var escaped = ""
        escaped.reserveCapacity(json.utf8.count)
        for scalar in json.unicodeScalars {
            switch scalar {
            case "<": escaped += "\\u003c"
            case ">": escaped += "\\u003e"
            case "&": escaped += "\\u0026"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}
