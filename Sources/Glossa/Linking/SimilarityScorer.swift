import Foundation

/// Finds the articles most similar to one article: `0.7 × text + 0.3 × tags`, among the
/// candidates the inverted index and small tags nominate.
///
/// This runs once per article, over a thousand or so candidates each, so it works on flat
/// arrays and integers only: scores in a dense per-task array, tags from `TagMembership`, and
/// slugs compared by their precomputed rank instead of as strings.
struct SimilarityScorer: Sendable {
    let vectors: TextVectors
    let index: InvertedIndex
    let tags: TagMembership
    /// Each article's place in slug order; equal slugs share one, so that ties between them
    /// still go to the article that comes first (terms before posts).
    let slugRanks: [Int32]
    /// `shared / sqrt(own × other)` for tag counts up to `tagCosineLimit`, computed once:
    /// a square root and a division per candidate were half the cost of scoring.
    let tagCosines: [Double]
    static let tagCosineLimit = 16

    init(vectors: TextVectors, index: InvertedIndex, tags: TagMembership, slugs: [Slug]) {
        self.vectors = vectors
        self.index = index
        self.tags = tags
        var ranks = [Int32](repeating: 0, count: slugs.count)
        var rank: Int32 = 0
        let order = slugs.indices.sorted { slugs[$0] < slugs[$1] }
        for (position, article) in order.enumerated() {
            if position > 0, slugs[order[position - 1]] < slugs[article] { rank += 1 }
            ranks[article] = rank
        }
        slugRanks = ranks
        let limit = Self.tagCosineLimit
        tagCosines = (0..<(limit + 1) * (limit + 1) * (limit + 1)).map { index in
            let shared = index / ((limit + 1) * (limit + 1)), own = index / (limit + 1) % (limit + 1), other = index % (limit + 1)
            return Self.tagCosine(shared: shared, own: own, other: other)
        }
    }

    /// Per-task working memory, reused for every article so that scoring allocates nothing
    /// proportional to the site; every call leaves it as it found it.
    ///
    /// Raw buffers in a class rather than arrays in a struct: an array written through an
    /// `inout` struct is checked for uniqueness on every write, and scoring writes a few
    /// thousand times per article.
    final class Scratch {
        /// Each candidate's text similarity, summed over the words it shares with the article.
        let scores: UnsafeMutableBufferPointer<Double>
        let isCandidate: UnsafeMutableBufferPointer<Bool>
        let isOwnTag: UnsafeMutableBufferPointer<Bool>
        /// The candidates met so far are `candidates[..<candidateCount]`; an article is met once.
        let candidates: UnsafeMutableBufferPointer<Int32>
        var candidateCount = 0

        init(articleCount: Int, tagCount: Int) {
            scores = .allocate(capacity: articleCount)
            scores.initialize(repeating: 0)
            isCandidate = .allocate(capacity: articleCount)
            isCandidate.initialize(repeating: false)
            isOwnTag = .allocate(capacity: tagCount)
            isOwnTag.initialize(repeating: false)
            candidates = .allocate(capacity: articleCount)
            candidates.initialize(repeating: 0)
        }

        deinit {
            scores.deallocate()
            isCandidate.deallocate()
            isOwnTag.deallocate()
            candidates.deallocate()
        }
    }

