/// `TermMatcher`'s rules written the slow, obvious way, as the oracle its fuzzer compares it with.
///
/// `TermMatcher` is fast because of a trie in a hand-made hash table, an ASCII fast path and a
/// root lookup table — three places where a mistake would link the wrong words without any test
/// noticing. This version tries every phrase at every position and takes the longest, sharing
/// nothing with it but the definition of a word edge (`canStart`/`canEnd`) and of folding
/// (`TermMatcher.normalized`, `WordBoundary.fold`). Its cost is text × phrases × phrase length:
/// for fuzzing and tests only.
struct ReferenceTermMatcher {
    fileprivate struct Phrase {
        var folded: [UInt32]
        /// The phrase as written, when it must match with its case (acronyms, one or two letters).
        var written: [UInt32]?
        var target: Int
    }

    private var phrases: [Phrase] = []

    init(_ phrases: [(phrase: String, target: Int)]) {
        var seen: Set<[UInt32]> = []
        for (phrase, target) in phrases {
            let folded = TermMatcher.normalized(phrase)
            // A phrase with nothing but punctuation and spaces is never matched; of two phrases
            // folding to the same text, the first one keeps it.
            guard folded.contains(where: { Unicode.Scalar($0).map(WordBoundary.isWord) ?? false }),
                  seen.insert(folded).inserted else { continue }
            let letters = phrase.unicodeScalars.filter(\.properties.isAlphabetic)
            let caseSensitive = letters.count <= 2 || !letters.contains(where: \.properties.isLowercase)
            let written = caseSensitive ? TermMatcher.normalized(phrase, folding: false) : nil
            self.phrases.append(Phrase(folded: folded, written: written, target: target))
        }
    }

    /// Leftmost-longest: at each position where a mention may start, the match that reaches
    /// furthest (then the longer phrase) wins, and scanning resumes after it.
    func matches(in text: some MatchableText) -> [TermMatcher.Match] {
        var matches: [TermMatcher.Match] = []
        var start = 0
        while start < text.count {
            var best: (end: Int, length: Int, target: Int)?
            if text.canStart(at: start) {
                for phrase in phrases {
                    guard let end = end(of: phrase, at: start, in: text) else { continue }
                    if best.map({ ($0.end, $0.length) < (end, phrase.folded.count) }) ?? true {
                        best = (end, phrase.folded.count, phrase.target)
                    }
                }
            }
            guard let best else {
                start += 1
                continue
            }
            matches.append(TermMatcher.Match(range: text.offset(start)..<text.offset(best.end), target: best.target))
            start = best.end
        }
        return matches
    }
}

private extension ReferenceTermMatcher {
    /// Where `phrase` ends if it is mentioned at `start`: right after it on a word edge, else
    /// after a regular plural ending on a word edge.
    func end(of phrase: Phrase, at start: Int, in text: some MatchableText) -> Int? {
        let end = start + phrase.folded.count
        guard end <= text.count else { return nil }
        for (offset, scalar) in phrase.folded.enumerated() where text.folded(start + offset) != scalar { return nil }
        if let written = phrase.written {
            for (offset, scalar) in written.enumerated() {
                let index = start + offset
                // Spaces and apostrophes compare folded even in a case-sensitive phrase.
                let same = scalar == 0x20 || scalar == 0x27 ? text.folded(index) == scalar : text.raw(index) == scalar
                if !same { return nil }
            }
        }
        if text.canEnd(at: end) { return end }
        return pluralEnd(of: phrase.folded, at: end, in: text)
    }

    /// English regular plurals of a phrase ending in an ASCII letter: "+s", and "+es" after
    /// s, x, z, ch and sh.
    func pluralEnd(of folded: [UInt32], at end: Int, in text: some MatchableText) -> Int? {
        guard let last = folded.last, let letter = Unicode.Scalar(last), letter.isASCII, letter.properties.isAlphabetic else { return nil }
        let s = UInt32(UInt8(ascii: "s")), e = UInt32(UInt8(ascii: "e")), h = UInt32(UInt8(ascii: "h"))
        if end < text.count, text.folded(end) == s, text.canEnd(at: end + 1) { return end + 1 }
        let previous = folded.count >= 2 ? folded[folded.count - 2] : 0
        let takesES = "sxz".unicodeScalars.contains(letter) || (last == h && (previous == UInt32(UInt8(ascii: "c")) || previous == s))
        if takesES, end + 1 < text.count, text.folded(end) == e, text.folded(end + 1) == s, text.canEnd(at: end + 2) {
            return end + 2
        }
        return nil
    }
}
