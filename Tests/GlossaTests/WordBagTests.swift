import Testing
@testable import Glossa

/// The Markdown stage hands related articles each body's words as a `WordBag`; these pin down
/// what a word is, so that a change to the walk cannot quietly change every site's related lists.
@Suite struct WordBagTests {
    func bag(_ markdown: String, collectsWords: Bool = true) -> [UInt64: Int32] {
        let body = MarkdownRenderer(options: .init(collectsWords: collectsWords)).render(markdown[...])
        return Dictionary(uniqueKeysWithValues: zip(body.words.hashes, body.words.counts))
    }

    func count(_ word: String, in bag: [UInt64: Int32]) -> Int32 {
        bag[WordHashing.hash(word)] ?? 0
    }

    @Test func countsEveryTextNodeCaseInsensitively() {
        let words = bag("Cache **cache** `cache`.\n\n```\ncache\n```\n\n- CACHE\n\n> Cache")
        #expect(count("cache", in: words) == 6)
        #expect(words.count == 1)
    }

    @Test func wordsNeverJoinAcrossNodes() {
        let words = bag("foo*bar* [baz](/x/)qux")
        #expect(count("foo", in: words) == 1)
        #expect(count("bar", in: words) == 1)
        #expect(count("baz", in: words) == 1)
        #expect(count("qux", in: words) == 1)
        #expect(count("foobar", in: words) == 0)
        #expect(count("bazqux", in: words) == 0)
    }

    @Test func smartPunctuationAndOneLetterWordsSeparateOrDrop() {
        // Curly apostrophes and em dashes (U+2000–U+207F) separate; "s" and "a" are too short.
        let words = bag("Conway's law -- a rule... of thumb")
        #expect(count("conway", in: words) == 1)
        #expect(count("law", in: words) == 1)
        #expect(count("thumb", in: words) == 1)
        #expect(count("s", in: words) == 0)
        #expect(words.count == 4)  // conway, law, rule, thumb ("of" is a stop word)
    }

    @Test func stopWordsAreLeftOut() {
        let words = bag("The cache and THE index of it")
        #expect(count("cache", in: words) == 1)
        #expect(count("index", in: words) == 1)
        #expect(count("the", in: words) == 0)
        #expect(words.count == 2)
    }

    @Test func stopWordTableAgreesWithTheList() {
        let listed = Set(StopWords.englishWords.map(WordHashing.hash))
        let stopWords = StopWords.english
        for word in StopWords.englishWords { #expect(stopWords.contains(WordHashing.hash(word)), "\(word)") }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let word = String((0..<Int.random(in: 2...9, using: &generator)).map { _ in "abcdefghijklmnopqrstuvwxyz".randomElement(using: &generator)! })
            let hash = WordHashing.hash(word)
            #expect(stopWords.contains(hash) == listed.contains(hash), "\(word)")
        }
    }

    @Test func nonASCIILettersAreKeptAsWritten() {
        let words = bag("Café CAFÉ café 東京")
        #expect(count("café", in: words) == 2)
        #expect(count("cafÉ", in: words) == 1)
        #expect(count("東京", in: words) == 1)
    }

    @Test func linkDestinationsAndHTMLAreNotWords() {
        let words = bag("[text](/glossary/hidden/) ![alt](/img/pic.png)")
        #expect(count("text", in: words) == 1)
        #expect(count("alt", in: words) == 1)
        #expect(count("hidden", in: words) == 0)
        #expect(count("pic", in: words) == 0)
    }

    @Test func aSiteWithoutRelatedArticlesCollectsNothing() {
        #expect(bag("Plenty of words here", collectsWords: false).isEmpty)
    }

    @Test func batchCountsAddBagsToTitlesAndDescriptions() {
        var collector = WordBag.Collector()
        let text = "replica replica lag"
        var copy = text
        copy.withUTF8 { collector.add($0) }
        var counts = WordCounts()
        counts.add("Replica", weight: 3)
        counts.add(collector.words)
        counts.endArticle()
        let entries = Dictionary(uniqueKeysWithValues: counts.entries.map { (counts.hashes[Int($0.word)], $0.count) })
        #expect(entries[WordHashing.hash("replica")] == 5)
        #expect(entries[WordHashing.hash("lag")] == 1)
        #expect(counts.documentFrequency == [1, 1])
    }

    /// `forEachWord` against the rules spelt out scalar by scalar, over random text made of
    /// the awkward pieces: smart punctuation (which separates), other characters beginning
    /// with the same byte 0xE2 (which do not), non-ASCII letters and one-letter words.
    @Test func wordHashingAgreesWithTheRulesScalarByScalar() {
        let pieces = ["a", "Q", "7", "be", " ", ".", "-", "\n", "é", "東", "—", "’", "…", "\u{2060}", "€", "→", "\u{2070}", "ab"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 0...24, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            var found: [UInt64] = []
            var copy = text
            copy.withUTF8 { bytes in WordHashing.forEachWord(in: bytes) { found.append($0) } }
            #expect(found == referenceWordHashes(text), "\(text.debugDescription)")
        }
    }

    func referenceWordHashes(_ text: String) -> [UInt64] {
        var words: [String] = [], word = ""
        for scalar in text.unicodeScalars {
            let isASCIIWord = scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar))
            if isASCIIWord || (!scalar.isASCII && !(0x2000...0x207F).contains(scalar.value)) {
                word.unicodeScalars.append(isASCIIWord ? Unicode.Scalar(UInt8(ascii: scalar).lowercasedASCII) : scalar)
            } else {
                words.append(word)
                word = ""
            }
        }
        words.append(word)
        return words.filter { $0.utf8.count >= 2 }.map(WordHashing.hash)
    }
}

private extension UInt8 {
    init(ascii scalar: Unicode.Scalar) { self = UInt8(scalar.value) }
    var lowercasedASCII: UInt8 { (0x41...0x5A).contains(self) ? self + 0x20 : self }
}
