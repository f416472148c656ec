import Foundation

/// Each article's strongest words by TF-IDF, scaled to unit length, strongest first: the text
/// half of "related articles".
///
/// A word weighs `(1 + log count) × log(articles / articles containing it)`, so words every
/// article uses weigh nothing and a word repeated ten times weighs about three times one said
/// once. Only the `RelatedArticles.wordsPerArticle` strongest are kept: they carry most of the
/// cosine and bound the work per article. All vectors live in three flat arrays rather than an
/// array per article, which keeps scoring free of reference counting.
struct TextVectors: Sendable {
    /// Site-wide word numbers (see `Vocabulary`) and their weights, article after article.
    private(set) var words: [Int32] = []
    private(set) var weights: [Double] = []
    /// Article `i`'s words are at `starts[i]..<starts[i + 1]`.
    private(set) var starts: [Int] = [0]

    func range(of article: Int) -> Range<Int> { starts[article]..<starts[article + 1] }

    var articleCount: Int { starts.count - 1 }

    /// The vectors of every article of `batches`, in order, computed batch by batch on up to `jobs` cores.
    static func make(_ batches: [WordCounts], vocabulary: Vocabulary, jobs: Int) async -> TextVectors {
        let total = Double(batches.reduce(0) { $0 + $1.articleCount })
        let inverseFrequency = vocabulary.documentFrequency.map { log(total / Double($0)) }
        let parts = await Array(batches.indices).parallelMap(jobs: jobs) { batch in
            var part = TextVectors()
            var strongest = Strongest(capacity: RelatedArticles.wordsPerArticle)
            let counts = batches[batch], siteWords = vocabulary.siteWords[batch]
            for article in 0..<counts.articleCount {
                for (word, count) in counts.entries[counts.starts[article]..<counts.starts[article + 1]] {
                    let siteWord = siteWords[Int(word)]
                    guard siteWord >= 0 else { continue }
                    let weight = Self.termFrequency(count) * inverseFrequency[Int(siteWord)]
                    if weight > 0 { strongest.offer(siteWord, weight, hash: vocabulary.hashes[Int(siteWord)]) }
                }
                part.append(strongest)
                strongest.removeAll()
            }
            return part
        }
        var vectors = TextVectors()
        for part in parts {
            let offset = vectors.words.count
            vectors.words += part.words
            vectors.weights += part.weights
            vectors.starts += part.starts.dropFirst().map { $0 + offset }
        }
        return vectors
    }
}

private extension TextVectors {
    /// `1 + log(count)`; small counts, nearly all of them, from a table.
    static func termFrequency(_ count: Int32) -> Double {
        count < termFrequencies.count ? termFrequencies[Int(count)] : 1 + log(Double(count))
    }

    static let termFrequencies: [Double] = (0..<256).map { 1 + log(Double($0)) }

    /// Appends one article's vector, scaled to unit length.
    mutating func append(_ strongest: Strongest) {
        let length = sqrt(strongest.entries.reduce(0) { $0 + $1.weight * $1.weight })
        if length > 0 {
            for entry in strongest.entries {
                words.append(entry.word)
                weights.append(entry.weight / length)
            }
        }
        starts.append(words.count)
    }

    /// The `capacity` heaviest words offered, heaviest first; equal weights in hash order so
    /// that the choice never depends on the order words were met.
    struct Strongest {
        let capacity: Int
        private(set) var entries: [(word: Int32, weight: Double, hash: UInt64)] = []

        init(capacity: Int) {
            self.capacity = capacity
            entries.reserveCapacity(capacity + 1)
        }

        mutating func offer(_ word: Int32, _ weight: Double, hash: UInt64) {
            let entry = (word, weight, hash)
            if entries.count == capacity, let last = entries.last, !Self.isHeavier(entry, than: last) { return }
            let position = entries.firstIndex { Self.isHeavier(entry, than: $0) } ?? entries.count
            entries.insert(entry, at: position)
            if entries.count > capacity { entries.removeLast() }
        }

        mutating func removeAll() { entries.removeAll(keepingCapacity: true) }

        static func isHeavier(_ lhs: (word: Int32, weight: Double, hash: UInt64), than rhs: (word: Int32, weight: Double, hash: UInt64)) -> Bool {
            lhs.weight != rhs.weight ? lhs.weight > rhs.weight : lhs.hash < rhs.hash
        }
    }
}
