/// One article body's words for text similarity: each distinct word's hash and how often it
/// occurs, stop words left out.
///
/// The Markdown stage fills it from cmark's text nodes while it walks them anyway, on all
/// cores, so related articles never need the body as one big string: keeping that string for
/// every article cost memory in proportion to the site, and reading it again cost a second pass
/// over all of its text.
public struct WordBag: Sendable {
    /// Distinct words, in order of first occurrence.
    private(set) var hashes: [UInt64] = []
    private(set) var counts: [Int32] = []

    public static let empty = WordBag()

    /// Collects a bag from pieces of text, which never join into one word.
    struct Collector {
        private var numbers = IntegerTable()
        private var bag = WordBag()
        private let stopWords = StopWords.english

        /// Counts the words of `bytes` (UTF-8). Stop words are left out here, once per occurrence,
        /// as they would be later anyway: they are about a third of English prose, and checking
        /// one costs less than counting it.
        mutating func add(_ bytes: UnsafeBufferPointer<UInt8>) {
            WordHashing.forEachWord(in: bytes) { hash in
                guard !stopWords.contains(hash) else { return }
                let (word, isNew) = numbers.value(for: hash, insertingIfAbsent: Int32(bag.hashes.count))
                if isNew {
                    bag.hashes.append(hash)
                    bag.counts.append(1)
                } else {
                    bag.counts[Int(word)] += 1
                }
            }
        }

        var words: WordBag { bag }
    }
}
