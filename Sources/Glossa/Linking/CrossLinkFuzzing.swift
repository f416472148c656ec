/// The entry point of the `FuzzCrossLinks` fuzzer: cross-linking on titles, synonyms and text
/// the fuzzer makes up, with every promise of `TermMatcher` and `CrossLinker` checked.
///
/// The matcher and the linker are internal, and the fuzzers live in their own package, so this
/// one function is exposed to them as SPI rather than making the linking stage public. A broken
/// promise is returned as a `Violation`; the fuzzer traps on it, so libFuzzer keeps the input,
/// and the tests report it like any failed expectation.
///
/// Input: the part before the first NUL byte lists terms, one per line, as
/// `Title|Synonym|Synonym`; the part after it is the text. Without a NUL the whole input is
/// both, so the text always mentions the titles. Bytes that are not UTF-8 are replaced (reading
/// files is fuzzed by `FuzzArticle`).
@_spi(Fuzzing)
public enum CrossLinkFuzzing {
    public struct Violation: Error, CustomStringConvertible {
        public var description: String
    }

    public static func check(_ bytes: [UInt8]) throws(Violation) {
        let input = String(decoding: bytes, as: UTF8.self)
        let (terms, text) = split(input)
        var phrases: [(phrase: String, target: Int)] = []
        for (index, term) in terms.enumerated() { phrases.append((term.title, index)) }
        for (index, term) in terms.enumerated() { phrases += term.synonyms.map { ($0, index) } }
        try checkMatcher(phrases, text: text)
        try checkLinker(terms, markdown: text)
    }

    typealias FuzzTerm = (title: String, synonyms: [String])

    /// At most 32 terms of at most 8 synonyms: enough for every overlap, cheap enough to run
    /// thousands of times a second.
    static func split(_ input: String) -> (terms: [FuzzTerm], text: String) {
        let parts = input.split(separator: "\0", maxSplits: 1, omittingEmptySubsequences: false)
        let text = parts.count == 2 ? String(parts[1]) : input
        let terms = parts[0].split(separator: "\n").prefix(32).map { line -> FuzzTerm in
            let names = line.split(separator: "|", omittingEmptySubsequences: false).prefix(9).map(String.init)
            return (names[0], Array(names.dropFirst()))
        }
        return (terms, text)
    }
}

extension CrossLinkFuzzing {
    /// The trie against the reference matcher, the ASCII fast path against the general one, and
    /// each match against the rules: in bounds, on scalar boundaries and word edges, in order,
    /// never overlapping, and the text of its phrase (plus a plural ending).
    static func checkMatcher(_ phrases: [(phrase: String, target: Int)], text: String) throws(Violation) {
        let matcher = TermMatcher(phrases)
        let matches = matcher.matches(in: text)
        let scanned = ScannedText(text)
        let context = "phrases \(phrases.map(\.phrase)) text \(text.debugDescription.prefix(2_000))"
        try require(matches == matcher.matches(in: scanned), "fast path and general path disagree: \(context)")
        let expected = ReferenceTermMatcher(phrases).matches(in: scanned)
        try require(matches == expected, "TermMatcher found \(matches), the reference \(expected): \(context)")

        var scalarAt: [Int: Int] = [:]
        for index in 0...scanned.count { scalarAt[scanned.offset(index)] = index }
        let utf8 = Array(text.utf8)
        var previousEnd = 0
        for match in matches {
            let range = match.range
            try require(previousEnd <= range.lowerBound && range.lowerBound < range.upperBound && range.upperBound <= utf8.count,
                        "match \(range) out of order or bounds: \(context)")
            previousEnd = range.upperBound
            guard let start = scalarAt[range.lowerBound], let end = scalarAt[range.upperBound] else {
                throw Violation(description: "match \(range) splits a scalar: \(context)")
            }
            try require(scanned.canStart(at: start) && scanned.canEnd(at: end), "match \(range) not on word edges: \(context)")
            let mentioned = TermMatcher.normalized(String(decoding: utf8[range], as: UTF8.self))
            let own = phrases.filter { $0.target == match.target }.map { TermMatcher.normalized($0.phrase) }
            let isPhraseOrPlural = own.contains { phrase in
                !phrase.isEmpty && mentioned.starts(with: phrase) && pluralEndings.contains(Array(mentioned.dropFirst(phrase.count)))
            }
            try require(isPhraseOrPlural,
                        "match \(range) is not a phrase of target \(match.target) or its plural: \(context)")
        }
    }

    static func require(_ holds: Bool, _ promise: @autoclosure () -> String) throws(Violation) {
        if !holds { throw Violation(description: promise()) }
    }

    static let pluralEndings: [[UInt32]] = [[], [0x73], [0x65, 0x73]]
}
