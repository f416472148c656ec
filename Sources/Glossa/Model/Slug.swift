import Foundation

/// The last part of a page's URL: `back-end-developer` in `/glossary/back-end-developer/`.
///
/// A slug is always one safe path segment: no slashes, no dots at the start, nothing that could
/// climb out of the output folder. Letters of any script are kept (`数据库` stays readable), Latin
/// accents are folded (`Café` → `cafe`), and programming-language punctuation is spelled out so
/// that `C`, `C++` and `C#` get distinct slugs.
public struct Slug: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let rawValue: String

    /// Accepts `text` as a slug if it is a safe single path segment; nil otherwise.
    public init?(validating text: String) {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            guard Self.isSafeASCII(text.utf8) else { return nil }
            rawValue = text
            return
        }
        guard !text.isEmpty, text.count <= 200,
              !text.hasPrefix("."), !text.contains("/"), !text.contains("\\"),
              !text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0 == " " || $0 == "%" || $0 == "?" || $0 == "#" })
        else { return nil }
        rawValue = text
    }

    private init(unchecked text: String) {
        rawValue = text
    }

    /// Makes a readable slug from a title or file name.
    public static func make(from title: String) -> Slug? {
        title.utf8.allSatisfy({ $0 < 0x80 }) ? makeFromASCII(title) : makeFromCharacters(title)
    }

    /// `make(from:)` one `Character` at a time, for text in any script.
    static func makeFromCharacters(_ title: String) -> Slug? {
        var words: [String] = []
        var current = ""
        func endWord() {
            if !current.isEmpty { words.append(current) }
            current = ""
        }
        var characters = Array(title)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if let spelled = spelledOut[character], !(character == "." && isInsideWord(characters, index)) {
                endWord()
                words.append(spelled)
            } else if character.isLetter || character.isNumber {
                current += folded(character)
            } else if character == "'" || character == "’" {
                // "Don't" → "dont": an apostrophe joins, it does not split.
            } else {
                endWord()
            }
            index += 1
        }
        endWord()
        characters.removeAll()
        let text = words.joined(separator: "-")
        return text.isEmpty ? nil : Slug(unchecked: text)
    }

    /// `make(from:)` for ASCII text, byte by byte: most titles, tags and file names are ASCII,
    /// and building a `String` per `Character` made slugs a tenth of the parse stage.
    /// `SlugTests` holds it to `makeFromCharacters`.
    static func makeFromASCII(_ title: String) -> Slug? {
        let bytes = Array(title.utf8)
        var slug: [UInt8] = []
        var word: [UInt8] = []
        func endWord(adding spelled: String? = nil) {
            for piece in [word, spelled.map { Array($0.utf8) } ?? []] where !piece.isEmpty {
                if !slug.isEmpty { slug.append(UInt8(ascii: "-")) }
                slug += piece
            }
            word.removeAll(keepingCapacity: true)
        }
        for (index, byte) in bytes.enumerated() {
            if let spelled = spelledOutASCII[byte], !(byte == UInt8(ascii: ".") && isInsideWord(bytes, index)) {
                endWord(adding: spelled)
            } else if isAlphanumeric(byte) {
                word.append(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte)
            } else if byte != UInt8(ascii: "'") {
                endWord()
            }
        }
        endWord()
        return slug.isEmpty ? nil : Slug(unchecked: String(decoding: slug, as: UTF8.self))
    }

    public var description: String { rawValue }

    public static func < (lhs: Slug, rhs: Slug) -> Bool { lhs.rawValue < rhs.rawValue }
}

private extension Slug {
    static let spelledOut: [Character: String] = ["+": "plus", "#": "sharp", "&": "and", "@": "at", ".": "dot"]
    static let spelledOutASCII = Dictionary(uniqueKeysWithValues: spelledOut.map { (UInt8(ascii: $0.key.unicodeScalars.first!), $0.value) })

    static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }

    static func isInsideWord(_ bytes: [UInt8], _ index: Int) -> Bool {
        index > 0 && index + 1 < bytes.count && isAlphanumeric(bytes[index - 1]) && isAlphanumeric(bytes[index + 1])
    }

    /// `init(validating:)`'s rules for ASCII: at most 200 characters, no leading dot, no `/`,
    /// `\`, control character, space, `%`, `?` or `#`.
    static func isSafeASCII(_ bytes: String.UTF8View) -> Bool {
        guard let first = bytes.first, first != UInt8(ascii: "."), bytes.count <= 200 else { return false }
        return !bytes.contains { byte in
            byte < 0x20 || byte == 0x7F || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "\\") || byte == UInt8(ascii: " ")
                || byte == UInt8(ascii: "%") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "#")
        }
    }

    /// A dot between letters or digits (`Node.js`, `v1.2`) separates words; only a leading or
    /// trailing dot (`.NET`) is spelled out.
    static func isInsideWord(_ characters: [Character], _ index: Int) -> Bool {
        index > 0 && index + 1 < characters.count
            && (characters[index - 1].isLetter || characters[index - 1].isNumber)
            && (characters[index + 1].isLetter || characters[index + 1].isNumber)
    }

    /// Lowercases and strips Latin diacritics (é → e, ß → ss); other scripts pass through.
    static func folded(_ character: Character) -> String {
        let lower = character.lowercased()
        if character.isASCII { return lower }
        if let special = specialFolds[lower] { return special }
        let decomposed = lower.decomposedStringWithCanonicalMapping.unicodeScalars
        let base = decomposed.filter { $0.properties.generalCategory != .nonspacingMark }
        return base.isEmpty ? lower : String(String.UnicodeScalarView(base))
    }

    static let specialFolds: [String: String] = ["ß": "ss", "æ": "ae", "ø": "o", "œ": "oe", "đ": "d", "ł": "l", "þ": "th"]
}
