/// How often each word occurs in each article of a batch, for text similarity.
///
/// Words are runs of letters and digits, lowercased (ASCII) and hashed rather than stored, so
/// counting 10,000 articles allocates no strings. Non-ASCII letters are compared as written.
/// Each distinct hash gets a batch-local number the first time it is seen, so the count for a
/// word is one `IntegerTable` probe and an array increment: this loop runs for every word of
/// every article, millions of times on a large site, and hashing into a `Dictionary` per
/// article was most of the cost of related articles. Stop words are counted like any other
/// word here and dropped once per distinct word by `RelatedArticles`, not once per occurrence.
struct WordCounts: Sendable {
    /// Batch-local word numbers by hash.
    private var numbers = IntegerTable()
    /// The hash of each batch-local word.
    private(set) var hashes: [UInt64] = []
    /// For each batch-local word: how many articles of the batch contain it.
    private(set) var documentFrequency: [Int32] = []
    /// Every article's words and counts, one article after another; article `i` has
    /// `entries[starts[i]..<starts[i + 1]]`, words in order of first occurrence.
    private(set) var entries: [(word: Int32, count: Int32)] = []
    private(set) var starts: [Int] = [0]

    /// The current article's count for each batch-local word (0 when it has none).
    private var current: [Int32] = []
    /// The batch-local words the current article has, in order of first occurrence.
    private var currentWords: [Int32] = []

    var articleCount: Int { starts.count - 1 }

    /// Counts the words of `text` for the current article, each occurrence adding `weight`
    /// (titles count more than body text).
    mutating func add(_ text: String, weight: Int32 = 1) {
        var text = text
        text.withUTF8 { bytes in
            var hash = Self.offsetBasis
            var length = 0
            var index = 0
            func endWord() {
                if length >= 2 { count(hash, weight) }
                hash = Self.offsetBasis
                length = 0
            }
            while index < bytes.count {
                let byte = bytes[index]
                var folded = Self.wordBytes[Int(byte)]
                // U+2000–U+206F (dashes, curly quotes, ellipsis from smart punctuation) separate words.
                if byte == 0xE2 {
                    if index + 1 < bytes.count, bytes[index + 1] == 0x80 || bytes[index + 1] == 0x81 {
                        endWord()
                        index += 3
                        continue
                    }
                    folded = byte
                }
                if folded == 0 {
                    endWord()
                } else {
                    hash = (hash ^ UInt64(folded)) &* Self.prime
                    length += 1
                }
                index += 1
            }
            endWord()
        }
    }

    /// Closes the current article: its words become `entries`, and the next `add` starts a new one.
    mutating func endArticle() {
        for word in currentWords {
            entries.append((word, current[Int(word)]))
            current[Int(word)] = 0
            documentFrequency[Int(word)] += 1
        }
        currentWords.removeAll(keepingCapacity: true)
        starts.append(entries.count)
    }

    static func hash(_ word: String) -> UInt64 {
        var hash = offsetBasis
        for byte in word.utf8 { hash = (hash ^ UInt64(byte)) &* prime }
        return hash
    }

    /// English stop words and one-letter words say nothing about a topic.
    static func isStopWord(_ hash: UInt64) -> Bool { stopWords.contains(hash) }
}

private extension WordCounts {
    /// Each byte lowercased if it belongs to a word (ASCII letters and digits, and every byte
    /// of a non-ASCII character), 0 if it separates words: one load per byte instead of a
    /// chain of comparisons. 0xE2 is 0 here because it may begin a separator; `add` decides.
    static let wordBytes: [UInt8] = (0...255).map { byte in
        switch UInt8(byte) {
        case 0x41...0x5A: UInt8(byte) + 0x20
        case 0x61...0x7A, 0x30...0x39: UInt8(byte)
        case 0xE2: 0
        case 0x80...: UInt8(byte)
        default: 0
        }
    }

    static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01b3

    mutating func count(_ hash: UInt64, _ weight: Int32) {
        let (word, isNew) = numbers.value(for: hash, insertingIfAbsent: Int32(hashes.count))
        if isNew {
            hashes.append(hash)
            documentFrequency.append(0)
            current.append(0)
        }
        if current[Int(word)] == 0 { currentWords.append(word) }
        current[Int(word)] += weight
    }

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
