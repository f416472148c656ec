/// "Related articles" for terms and posts: the author's `related:` first, then the articles
/// most similar by text and tags.
///
/// Similarity is `0.7 × text + 0.3 × tags`: text is the cosine of TF-IDF vectors over each
/// article's words (title and description weigh more than the body), tags the cosine of the
/// tag sets. Comparing every pair would be quadratic, so each article keeps only its
/// `wordsPerArticle` strongest words, an inverted index maps each word to at most
/// `postingLimit` articles (those where it weighs most), and only articles met through the
/// index, or sharing a tag with at most `tagNominationLimit` members, are scored. A tag on
/// hundreds of articles still adds to a score; it just cannot nominate candidates on its own.
/// Scores tie often, so ties go to the smaller slug, then terms before posts: the same content
/// always gives the same lists.
struct RelatedArticles {
    static let wordsPerArticle = 24
    static let postingLimit = 64
    static let tagNominationLimit = 64
    static let textWeight = 0.7
    static let tagWeight = 0.3

    let site: Site

    /// `explicit` extended with computed articles up to `count` per article (explicit ones are
    /// all kept, even beyond `count`).
    func compute(explicit: [String: [Site.ArticleRef]], count: Int, jobs: Int) async -> [String: [Site.ArticleRef]] {
        var related = explicit
        let documents = site.terms.indices.map { Site.ArticleRef(kind: .term, index: $0) }
            + site.posts.indices.map { Site.ArticleRef(kind: .post, index: $0) }
        guard count > 0, documents.count > 1 else { return related }

        // Bodies' words were hashed and counted by the Markdown stage. They are numbered here in a
        // few large batches, each numbering its own words, so that the one step that sees the
        // whole site, `Vocabulary`, handles each distinct word once per batch.
        let site = site
        let batchSize = max(256, (documents.count + 4 * jobs - 1) / (4 * max(1, jobs)))
        let batches = Array(stride(from: 0, to: documents.count, by: batchSize))
        let counts = await batches.parallelMap(jobs: jobs) { start -> WordCounts in
            var counts = WordCounts()
            for ref in documents[start..<min(start + batchSize, documents.count)] {
                let articles = site.articles(ref.kind)
                counts.add(articles[ref.index].title, weight: 3)
                counts.add(articles[ref.index].description, weight: 2)
                counts.add(articles[ref.index].body.words)
                counts.endArticle()
            }
            return counts
        }
        let vocabulary = Vocabulary(counts)
        let vectors = await TextVectors.make(counts, vocabulary: vocabulary, jobs: jobs)
        let scorer = SimilarityScorer(vectors: vectors, index: InvertedIndex(vectors, wordCount: vocabulary.count),
                                      tags: TagMembership(site: site, articles: documents),
                                      slugs: documents.map { site.articles($0.kind)[$0.index].slug })
        let ids = documents.map { site.articles($0.kind)[$0.index].id }
        let termCount = site.terms.count
        // Chunks rather than single articles, so each task reuses one dense score array.
        let chunkSize = 64
        let chunks = Array(stride(from: 0, to: documents.count, by: chunkSize))
        let computed = await chunks.parallelMap(jobs: jobs) { start in
            let scratch = SimilarityScorer.Scratch(articleCount: documents.count, tagCount: scorer.tags.tagCount)
            return (start..<min(start + chunkSize, documents.count)).map { document in
                let already = explicit[ids[document]] ?? []
                let excluded = already.map { $0.kind == .term ? $0.index : termCount + $0.index }
                return scorer.best(for: document, excluding: excluded, count: count - already.count, scratch: scratch)
            }
        }.flatMap { $0 }
        for (document, best) in computed.enumerated() where !best.isEmpty {
            related[ids[document], default: []] += best.map { documents[$0] }
        }
        return related
    }
}
