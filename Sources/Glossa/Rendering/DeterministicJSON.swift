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

    /// Serializes plain values — `[String: Any]`, arrays, strings, integers, doubles, booleans —
    /// with sorted keys and the same HTML-safe escaping, in one pass.
    ///
    /// Written out because Foundation's `JSONSerialization` took an eighth of a 1,000-page build
    /// for the small JSON-LD documents every page carries.
    static func serialize(_ value: Any) -> String {
        var output = ""
        write(value, to: &output)
        return output
    }

    private static func write(_ value: Any, to output: inout String) {
        switch value {
        case let string as String:
            writeString(string, to: &output)
        case let dictionary as [String: Any]:
            output += "{"
            for (index, key) in dictionary.keys.sorted().enumerated() {
                if index > 0 { output += "," }
                writeString(key, to: &output)
                output += ":"
                write(dictionary[key]!, to: &output)
            }
            output += "}"
        case let array as [Any]:
            output += "["
            for (index, element) in array.enumerated() {
                if index > 0 { output += "," }
                write(element, to: &output)
            }
            output += "]"
        case let bool as Bool:
            output += bool ? "true" : "false"
        case let int as Int:
            output += String(int)
        case let double as Double:
            output += double.isFinite ? (double == double.rounded() && abs(double) < 1e15 ? String(Int(double)) : String(double)) : "null"
        default:
            output += "null"
        }
    }

    private static func writeString(_ string: String, to output: inout String) {
        output += "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "<": output += "\\u003c"
            case ">": output += "\\u003e"
            case "&": output += "\\u0026"
            case "\u{2028}": output += "\\u2028"
            case "\u{2029}": output += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output += "\""
    }
}
