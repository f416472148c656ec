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

    public var description: String { rawValue }

    public static func < (lhs: Slug, rhs: Slug) -> Bool { lhs.rawValue < rhs.rawValue }
}

private extension Slug {
    static let spelledOut: [Character: String] = ["+": "plus", "#": "sharp", "&": "and", "@": "at", ".": "dot"]

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
