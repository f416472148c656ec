/// Every term's title and synonyms, ready to be found in prose: the input to cross-linking.
///
/// Built once per build from the assembled site, before any body is rendered, and shared by
/// every rendering task. Titles are entered before synonyms, so a synonym that is another
/// term's title links to that term; a synonym two terms share is ambiguous, so it is reported
/// and not linked at all rather than linked to whichever term sorts first.
///
/// A final class of constants rather than a struct: the linker asks it about every paragraph
/// of every page, and a struct of arrays is retained array by array each time it is used.
/// Nothing in it changes after `init`, so one instance is shared by all tasks as it is.
final class CrossLinkDictionary: Sendable {
    public struct Entry: Sendable {
        public var url: String
    }

    /// One entry per term, indexed like `site.terms`.
    public let entries: [Entry]
    /// The opening tag of every cross-link to each term (its URL and description, escaped).
    public let anchors: TermLinkAnchors
    public let matcher: TermMatcher

    public init(site: Site, log: inout DiagnosticLog) {
        // Terms are read by index, never copied whole: a copy retains some 30 fields.
        let terms = site.terms
        let urls = terms.indices.map { site.permalinks.article(.term, terms[$0].slug, language: terms[$0].language) }
        entries = urls.map(Entry.init(url:))
        anchors = TermLinkAnchors(terms.indices.map { (urls[$0], terms[$0].description) })
        var owners: [[UInt32]: (term: Int, isTitle: Bool)] = [:]
        var ambiguous: Set<[UInt32]> = []
        for index in terms.indices {
            let key = TermMatcher.normalized(terms[index].title)
            if let owner = owners[key] {
                log.warning("term '\(terms[index].title)' has the same title as \(terms[owner.term].source.displayPath); mentions link to that term",
                            at: SourceLocation(file: terms[index].source.displayPath))
            } else {
                owners[key] = (index, true)
            }
        }
        let synonymKeys = terms.indices.map { terms[$0].synonyms.map { TermMatcher.normalized($0) } }
        for index in terms.indices {
            for (synonym, key) in zip(terms[index].synonyms, synonymKeys[index]) {
                guard let owner = owners[key] else {
                    owners[key] = (index, false)
                    continue
                }
                guard owner.term != index else { continue }
                let other = terms[owner.term]
                if owner.isTitle {
                    log.warning("synonym '\(synonym)' is the title of another term, \(other.source.displayPath); mentions link to that term",
                                at: SourceLocation(file: terms[index].source.displayPath))
                } else {
                    log.warning("synonym '\(synonym)' is also a synonym of '\(other.title)' (\(other.source.displayPath)); mentions of it are not cross-linked",
                                at: SourceLocation(file: terms[index].source.displayPath))
                    ambiguous.insert(key)
                }
            }
        }
        var phrases: [(phrase: String, target: Int)] = terms.indices.map { (terms[$0].title, $0) }
        for index in terms.indices {
            for (synonym, key) in zip(terms[index].synonyms, synonymKeys[index]) where !ambiguous.contains(key) {
                phrases.append((synonym, index))
            }
        }
        matcher = TermMatcher(phrases)
    }
}
