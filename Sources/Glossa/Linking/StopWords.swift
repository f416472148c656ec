/// English words that say nothing about a topic, left out of text similarity.
///
/// Asked about nearly every word of every body, as the Markdown stage hashes it, so that a body's
/// `WordBag` never holds them (they are about a third of English prose): the hashes sit in a
/// small open-addressed table, where a word that is not a stop word usually costs one load. A
/// value rather than statics, so that a caller in a loop holds the table instead of going
/// through a lazy global's check on every word.
struct StopWords: Sendable {
    static let english = StopWords(words: englishWords)

    /// 2,048 slots for about 230 words: a probe rarely meets another word.
    private static let shift: UInt64 = 64 - 11
    /// Marks a free slot; `init` checks that no word hashes to it.
    private static let empty: UInt64 = 0
    private let table: [UInt64]

    init(words: [String]) {
        var table = [UInt64](repeating: Self.empty, count: 1 << (64 - Self.shift))
        for word in words {
            let hash = WordHashing.hash(word)
            precondition(hash != Self.empty, "stop word '\(word)' hashes to the empty marker")
            var slot = Self.slot(for: hash)
            while table[slot] != Self.empty && table[slot] != hash { slot = (slot + 1) & (table.count - 1) }
            table[slot] = hash
        }
        self.table = table
    }

    @inline(__always)
    func contains(_ hash: UInt64) -> Bool {
        var slot = Self.slot(for: hash)
        while true {
            let stored = table[slot]
            if stored == hash { return true }
            if stored == Self.empty { return false }
            slot = (slot + 1) & (table.count - 1)
        }
    }

    private static func slot(for hash: UInt64) -> Int {
        Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    static let englishWords: [String] = """
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
        """.split(whereSeparator: \.isWhitespace).map(String.init)
}
