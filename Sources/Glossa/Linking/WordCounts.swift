/// How often each word occurs in an article, for text similarity.
///
/// Words are runs of letters and digits, lowercased (ASCII) and hashed rather than stored, so
/// counting 10,000 articles allocates no strings. English stop words and one-letter words are
/// dropped because they say nothing about a topic. Non-ASCII letters are compared as written.
struct WordCounts: Sendable {
    private(set) var counts: [UInt64: Int32] = [:]

    /// Counts the words of `text`, each occurrence adding `weight` (titles count more than body text).
    mutating func add(_ text: String, weight: Int32 = 1) {
        var text = text
        text.withUTF8 { bytes in
            var hash = Self.offsetBasis
            var length = 0
            var index = 0
            func endWord() {
                if length >= 2, !Self.stopWords.contains(hash) { counts[hash, default: 0] += weight }
                hash = Self.offsetBasis
                length = 0
            }
            while index < bytes.count {
                var byte = bytes[index]
                // U+2000–U+206F (dashes, curly quotes, ellipsis from smart punctuation) separate words.
                if byte == 0xE2, index + 1 < bytes.count, bytes[index + 1] == 0x80 || bytes[index + 1] == 0x81 {
                    endWord()
                    index += 3
                    continue
                }
                let isLetter = (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte >= 0x80
                if byte >= 0x41 && byte <= 0x5A { byte += 0x20 } else if !isLetter { endWord(); index += 1; continue }
                hash = (hash ^ UInt64(byte)) &* Self.prime
                length += 1
                index += 1
            }
            endWord()
        }
    }

    static func hash(_ word: String) -> UInt64 {
        var hash = offsetBasis
        for byte in word.utf8 { hash = (hash ^ UInt64(byte)) &* prime }
        return hash
    }

    private static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let prime: UInt64 = 0x0000_0100_0000_01b3

    static let stopWords: Set<UInt64> = Set("""
        a about above after again against all also although always am an and another any are around as at be
        because been before being below between both but by can cannot could did do does doing done down during each
        either else enough etc even ever every few for from further get gets getting given gives go goes had has have
        having he her here hers herself him himself his how however if in into is it its itself just least less
        like made make makes many may me might more most much must my myself never no nor not now of off often on once
        one only or other others otherwise our ours ourselves out over own per perhaps quite rather really same see
        seen several shall she should since so some something still such than that the their theirs them themselves
        then there therefore these they thing things this those though through thus to too under until up upon us use
        used uses using usually very via was we well were what whatever when where whether which while who whom whose
        why will with within without would yet you your yours yourself yourselves
        """.split(whereSeparator: \.isWhitespace).map { hash(String($0)) })
}
