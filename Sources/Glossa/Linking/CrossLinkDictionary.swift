/// Every term's title and synonyms, ready to be found in prose: the input to cross-linking.
///
/// Built once per build from the assembled site, before any body is rendered, and shared by
/// every rendering task. Titles are entered before synonyms, so a synonym that is another
/// term's title links to that term; a synonym two terms share is ambiguous, so it is reported
/// and not linked at all rather than linked to whichever term sorts first.
struct CrossLinkDictionary: Sendable {
    public struct Entry: Sendable {
        public var url: String
        public var description: String
    }

    /// One entry per term, indexed like `site.terms`.
    public let entries: [Entry]
    public let matcher: TermMatcher

    public init(site: Site, log: inout DiagnosticLog) {
        entries = site.terms.map { Entry(url: site.permalinks.url(of: $0), description: $0.description) }
        var owners: [[UInt32]: (term: Int, isTitle: Bool)] = [:]
        var ambiguous: Set<[UInt32]> = []
        for (index, term) in site.terms.enumerated() {
            let key = TermMatcher.normalized(term.title)
            if let owner = owners[key] {
                log.warning("term '\(term.title)' has the same title as \(site.terms[owner.term].source.displayPath); mentions link to that term",
                            at: SourceLocation(file: term.source.displayPath))
            } else {
                owners[key] = (index, true)
            }
        }
        for (index, term) in site.terms.enumerated() {
            for synonym in term.synonyms {
                let key = TermMatcher.normalized(synonym)
                guard let owner = owners[key] else {
                    owners[key] = (index, false)
                    continue
                }
                guard owner.term != index else { continue }
                let other = site.terms[owner.term]
                if owner.isTitle {
                    log.warning("synonym '\(synonym)' is the title of another term, \(other.source.displayPath); mentions link to that term",
                                at: SourceLocation(file: term.source.displayPath))
                } else {
                    log.warning("synonym '\(synonym)' is also a synonym of '\(other.title)' (\(other.source.displayPath)); mentions of it are not cross-linked",
                                at: SourceLocation(file: term.source.displayPath))
                    ambiguous.insert(key)
                }
            }
        }
        var phrases: [(phrase: String, target: Int)] = []
        for (index, term) in site.terms.enumerated() {
            phrases.append((term.title, index))
        }
        for (index, term) in site.terms.enumerated() {
            for synonym in term.synonyms where !ambiguous.contains(TermMatcher.normalized(synonym)) {
                phrases.append((synonym, index))
            }
        }
        matcher = TermMatcher(phrases)
    }
}
