import Foundation
import Testing
@testable import Glossa

/// The JSON-LD writer works on UTF-8 bytes; these tests hold it to what the scalar-by-scalar
/// writer it replaced produced, and to JSON that reads back as the same text.
@Suite struct DeterministicJSONTests {
    /// The escaping rules, one scalar at a time: slow and obviously right.
    static func referenceString(_ string: String) -> String {
        var output = "\""
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
        return output + "\""
    }

    static let pieces = ["a", "Z", " ", "\"", "\\", "\n", "\r", "\t", "\u{0}", "\u{8}", "\u{C}", "\u{1F}", "\u{7F}", "<", ">", "&", "</script>",
                         "\u{2028}", "\u{2029}", "\u{2027}", "–", "€", "日本語", "é", "e\u{301}", "🙂", "\u{80}", "/"]

    @Test func escapesEveryStringAsTheScalarWriterDid() throws {
        var state: UInt64 = 0xD15EA5E
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0..<2_000 {
            let text = (0..<next(12)).map { _ in Self.pieces[next(Self.pieces.count)] }.joined()
            let json = DeterministicJSON.serialize(.string(text))
            #expect(json == Self.referenceString(text), "\(text.debugDescription)")
            let decoded = try JSONSerialization.jsonObject(with: Data("[\(json)]".utf8)) as? [String]
            #expect(decoded == [text], "\(text.debugDescription) reads back")
            #expect(!json.contains("<") && !json.contains(">") && !json.contains("&") && !json.contains("\u{2028}"))
        }
    }

    @Test func writesSortedKeysAndPlainValues() {
        let node: JSONValue = ["b": [1, true, "x"], "a": ["@type": "Thing", "n": 3], "c": nil]
        #expect(DeterministicJSON.serialize(node) == #"{"a":{"@type":"Thing","n":3},"b":[1,true,"x"],"c":null}"#)
    }
}
