import Foundation
import Testing
@testable import Glossa

/// `search-index.json` and `glossary.json` were written by Foundation's `JSONEncoder` until
/// `JSONWriter` took over. The encoder stays here as the reference, so that any difference in
/// layout or escaping, pretty or compact, fails a test before it changes a published file.
@Suite struct JSONFileFormatTests {
    /// What the build wrote with `JSONEncoder`: its output with `<`, `>` and `&` escaped (they
    /// only occur inside strings), then a line end.
    static func encoderReference(_ value: some Encodable, pretty: Bool) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted] : [.sortedKeys, .withoutEscapingSlashes]
        var escaped: [UInt8] = []
        for byte in try encoder.encode(value) {
            switch byte {
            case UInt8(ascii: "<"): escaped.append(contentsOf: "\\u003c".utf8)
            case UInt8(ascii: ">"): escaped.append(contentsOf: "\\u003e".utf8)
            case UInt8(ascii: "&"): escaped.append(contentsOf: "\\u0026".utf8)
            default: escaped.append(byte)
            }
        }
        return String(decoding: escaped, as: UTF8.self) + "\n"
    }

    static func written(_ value: JSONValue, pretty: Bool) -> String {
        String(decoding: DeterministicJSON.file(value, pretty: pretty), as: UTF8.self)
    }

    static let pieces = ["a", "Z", " ", "\"", "\\", "/", "\n", "\r", "\t", "\u{0}", "\u{8}", "\u{C}", "\u{B}", "\u{1B}", "\u{1F}",
                         "\u{7F}", "<", ">", "&", "</script>", "\u{2028}", "\u{2029}", "\u{2027}", "\u{E2}", "–", "€", "日本語",
                         "é", "e\u{301}", "<\u{301}", "🙂", "👩‍💻", "\u{80}", "\u{9F}", "\u{A0}", "\u{FEFF}", "\u{10FFFF}"]

    @Test(arguments: [false, true])
    func layoutMatchesJSONEncoder(pretty: Bool) throws {
        let values: [JSONValue] = [
            [], [:], "", [[]], [[:]], ["a": [:]], [[], [[]], ["x"], [:]],
            ["b": [1, -2, 0, true, false, nil, "x"], "a": ["@type": "Thing", "n": 3, "empty": [], "none": [:]], "c": nil],
            .array([["slug": "x", "tags": [], "related": ["y", "z"]], ["slug": "y", "tags": ["t"], "related": []]]),
            .int(Int.min), .int(Int.max), true, nil,
        ]
        for value in values {
            #expect(Self.written(value, pretty: pretty) == (try Self.encoderReference(value, pretty: pretty)), "\(value)")
        }
    }

    @Test func prettyLayoutIsFoundationsOwn() {
        // Two-space indents, a space either side of the colon, and a blank line inside an empty
        // array or object — Foundation's `.prettyPrinted` on Linux, which readers of the file see.
        let value: JSONValue = ["terms": [["slug": "api", "synonyms": []]], "empty": [:]]
        #expect(Self.written(value, pretty: true) == """
            {
              "empty" : {

              },
              "terms" : [
                {
                  "slug" : "api",
                  "synonyms" : [

                  ]
                }
              ]
            }

            """)
        #expect(Self.written(value, pretty: false) == #"{"empty":{},"terms":[{"slug":"api","synonyms":[]}]}"# + "\n")
    }

    @Test func keysSortLikeJSONEncoder() throws {
        // By code point: not by case, number or canonical equivalence, nor by UTF-16 unit.
        let keySets = [["a10", "a9", "B", "a", "_", "é", "Z", "b", "ab", "A", "", "日本", "🙂", "a b", "a\u{0}"],
                       ["e\u{301}", "f", "e", "e\u{300}", "ea"], ["\u{FF61}", "🙂", "\u{E000}", "\u{D7FF}"]]
        for keys in keySets {
            let value = JSONValue.object(Dictionary(uniqueKeysWithValues: keys.map { ($0, JSONValue.string($0)) }))
            for pretty in [false, true] {
                #expect(Self.written(value, pretty: pretty) == (try Self.encoderReference(value, pretty: pretty)), "\(keys)")
            }
        }
    }

    @Test func escapesEveryStringAsJSONEncoderDid() throws {
        var state: UInt64 = 0x5EA_2C4
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        func text() -> String { (0..<next(10)).map { _ in Self.pieces[next(Self.pieces.count)] }.joined() }
        for _ in 0..<500 {
            let value: JSONValue = [text(): .string(text()), "list": .array((0..<next(4)).map { _ in .string(text()) })]
            for pretty in [false, true] {
                #expect(Self.written(value, pretty: pretty) == (try Self.encoderReference(value, pretty: pretty)), "\(value)")
            }
        }
        let everyASCII = String(decoding: Array(0...0x7F), as: UTF8.self)
        #expect(Self.written(.string(everyASCII), pretty: false) == (try Self.encoderReference(everyASCII, pretty: false)))
    }

    /// The generators leave an absent optional out, as synthesized `Encodable` did
    /// (`encodeIfPresent`); `null` would be a different file.
    @Test func absentOptionalsAreLeftOutAsEncodableDid() throws {
        struct Entry: Encodable {
            var slug: String
            var date: String?
            var updated: String?
        }
        let entries = [Entry(slug: "a", date: "2024-01-15", updated: nil), Entry(slug: "b", date: nil, updated: nil)]
        let values: [JSONValue] = entries.map { entry in
            var object: [String: JSONValue] = ["slug": .string(entry.slug)]
            if let date = entry.date { object["date"] = .string(date) }
            if let updated = entry.updated { object["updated"] = .string(updated) }
            return .object(object)
        }
        for pretty in [false, true] {
            #expect(Self.written(.array(values), pretty: pretty) == (try Self.encoderReference(entries, pretty: pretty)))
        }
    }
}

/// Lets `JSONEncoder` write the same values as the reference.
extension JSONValue: Encodable {
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let string): try container.encode(string)
        case .int(let int): try container.encode(int)
        case .bool(let bool): try container.encode(bool)
        case .array(let array): try container.encode(array)
        case .object(let object): try container.encode(object)
        case .null: try container.encodeNil()
        }
    }
}
