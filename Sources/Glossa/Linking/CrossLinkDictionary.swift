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

    /// Builds the dictionary on this core alone.
    public convenience init(site: Site, log: inout DiagnosticLog) {
        self.init(site: site, names: site.terms.map(Self.names), targets: Self.targets(site), log: &log)
    }

    /// Builds the dictionary on up to `jobs` cores. Every linked body waits for it, so the
    /// work that is independent from term to term (folding names, escaping descriptions) is
    /// spread over the cores; only the checks between terms and the trie are built on one.
    static func make(site: Site, jobs: Int, log: inout DiagnosticLog) async -> CrossLinkDictionary {
        async let targets = Self.targets(site)
        let names = await site.terms.parallelMap(jobs: jobs, Self.names)
        return await CrossLinkDictionary(site: site, names: names, targets: targets, log: &log)
    }

    /// A term's title and synonyms as the matcher takes them.
    private typealias Names = (title: TermMatcher.Phrase, synonyms: [TermMatcher.Phrase])

    @Sendable private static func names(_ term: Article) -> Names {
        (TermMatcher.Phrase(term.title), term.synonyms.map(TermMatcher.Phrase.init))
    }

    /// Every term's URL, and the opening tag of a link to it.
    private typealias Targets = (urls: [String], anchors: TermLinkAnchors)

    @Sendable private static func targets(_ site: Site) -> Targets {
        let terms = site.terms
        let urls = terms.indices.map { site.permalinks.article(.term, terms[$0].slug, language: terms[$0].language) }
        return (urls, TermLinkAnchors(terms.indices.map { (urls[$0], terms[$0].description) }))
    }

    /// - Parameter names: every term's title and synonyms, prepared, in term order.
    private init(site: Site, names: [Names], targets: Targets, log: inout DiagnosticLog) {
        // Terms are read by index, never copied whole: a copy retains some 30 fields.
        let terms = site.terms
        entries = targets.urls.map(Entry.init(url:))
        anchors = targets.anchors
        var owners: [[UInt32]: (term: Int, isTitle: Bool)] = [:]
        var ambiguous: Set<[UInt32]> = []
        for index in terms.indices {
            let key = names[index].title.folded
            if let owner = owners[key] {
                log.warning("term '\(terms[index].title)' has the same title as \(terms[owner.term].source.displayPath); mentions link to that term",
                            at: SourceLocation(file: terms[index].source.displayPath))
            } else {
                owners[key] = (index, true)
            }
        }
        for index in terms.indices {
            for (synonym, prepared) in zip(terms[index].synonyms, names[index].synonyms) {
                let key = prepared.folded
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
        var phrases: [(phrase: TermMatcher.Phrase, target: Int)] = terms.indices.map { (names[$0].title, $0) }
        for index in terms.indices {
            for synonym in names[index].synonyms where !ambiguous.contains(synonym.folded) {
                phrases.append((synonym, index))
            }
        }
        matcher = TermMatcher(prepared: phrases)
    }
}
