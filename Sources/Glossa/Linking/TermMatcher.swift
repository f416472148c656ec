/// Finds mentions of many phrases in a text in one pass: a trie over case-folded Unicode
/// scalars (`PhraseTrie`), walked from every word that may begin a phrase (`LeadingWords`
/// rules the others out with one lookup), keeping the longest phrase that ends on a word
/// boundary (leftmost-longest, so "distributed cache" wins over "cache").
///
/// Cost is linear in the text times the length of the longest partial match at each such
/// word, and independent of how many phrases there are, which is what makes cross-linking
/// 10,000 terms affordable. Matching is
/// case-insensitive and Unicode-aware (see `WordBoundary` for what counts as a word edge),
/// except for acronyms and very short names: a phrase without lowercase letters ("IT", "TO",
/// "C", ".NET") or of at most two letters ("Go") matches only as written, so that "it", "to"
/// and "go" in ordinary prose stay plain words. A phrase ending in an ASCII letter also
/// matches its regular English plural ("APIs", "caches", "indexes"), but irregular plurals
/// ("proxies") need a synonym.
struct TermMatcher: Sendable {
    public struct Match: Sendable, Hashable {
        /// UTF-8 offsets into the scanned text, plural ending included.
        public var range: Range<Int>
        /// The target given with the phrase.
        public var target: Int
    }

    private let trie: PhraseTrie
    /// The words a phrase can begin with: a word not among them is skipped without a walk.
    private let leadingWords: LeadingWords

    enum Plural: UInt8, Sendable { case none, s, sOrEs }

    /// One phrase as the matcher keeps it: folded, as written when it must match with its case,
    /// its plural rule and the leading-word hashes it enters. Preparing phrases is most of
    /// building a matcher and independent from phrase to phrase, so a site's dictionary
    /// prepares them on all cores and compares titles and synonyms by `folded`.
    struct Phrase: Sendable {
        let folded: [UInt32]
        let written: [UInt32]?
        let plural: Plural
        let leadingWords: [UInt64]
        /// Whether it has a word scalar at all: one that has none can never be mentioned.
        let isMatchable: Bool

        init(_ phrase: String) {
            folded = TermMatcher.normalized(phrase)
            isMatchable = folded.contains { WordBoundary.isWord(Unicode.Scalar($0)!) }
            written = isMatchable && TermMatcher.isCaseSensitive(phrase) ? TermMatcher.normalized(phrase, folding: false) : nil
            plural = TermMatcher.plural(of: folded)
            leadingWords = isMatchable ? LeadingWords.hashes(leadingWordOf: written ?? folded, matchesCase: written != nil) : []
        }
    }

    /// - Parameter phrases: phrases and their targets; when two phrases fold to the same text,
    ///   the first one keeps it.
    public init(_ phrases: [(phrase: String, target: Int)]) {
        self.init(prepared: phrases.map { (Phrase($0.phrase), $0.target) })
    }

    init(prepared phrases: [(phrase: Phrase, target: Int)]) {
        var entries: [PhraseTrie.Entry] = []
        var leadingWords: [UInt64] = []
        for (phrase, target) in phrases where phrase.isMatchable {
            leadingWords += phrase.leadingWords
            entries.append(PhraseTrie.Entry(folded: phrase.folded, target: target, plural: phrase.plural, exact: phrase.written))
        }
        trie = PhraseTrie(entries)
        self.leadingWords = LeadingWords(leadingWords)
    }

    public var isEmpty: Bool { trie.isEmpty }

    /// The phrases mentioned in `text`, left to right, never overlapping.
    public func matches(in text: String) -> [Match] {
        guard !isEmpty else { return [] }
        var bytes = text
        let ascii = bytes.withUTF8 { buffer -> [Match]? in
            var high: UInt8 = 0
            for byte in buffer { high |= byte }
            return high < 0x80 ? matches(in: ASCIIText(buffer)) : nil
        }
        return ascii ?? matches(in: ScannedText(text))
    }

    /// The phrases mentioned in UTF-8 `text` (which must be valid UTF-8), as `matches(in:)` finds
    /// them in the same text as a `String`: the renderer's prose runs, read without making a
    /// `String` of every paragraph.
    public func matches(in text: [UInt8]) -> [Match] {
        guard !isEmpty else { return [] }
        return text.withUnsafeBufferPointer { buffer in
            var high: UInt8 = 0
            for byte in buffer { high |= byte }
            return high < 0x80 ? matches(in: ASCIIText(buffer)) : matches(in: ScannedText(String(decoding: buffer, as: UTF8.self)))
        }
    }

