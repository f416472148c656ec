/// The second half of the cross-link fuzzer's checks: `CrossLinker` inside the real Markdown
/// renderer, on a site assembled from the fuzzer's terms.
extension CrossLinkFuzzing {
    /// The linker inside the real Markdown renderer: it may only wrap text in anchors — the page
    /// without them is exactly the page rendered without cross-links — and links each term at
    /// most once, in the order `crossLinked` reports for backlinks.
    static func checkLinker(_ terms: [FuzzTerm], markdown: String) throws(Violation) {
        let config = SiteConfig(title: "Fuzz", baseURL: "https://fuzz.example/")
        var articles = terms.enumerated().map { index, term in
            article(.term, slug: "t\(index)", title: term.title, synonyms: term.synonyms)
        }
        var page = article(.post, slug: "fuzz-page", title: "Fuzz page", synonyms: [])
        page.markdown = MarkdownSource(text: markdown[...])
        articles.append(page)
        let linker = SiteLinker(config: config, permalinks: Permalinks(baseURL: config.baseURL, defaultLanguage: config.language))
        let site = linker.assemble(articles, staticFiles: []).site
        var log = DiagnosticLog()
        let dictionary = CrossLinkDictionary(site: site, log: &log)
        let resolver = LinkResolver(site: site)
        let pageURL = site.permalinks.url(of: site.posts[0])
        func render(_ dictionary: CrossLinkDictionary?) -> (html: String, linked: [Int]) {
            var hook = CrossLinker(dictionary: dictionary, resolver: resolver, pageURL: pageURL, sourcePath: page.source.displayPath, selfTerm: nil)
            let html = MarkdownRenderer().render(markdown[...], hook: &hook).html
            return (html, hook.crossLinked)
        }
        let (linkedHTML, linked) = render(dictionary)
        let plainHTML = render(nil).html
        let (stripped, hrefs) = try withoutTermLinks(linkedHTML)
        let context = "terms \(terms) markdown \(markdown.debugDescription.prefix(2_000))"
        try require(stripped == plainHTML, "cross-links changed more than anchors: \(difference(stripped, plainHTML))\n\(linkedHTML)\n\(context)")
        try require(Set(linked).count == linked.count, "a term was linked twice: \(linked) \(context)")
        try require(hrefs == linked.map { dictionary.entries[$0].url }, "anchors \(hrefs) differ from cross-linked terms \(linked): \(context)")
    }

    /// A term or post with the given names; everything else as a minimal file would give it.
    static func article(_ kind: ArticleKind, slug: String, title: String, synonyms: [String]) -> Article {
        var article = baseArticle
        article.kind = kind
        article.slug = Slug(validating: slug)!
        article.title = title
        article.description = title
        article.synonyms = synonyms
        article.source = SourceFile(kind: kind, displayPath: "Content/\(kind.folder)/\(slug).md", absolutePath: "/dev/null", fileSlug: slug)
        return article
    }

    static let baseArticle: Article = {
        let parser = ArticleParser(config: SiteConfig(title: "Fuzz", baseURL: "https://fuzz.example/"))
        let file = SourceFile(kind: .term, displayPath: "Content/glossary/base.md", absolutePath: "/dev/null", fileSlug: "base")
        return parser.parse(SourceText(path: file.displayPath, text: "---\ntitle: Base\ndescription: Base.\ndate: 2024-01-01\n---\n"), file: file).article!
    }()

    /// `html` with every cross-link anchor taken out (its text left in place), and the anchors'
    /// URLs. Searched as bytes: a `>` followed by a combining mark is one `Character`, which a
    /// `String` search would step over.
    static func withoutTermLinks(_ html: String) throws(Violation) -> (html: String, hrefs: [String]) {
        let bytes = Array(html.utf8)
        func find(_ pattern: String, from start: Int) -> Int? {
            let pattern = Array(pattern.utf8)
            var index = start
            while index + pattern.count <= bytes.count {
                if bytes[index] == pattern[0], bytes[index..<(index + pattern.count)].elementsEqual(pattern) { return index }
                index += 1
            }
            return nil
        }
        let opening = "<a class=\"term-link\" href=\""
        var result: [UInt8] = []
        var hrefs: [String] = []
        var position = 0
        while position <= bytes.count, let start = find(opening, from: position) {
            result += bytes[position..<start]
            let hrefStart = start + opening.utf8.count
            guard let hrefEnd = find("\"", from: hrefStart), let tagEnd = find("\">", from: hrefEnd), let close = find("</a>", from: tagEnd) else {
                throw Violation(description: "unclosed cross-link anchor in \(html)")
            }
            hrefs.append(String(decoding: bytes[hrefStart..<hrefEnd], as: UTF8.self))
            result += bytes[(tagEnd + 2)..<close]
            position = close + 4
        }
        result += bytes[min(position, bytes.count)...]
        return (String(decoding: result, as: UTF8.self), hrefs)
    }

    /// Where two texts first differ, as escaped snippets, for a readable violation.
    static func difference(_ found: String, _ expected: String) -> String {
        let common = zip(found.unicodeScalars, expected.unicodeScalars).prefix { $0 == $1 }.count
        func around(_ text: String) -> String {
            String(String.UnicodeScalarView(text.unicodeScalars.dropFirst(max(0, common - 20)).prefix(60))).debugDescription
        }
        return "from scalar \(common): \(around(found)) instead of \(around(expected))"
    }
}
