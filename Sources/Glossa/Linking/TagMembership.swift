/// Which tags each article carries and which articles each tag has, as small integers in flat
/// arrays: the tag half of "related articles".
///
/// Scoring asks for the tags of about a thousand candidates per article; reading them from
/// one shared array, rather than an array per article, costs no reference counting, which
/// two cores contend for.
struct TagMembership: Sendable {
    /// Article `i`'s tags (indices into `site.tags`, ascending, no repeats) are
    /// `tags[tagStarts[i]..<tagStarts[i + 1]]`.
    private(set) var tags: [Int32] = []
    private(set) var tagStarts: [Int] = [0]
    /// Article `i`'s tags as bits, tag `t` as bit `t % 64`: two articles with no bit in common
    /// share no tag, which settles most pairs with one load. On a site with at most 64 tags the
    /// bits are the tags themselves (`masksAreExact`), so they also count shared tags.
    private(set) var masks: [UInt64] = []
    let masksAreExact: Bool
    /// Tag `t`'s articles (ascending) are `members[memberStarts[t]..<memberStarts[t + 1]]`.
    private(set) var members: [Int32] = []
    private(set) var memberStarts: [Int] = [0]

    var tagCount: Int { memberStarts.count - 1 }

    func tags(of article: Int) -> Range<Int> { tagStarts[article]..<tagStarts[article + 1] }
    func members(of tag: Int32) -> Range<Int> { memberStarts[Int(tag)]..<memberStarts[Int(tag) + 1] }

    /// - Parameter articles: the scored articles, in scoring order.
    init(site: Site, articles: [Site.ArticleRef]) {
        var tagIndex: [Slug: Int32] = [:]
        for (index, group) in site.tags.enumerated() { tagIndex[group.tag.slug] = Int32(index) }
        var byTag = [[Int32]](repeating: [], count: site.tags.count)
        for (article, ref) in articles.enumerated() {
            var mask: UInt64 = 0
            for tag in Set(site.articles(ref.kind)[ref.index].tags.compactMap { tagIndex[$0.slug] }).sorted() {
                tags.append(tag)
                byTag[Int(tag)].append(Int32(article))
                mask |= 1 << UInt64(tag % 64)
            }
            tagStarts.append(tags.count)
            masks.append(mask)
        }
        masksAreExact = site.tags.count <= 64
        for list in byTag {
            members += list
            memberStarts.append(members.count)
        }
    }
}
