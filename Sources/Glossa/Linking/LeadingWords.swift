/// The words a phrase can begin with, as a Bloom filter with one hash: "no" is certain,
/// "maybe" sends the matcher into the trie.
///
/// A mention can only start at a word that is a phrase's leading word: "load" for "load
/// balancer", "node" for "Node.js", or the whole phrase when it is one word ("cache", and its
/// plurals "caches"). Acronyms and other names that match only with their case enter as
/// written, so that "it" and "to" in prose are not taken for "IT" and "TO". Most words of prose
/// begin no phrase, and hashing a word that is already being read costs far less than walking
/// the trie, whose 150,000 nodes at 10,000 terms do not fit in a core's cache. 2^20 bits
/// (128 KB) keep false positives to a few percent with 10,000 terms and their synonyms.
struct LeadingWords: Sendable {
    private var bits = [UInt64](repeating: 0, count: 1 << (Self.bitCount - 6))
    private static let bitCount: UInt64 = 20

    /// The hash of a word is built scalar by scalar from this, with `adding`.
    static let emptyHash: UInt64 = 0xcbf2_9ce4_8422_2325

    /// Rotate and add: one cycle a scalar, where a multiply would take three; `bit(_:)` mixes
    /// the bits once per word instead.
    static func adding(_ scalar: UInt32, to hash: UInt64) -> UInt64 {
        (hash << 7 | hash >> 57) &+ UInt64(scalar)
    }

    static func hash(_ scalars: some Sequence<UInt32>) -> UInt64 {
        scalars.reduce(emptyHash) { adding($1, to: $0) }
    }

    /// Enters the phrase's leading word (its word scalars up to the first other one), and for
    /// a one-word phrase also its plurals. `phrase` is folded, or as written for phrases that
    /// match only with their case (`matchesCase`): "IT" must not let "it" through.
    mutating func insert(leadingWordOf phrase: [UInt32], matchesCase: Bool) {
        let word = phrase.prefix { ScalarKind(Unicode.Scalar($0)!) == .word }
        guard !word.isEmpty else { return }
        insert(Self.hash(word))
        guard word.count == phrase.count else { return }
        // Plural endings are compared folded (see `TermMatcher.pluralEnd`), so "APIs" and "APIS" both count.
        for ending in matchesCase ? ["s", "S", "es", "eS", "Es", "ES"] : ["s", "es"] {
            insert(Self.hash(word + ending.unicodeScalars.map(\.value)))
        }
    }

    mutating func insert(_ hash: UInt64) {
        let bit = Self.bit(hash)
        bits[bit >> 6] |= 1 << UInt64(bit & 63)
    }

    func mayContain(_ hash: UInt64) -> Bool {
        let bit = Self.bit(hash)
        return bits[bit >> 6] & (1 << UInt64(bit & 63)) != 0
    }

    private static func bit(_ hash: UInt64) -> Int {
        Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> (64 - bitCount))
    }
}
