/// Every word of the site numbered once, with the number of articles that contain it.
///
/// Words are counted in parallel batches, each numbering the words it meets on its own; this
/// joins the batches' numbers into site-wide ones. It does so once per distinct word of each
/// batch, not once per article, so the only step of text similarity that cannot run on all
/// cores stays small. Stop words are dropped here, also once per distinct word (bodies never had them, see `WordBag`).
struct Vocabulary: Sendable {
    /// The hash of each site-wide word (see `WordCounts`): tie-breaks compare these, so that
    /// results never depend on the order in which words were numbered.
    private(set) var hashes: [UInt64] = []
    /// For each site-wide word: how many articles contain it.
    private(set) var documentFrequency: [Int32] = []
    /// For each batch: its words' site-wide numbers, or -1 for stop words.
    private(set) var siteWords: [[Int32]] = []

    init(_ batches: [WordCounts]) {
        var numbers = IntegerTable()
        let stopWords = StopWords.english
        for batch in batches {
            var mapping = [Int32](repeating: -1, count: batch.hashes.count)
            for (word, hash) in batch.hashes.enumerated() where !stopWords.contains(hash) {
                let (number, isNew) = numbers.value(for: hash, insertingIfAbsent: Int32(hashes.count))
                if isNew {
                    hashes.append(hash)
                    documentFrequency.append(0)
                }
                documentFrequency[Int(number)] += batch.documentFrequency[word]
                mapping[word] = number
            }
            siteWords.append(mapping)
        }
    }

    var count: Int { hashes.count }
}
