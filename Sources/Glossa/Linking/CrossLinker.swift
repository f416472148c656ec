/// Links one page's first mention of each other term to that term: the page's `MarkdownLinkHook`.
///
/// A fresh value serves each page and remembers which terms the page already links to, so a
/// term is linked once per page however often it is mentioned — and not at all when the author
/// already linked it by hand anywhere on the page, or when the page is the term itself. It also
/// rewrites links to Markdown sources (`sql.md`) to the page URLs they become.
struct CrossLinker: MarkdownLinkHook {
    /// nil when cross-links are off for this page (`crossLinks: false`).
    let dictionary: CrossLinkDictionary?
    let resolver: LinkResolver
    let pageURL: String
    let sourcePath: String
    /// Terms this page links to, by index in `site.terms`; starts with the page's own term.
    private var linked: Set<Int>
    /// The terms cross-linked on this page, in document order, for backlinks.
    public private(set) var crossLinked: [Int] = []

    public init(dictionary: CrossLinkDictionary?, resolver: LinkResolver, pageURL: String, sourcePath: String, selfTerm: Int?) {
        self.dictionary = dictionary
        self.resolver = resolver
        self.pageURL = pageURL
        self.sourcePath = sourcePath
        linked = selfTerm.map { [$0] } ?? []
    }

    public mutating func destination(for written: String) -> String? {
        guard case let .found(url, target, fragment) = resolver.resolve(written, fromURL: pageURL, sourcePath: sourcePath) else { return nil }
        if case .article(let ref) = target, ref.kind == .term { linked.insert(ref.index) }
        let path = written.prefix { $0 != "#" && $0 != "?" }.lowercased()
        guard path.hasSuffix(".md") || path.hasSuffix(".markdown") else { return nil }
        return url + (fragment.map { "#" + $0 } ?? "")
    }

    public var addsLinks: Bool { dictionary != nil }

    public var anchors: TermLinkAnchors { dictionary?.anchors ?? .none }

    public mutating func links(in text: [UInt8]) -> [InlineLink] {
        guard let dictionary else { return [] }
        var links: [InlineLink] = []
        for match in dictionary.matcher.matches(in: text) where linked.insert(match.target).inserted {
            links.append(InlineLink(range: match.range, term: match.target))
            crossLinked.append(match.target)
        }
        return links
    }
}
