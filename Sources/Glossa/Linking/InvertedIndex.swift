/// Word → the articles it weighs most in, strongest first: how related articles find
/// candidates without comparing every pair.
///
/// Each word keeps at most `RelatedArticles.postingLimit` articles, so a word common to half
/// the site nominates a bounded number of them and scoring stays near-linear. Postings are
/// stored by site-wide word number in flat arrays (counting sort), not in a dictionary of
/// arrays, so building the index is a few passes over memory and looking a word up is two loads.
struct InvertedIndex: Sendable {
    /// Articles and their weights for each word, word after word.
    private(set) var articles: [Int32] = []
    private(set) var weights: [Double] = []
    /// Word `w`'s postings are at `starts[w]..<starts[w + 1]`.
    private(set) var starts: [Int]

    func postings(of word: Int32) -> Range<Int> { starts[Int(word)]..<starts[Int(word) + 1] }

    init(_ vectors: TextVectors, wordCount: Int) {
        // Every posting, grouped by word, articles ascending within a word.
        var all = [Int](repeating: 0, count: wordCount + 1)
        for word in vectors.words { all[Int(word) + 1] += 1 }
        for word in 0..<wordCount { all[word + 1] += all[word] }
        var next = all
        var postings = [(article: Int32, weight: Double)](repeating: (0, 0), count: vectors.words.count)
        for article in 0..<vectors.articleCount {
            for entry in vectors.range(of: article) {
                let word = Int(vectors.words[entry])
                postings[next[word]] = (Int32(article), vectors.weights[entry])
                next[word] += 1
            }
        }
        // Each word's strongest, ties to the smaller article.
        starts = [0]
        starts.reserveCapacity(wordCount + 1)
        for word in 0..<wordCount {
            var group = postings[all[word]..<all[word + 1]]
            if group.count > 1 {
                group.sort { $0.weight != $1.weight ? $0.weight > $1.weight : $0.article < $1.article }
            }
            for posting in group.prefix(RelatedArticles.postingLimit) {
                articles.append(posting.article)
                weights.append(posting.weight)
            }
            starts.append(articles.count)
        }
    }
}
