/// How often each word occurs in each article of a batch, for text similarity.
///
/// Words are read as `WordHashing` says. Each distinct hash gets a batch-local number the first
/// time it is seen, so the count for a word is one `IntegerTable` probe and an array increment:
/// this runs for every distinct word of every article, and hashing into a `Dictionary` per
/// article was most of the cost of related articles. Bodies come without stop words (see
/// `WordBag`); those of titles and descriptions are counted here and dropped once per distinct
/// word by `Vocabulary`.
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
            WordHashing.forEachWord(in: bytes) { count($0, weight) }
        }
    }

    /// Counts a body's words, collected by the Markdown stage.
    mutating func add(_ bag: WordBag) {
        for (hash, count) in zip(bag.hashes, bag.counts) { self.count(hash, count) }
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

}

private extension WordCounts {
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
}
