/// The words a phrase can begin with, as a Bloom filter with one hash: "no" is certain,
/// "maybe" sends the matcher into the trie.
///
/// A mention can only start at a word that is a phrase's leading word: "load" for "load
/// balancer", "node" for "Node.js", or the whole phrase when it is one word ("cache", and its
/// plurals "caches"). Acronyms and other names that match only with their case enter as
/// written, so that "it" and "to" in prose are not taken for "IT" and "TO". Most words of prose
/// begin no phrase, and hashing a word that is already being read costs far less than walking
/// the trie, whose 150,000 nodes at 10,000 terms do not fit in a core's cache.
///
/// The filter is asked once per word of prose, so it is sized to stay in the fastest cache:
/// 16 bits per distinct leading word, rounded up to a power of two (between 512 bytes and
/// 128 KB), which keeps false positives to a few percent. Glossaries share leading words
/// ("distributed", "load"): 10,000 terms with their synonyms have about 5,000, a 16 KB filter.
struct LeadingWords: Sendable {
    private let bits: [UInt64]
    private let shift: UInt64

    /// - Parameter words: `hashes(leadingWordOf:matchesCase:)` of every phrase.
    init(_ words: [UInt64]) {
        let distinct = Set(words)
        var bitCount: UInt64 = 12
        while bitCount < 20, 1 << bitCount < 16 * distinct.count { bitCount += 1 }
        var bits = [UInt64](repeating: 0, count: 1 << (bitCount - 6))
        shift = 64 - bitCount
        for hash in distinct {
            let bit = Self.bit(hash, shift: shift)
            bits[bit >> 6] |= 1 << UInt64(bit & 63)
        }
        self.bits = bits
    }

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

    /// The hashes to enter for one phrase: its leading word (its word scalars up to the first
    /// other one), and for a one-word phrase also its plurals. `phrase` is folded, or as written
    /// for phrases that match only with their case (`matchesCase`): "IT" must not let "it" through.
    static func hashes(leadingWordOf phrase: [UInt32], matchesCase: Bool) -> [UInt64] {
        let word = phrase.prefix { ScalarKind(Unicode.Scalar($0)!) == .word }
        guard !word.isEmpty else { return [] }
        guard word.count == phrase.count else { return [hash(word)] }
        // Plural endings are compared folded (see `TermMatcher.pluralEnd`), so "APIs" and "APIS" both count.
        let endings = matchesCase ? ["", "s", "S", "es", "eS", "Es", "ES"] : ["", "s", "es"]
        return endings.map { hash(word + $0.unicodeScalars.map(\.value)) }
    }

    func mayContain(_ hash: UInt64) -> Bool {
        let bit = Self.bit(hash, shift: shift)
        return bits[bit >> 6] & (1 << UInt64(bit & 63)) != 0
    }

    private static func bit(_ hash: UInt64, shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }
}