    func matches(in scanned: some MatchableText) -> [Match] {
        var matches: [Match] = []
        var start = 0
        while start < scanned.count {
            guard scanned.canStart(at: start) else {
                start += 1
                continue
            }
            if scanned.kind(start) == .word {
                // No mention can start inside a word, so a word no phrase begins with is skipped whole.
                let word = scanned.word(from: start)
                if !leadingWords.mayContain(word.folded),
                   !word.foldingChangedIt || !leadingWords.mayContain(scanned.writtenHash(start..<word.end)) {
                    start = word.end
                    continue
                }
            }
            guard let (end, target) = longestMatch(from: start, scanned) else {
                start += 1
                continue
            }
            matches.append(Match(range: scanned.offset(start)..<scanned.offset(end), target: target))
            start = end
        }
        return matches
    }

    /// Text folded the way phrases and texts are compared: case-folded, whitespace runs as one
    /// space, curly apostrophes as straight ones.
    static func normalized(_ phrase: String, folding: Bool = true) -> [UInt32] {
        var folded: [UInt32] = []
        for scalar in phrase.unicodeScalars {
            let lowered = WordBoundary.fold(scalar)
            let value = folding || lowered == 0x20 || lowered == 0x27 ? lowered : scalar.value
            if value == 0x20, folded.last == 0x20 || folded.isEmpty { continue }
            folded.append(value)
        }
        if folded.last == 0x20 { folded.removeLast() }
        return folded
    }
}

private extension TermMatcher {
    func longestMatch(from start: Int, _ text: some MatchableText) -> (end: Int, target: Int)? {
        var best: (end: Int, target: Int)?
        let first = text.folded(start)
        guard first >= 128 || trie.asciiRoots[Int(first)] >= 0 else { return nil }
        var node: Int32 = 0
        var index = start
        while index < text.count, let child = node == 0 && first < 128 ? trie.asciiRoots[Int(first)] : trie.child(of: node, text.folded(index)) {
            node = child
            index += 1
            let reached = trie.nodes[Int(node)]
            guard reached.target >= 0 else { continue }
            if reached.mustMatchCase, !Self.matchesExactly(trie.exactPhrase(at: node), text, from: start) { continue }
            if text.canEnd(at: index) {
                best = (index, Int(reached.target))
            } else if let end = pluralEnd(after: index, reached.plural, text) {
                best = (end, Int(reached.target))
            }
        }
        return best
    }

    /// Where a regular plural ending after `index` ends, if there is one.
    func pluralEnd(after index: Int, _ plural: Plural, _ text: some MatchableText) -> Int? {
        let s = UInt32(UInt8(ascii: "s")), e = UInt32(UInt8(ascii: "e"))
        guard plural != .none, index < text.count else { return nil }
        if text.folded(index) == s, text.canEnd(at: index + 1) { return index + 1 }
        if plural == .sOrEs, index + 1 < text.count, text.folded(index) == e, text.folded(index + 1) == s, text.canEnd(at: index + 2) {
            return index + 2
        }
        return nil
    }

    /// Acronyms and names of one or two letters are matched with their case.
    static func isCaseSensitive(_ phrase: String) -> Bool {
        if phrase.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII, nearly every title: the letters are A–Z and a–z, no Unicode properties needed.
            let letters = phrase.utf8.count { (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }
            return letters <= 2 || !phrase.utf8.contains { (0x61...0x7A).contains($0) }
        }
        let letters = phrase.unicodeScalars.filter { $0.properties.isAlphabetic }
        return letters.count <= 2 || !letters.contains { $0.properties.isLowercase }
    }

    /// Whether the text from `start` is `written` letter for letter (spaces and apostrophes
    /// compare folded, as everywhere else).
    static func matchesExactly(_ written: [UInt32], _ text: some MatchableText, from start: Int) -> Bool {
        for (offset, expected) in written.enumerated() {
            let index = start + offset
            let same = expected == 0x20 || expected == 0x27 ? text.folded(index) == expected : text.raw(index) == expected
            if !same { return false }
        }
        return true
    }

    /// English regular plurals: "+s" after any letter, "+es" after s, x, z, ch and sh.
    static func plural(of folded: [UInt32]) -> Plural {
        func ascii(_ character: Unicode.Scalar) -> UInt32 { character.value }
        guard let last = folded.last, (ascii("a")...ascii("z")).contains(last) || (ascii("A")...ascii("Z")).contains(last) else { return .none }
        let before = folded.count >= 2 ? folded[folded.count - 2] : 0
        if last == ascii("s") || last == ascii("x") || last == ascii("z") { return .sOrEs }
        if last == ascii("h"), before == ascii("c") || before == ascii("s") { return .sOrEs }
        return .s
    }
}
