import Foundation

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

        let site = site
        let counts = await documents.parallelMap(jobs: jobs) { ref -> WordCounts in
            let article = site.article(ref)
            var counts = WordCounts()
            counts.add(article.title, weight: 3)
            counts.add(article.description, weight: 2)
            counts.add(article.body.plainText)
            return counts
        }
        var documentFrequency: [UInt64: Int32] = [:]
        for document in counts {
            for word in document.counts.keys { documentFrequency[word, default: 0] += 1 }
        }
        let total = Double(documents.count)
        let frequencies = documentFrequency
        let vectors = await counts.parallelMap(jobs: jobs) { counts in
            Self.vector(counts, documentFrequency: frequencies, total: total)
        }
        let index = Self.invertedIndex(vectors)
        let tagGroups = tagMembers(documents)
        let ids = documents.map { site.article($0).id }
        let scorer = Scorer(documents: documents, slugs: documents.map { site.article($0).slug }, vectors: vectors, index: index,
                            tags: tagGroups.byDocument, members: tagGroups.members)
        // Chunks rather than single articles, so each task reuses one dense score array.
        let chunkSize = 64
        let chunks = Array(stride(from: 0, to: documents.count, by: chunkSize))
        let computed = await chunks.parallelMap(jobs: jobs) { start in
            var scratch = Scorer.Scratch(count: documents.count)
            return (start..<min(start + chunkSize, documents.count)).map { document in
                let already = explicit[ids[document]] ?? []
                return scorer.best(for: document, excluding: Set(already), count: count - already.count, scratch: &scratch)
            }
        }.flatMap { $0 }
        for (document, refs) in computed.enumerated() where !refs.isEmpty {
            related[ids[document], default: []] += refs
        }
        return related
    }
}

private extension RelatedArticles {
    typealias Vector = [(word: UInt64, weight: Double)]

    /// The strongest words by TF-IDF, unit length, strongest first.
    static func vector(_ counts: WordCounts, documentFrequency: [UInt64: Int32], total: Double) -> Vector {
        var weighted: Vector = counts.counts.map { word, count in
            (word, (1 + log(Double(count))) * log(total / Double(documentFrequency[word] ?? 1)))
        }
        weighted.removeAll { $0.weight <= 0 }
        weighted.sort { $0.weight != $1.weight ? $0.weight > $1.weight : $0.word < $1.word }
        let kept = weighted.prefix(wordsPerArticle)
        let length = sqrt(kept.reduce(0) { $0 + $1.weight * $1.weight })
        return length > 0 ? kept.map { ($0.word, $0.weight / length) } : []
    }

    /// Word → the documents it weighs most in, strongest first.
    static func invertedIndex(_ vectors: [Vector]) -> [UInt64: [(document: Int, weight: Double)]] {
        var index: [UInt64: [(document: Int, weight: Double)]] = [:]
        for (document, vector) in vectors.enumerated() {
            for (word, weight) in vector { index[word, default: []].append((document, weight)) }
        }
        return index.mapValues { postings in
            Array(postings.sorted { $0.weight != $1.weight ? $0.weight > $1.weight : $0.document < $1.document }.prefix(postingLimit))
        }
    }

    /// Tags as small integers per document, and each tag's documents.
    func tagMembers(_ documents: [Site.ArticleRef]) -> (byDocument: [[Int]], members: [[Int]]) {
        var tagIndex: [Slug: Int] = [:]
        for (index, group) in site.tags.enumerated() { tagIndex[group.tag.slug] = index }
        var members = [[Int]](repeating: [], count: site.tags.count)
        let byDocument = documents.enumerated().map { document, ref in
            let tags = Set(site.article(ref).tags.compactMap { tagIndex[$0.slug] }).sorted()
            for tag in tags { members[tag].append(document) }
            return tags
        }
        return (byDocument, members)
    }

    struct Scorer: Sendable {
        let documents: [Site.ArticleRef]
        let slugs: [Slug]
        let vectors: [Vector]
        let index: [UInt64: [(document: Int, weight: Double)]]
        let tags: [[Int]]
        let members: [[Int]]

        /// Per-task working memory, reused for every document so that scoring allocates nothing
        /// proportional to the site.
        struct Scratch {
            var scores: [Double]
            var isCandidate: [Bool]
            init(count: Int) {
                scores = [Double](repeating: 0, count: count)
                isCandidate = [Bool](repeating: false, count: count)
            }
        }

        /// The `count` best-scoring other documents; `scratch` is left as it was found.
        func best(for document: Int, excluding excluded: Set<Site.ArticleRef>, count: Int, scratch: inout Scratch) -> [Site.ArticleRef] {
            guard count > 0 else { return [] }
            var candidates: [Int] = []
            func nominate(_ other: Int) {
                if !scratch.isCandidate[other] {
                    scratch.isCandidate[other] = true
                    candidates.append(other)
                }
            }
            for (word, weight) in vectors[document] {
                for posting in index[word] ?? [] where posting.document != document {
                    nominate(posting.document)
                    scratch.scores[posting.document] += weight * posting.weight
                }
            }
            for tag in tags[document] where members[tag].count <= RelatedArticles.tagNominationLimit {
                for other in members[tag] where other != document { nominate(other) }
            }
            // Candidates come in index order, but the result does not depend on it: `isBetter` is a total order.
            var best: [(score: Double, document: Int)] = []
            for other in candidates {
                let similarity = scratch.scores[other]
                scratch.scores[other] = 0
                scratch.isCandidate[other] = false
                guard excluded.isEmpty || !excluded.contains(documents[other]) else { continue }
                let score = RelatedArticles.textWeight * similarity + RelatedArticles.tagWeight * tagSimilarity(document, other)
                guard score > 0 else { continue }
                // Keep the best `count` in order: insertion into a short sorted list.
                let entry = (score, other)
                if best.count == count, let last = best.last, !isBetter(entry, than: last) { continue }
                let position = best.firstIndex { isBetter(entry, than: $0) } ?? best.count
                best.insert(entry, at: position)
                if best.count > count { best.removeLast() }
            }
            return best.map { documents[$0.document] }
        }

        /// Higher score first; ties to the smaller slug, then terms before posts.
        func isBetter(_ lhs: (score: Double, document: Int), than rhs: (score: Double, document: Int)) -> Bool {
            if lhs.score != rhs.score { return lhs.score > rhs.score }
            let l = slugs[lhs.document], r = slugs[rhs.document]
            return l != r ? l < r : lhs.document < rhs.document
        }

        func tagSimilarity(_ a: Int, _ b: Int) -> Double {
            let left = tags[a], right = tags[b]
            guard !left.isEmpty, !right.isEmpty else { return 0 }
            let shared = left.count { right.contains($0) }
            return Double(shared) / sqrt(Double(left.count * right.count))
        }
    }
}
