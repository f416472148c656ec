import Foundation

/// How titles sort and which A–Z letter they file under.
///
/// Accents are folded and case ignored, so "Échelle" sorts and files with E. Digits and symbols
/// file under `#`, last; letters outside A–Z (Greek, Cyrillic, CJK …) file under themselves
/// after Z. Kept in one place so the index, the home page's letters and the language-specific
/// collation that multilingual sites will need all agree.
public enum Collation {
    public static let symbolBucket = "#"

    public static func sortKey(_ title: String) -> String {
        // ASCII has no accents or wide forms, and its case folding is lowercasing: most titles
        // need no trip through Foundation.
        if title.utf8.allSatisfy({ $0 < 0x80 }) { return title.lowercased() }
        return title.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
    }

    public static func letter(for title: String) -> String {
        guard let first = sortKey(title).first(where: { !$0.isWhitespace && $0 != "." && $0 != "\"" && $0 != "'" }) else {
            return symbolBucket
        }
        guard first.isLetter else { return symbolBucket }
        return first.uppercased()
    }

    /// Orders buckets: A–Z, then other scripts by code point, then `#`.
    public static func letterOrder(_ lhs: String, _ rhs: String) -> Bool {
        func rank(_ letter: String) -> (Int, String) {
            if letter == symbolBucket { return (3, "") }
            if letter.count == 1, let scalar = letter.unicodeScalars.first, scalar.isASCII { return (1, letter) }
            return (2, letter)
        }
        return rank(lhs) < rank(rhs)
    }

    /// The id of a letter's section on the glossary index: `letter-a`, `letter-symbols`.
    public static func anchor(for letter: String) -> String {
        letter == symbolBucket ? "letter-symbols" : "letter-" + letter.lowercased()
    }

    public static let latinAlphabet = (UInt8(ascii: "A")...UInt8(ascii: "Z")).map { String(UnicodeScalar($0)) }
}