    /// The `count` best-scoring other articles, best first, leaving out `excluded`.
    func best(for article: Int, excluding excluded: [Int], count: Int, scratch: Scratch) -> [Int] {
        guard count > 0 else { return [] }
        nominate(for: article, scratch)
        let ownTagRange = tags.tags(of: article)
        for tag in tags.tags[ownTagRange] { scratch.isOwnTag[Int(tag)] = true }
        let ownTags = (mask: tags.masks[article], count: ownTagRange.count)
        let scores = scratch.scores, isCandidate = scratch.isCandidate
        var best: [(score: Double, article: Int)] = []
        best.reserveCapacity(count + 1)
        for candidate in scratch.candidates[..<scratch.candidateCount] {
            let other = Int(candidate)
            let similarity = scores[other]
            scores[other] = 0
            isCandidate[other] = false
            // Tag similarity is at most 1: a candidate that could not beat the last kept one
            // even with every tag shared is settled without looking at its tags.
            if best.count == count, RelatedArticles.textWeight * similarity + RelatedArticles.tagWeight < best[count - 1].score {
                continue
            }
            guard excluded.isEmpty || !excluded.contains(other) else { continue }
            let tagSimilarity = tagSimilarity(to: other, ownTags: ownTags, isOwnTag: scratch.isOwnTag)
            let score = RelatedArticles.textWeight * similarity + RelatedArticles.tagWeight * tagSimilarity
            guard score > 0 else { continue }
            // Keep the best `count` in order: insertion into a short sorted list.
            let entry = (score, other)
            if best.count == count, !isBetter(entry, than: best[count - 1]) { continue }
            let position = best.firstIndex { isBetter(entry, than: $0) } ?? best.count
            best.insert(entry, at: position)
            if best.count > count { best.removeLast() }
        }
        for tag in tags.tags[ownTagRange] { scratch.isOwnTag[Int(tag)] = false }
        scratch.candidateCount = 0
        return best.map(\.article)
    }
}

private extension SimilarityScorer {
    /// Collects the candidates in `scratch.candidates` with their text similarity in
    /// `scratch.scores`: every article sharing an indexed word, then every article sharing a
    /// tag small enough to nominate. Candidate order does not matter: `isBetter` is a total order.
    func nominate(for article: Int, _ scratch: Scratch) {
        let scores = scratch.scores, isCandidate = scratch.isCandidate, candidates = scratch.candidates
        var candidateCount = scratch.candidateCount
        for entry in vectors.range(of: article) {
            let weight = vectors.weights[entry]
            for posting in index.postings(of: vectors.words[entry]) {
                let other = Int(index.articles[posting])
                guard other != article else { continue }
                if !isCandidate[other] {
                    isCandidate[other] = true
                    candidates[candidateCount] = Int32(other)
                    candidateCount += 1
                }
                scores[other] += weight * index.weights[posting]
            }
        }
        for tag in tags.tags[tags.tags(of: article)] {
            let members = tags.members(of: tag)
            guard members.count <= RelatedArticles.tagNominationLimit else { continue }
            for member in tags.members[members] where Int(member) != article && !isCandidate[Int(member)] {
                isCandidate[Int(member)] = true
                candidates[candidateCount] = member
                candidateCount += 1
            }
        }
        scratch.candidateCount = candidateCount
    }

    /// Cosine of the two tag sets: shared tags over the geometric mean of their sizes.
    func tagSimilarity(to other: Int, ownTags: (mask: UInt64, count: Int), isOwnTag: UnsafeMutableBufferPointer<Bool>) -> Double {
        let otherMask = tags.masks[other]
        guard ownTags.mask & otherMask != 0 else { return 0 }
        let shared: Int, otherCount: Int
        if tags.masksAreExact {
            shared = (ownTags.mask & otherMask).nonzeroBitCount
            otherCount = otherMask.nonzeroBitCount
        } else {
            let otherTags = tags.tags(of: other)
            shared = otherTags.count { isOwnTag[Int(tags.tags[$0])] }
            otherCount = otherTags.count
        }
        guard shared > 0 else { return 0 }
        let limit = Self.tagCosineLimit
        guard ownTags.count <= limit, otherCount <= limit else {
            return Self.tagCosine(shared: shared, own: ownTags.count, other: otherCount)
        }
        return tagCosines[(shared * (limit + 1) + ownTags.count) * (limit + 1) + otherCount]
    }

    static func tagCosine(shared: Int, own: Int, other: Int) -> Double {
        Double(shared) / sqrt(Double(own * other))
    }

    /// Higher score first; ties to the smaller slug, then terms before posts.
    func isBetter(_ lhs: (score: Double, article: Int), than rhs: (score: Double, article: Int)) -> Bool {
        if lhs.score != rhs.score { return lhs.score > rhs.score }
        let l = slugRanks[lhs.article], r = slugRanks[rhs.article]
        return l != r ? l < r : lhs.article < rhs.article
    }
}
