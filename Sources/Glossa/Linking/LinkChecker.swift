/// Checks that every internal link resolves: in Markdown, in `site.yml`'s menu and footer, and
/// down to the `#fragment`, which must be a heading id on the target page.
///
/// Broken links are errors, or warnings under `brokenLinks: warn` (for importing content that
/// still has dead links); each names the file, line and column and suggests the nearest URL.
/// External links are not fetched — a build must not depend on the network — only checked for
/// visible mistakes such as a missing host.
struct LinkChecker {
    let site: Site
    let resolver: LinkResolver
    let links: ResolvedLinks

    func check() -> DiagnosticLog {
        var log = DiagnosticLog()
        for kind in [ArticleKind.term, .post, .page] {
            let articles = site.articles(kind)
            for index in articles.indices {
                for (link, resolution) in zip(articles[index].body.links, links.of(Site.ArticleRef(kind: kind, index: index))) {
                    guard let problem = problem(with: link.destination, resolution) else { continue }
                    report(problem, at: SourceLocation(file: articles[index].source.displayPath, line: link.line, column: link.column), &log)
                }
            }
        }
        checkMenu(site.config.menu, &log)
        checkMenu(site.config.footer, &log)
        return log
    }
}

private extension LinkChecker {
    func report(_ message: String, at location: SourceLocation, sourceLine: String? = nil, _ log: inout DiagnosticLog) {
        log.append(Diagnostic(site.config.brokenLinks == .error ? .error : .warning, message, at: location, sourceLine: sourceLine))
    }

    /// What is wrong with a link, as the diagnostic's message; nil when it is fine.
    func problem(with destination: String, _ resolution: LinkResolver.Resolution) -> String? {
        switch resolution {
        case .external:
            return nil
        case .malformed(let reason):
            return "link to \(destination) is not a valid URL: \(reason)"
        case .broken(let attempted):
            let isSource = attempted.hasPrefix("Content/")
            let known = isSource ? resolver.sourcePaths : resolver.pageURLs
            let hint = Suggestion.closest(to: attempted, in: known).map { "; did you mean \($0)?" } ?? ""
            return "link to \(destination) does not resolve\(hint)"
        case .found(let url, let target, let fragment):
            guard let fragment, !fragment.isEmpty, case .article(let ref) = target else { return nil }
            let article = site.article(ref)
            let ids = article.body.headings.map(\.id)
            if ids.contains(fragment) || LinkResolver.templateAnchors.contains(fragment)
                || fragment.hasPrefix("fn-") || fragment.hasPrefix("fnref-") {
                return nil
            }
            let hint = Suggestion.closest(to: fragment, in: ids).map { "; did you mean \(url)#\($0)?" } ?? ""
            return "link to \(destination) does not resolve: \(url) has no heading with id '\(fragment)'\(hint)"
        }
    }

    func checkMenu(_ items: [MenuItem], _ log: inout DiagnosticLog) {
        let source = site.config.source
        for item in items {
            if let url = item.url {
                let resolution = resolver.resolve(url, fromURL: site.permalinks.home(), sourcePath: nil)
                if let problem = problem(with: url, resolution) {
                    let (line, column) = position(of: url, from: item.line, in: source)
                    report(problem, at: source.location(line: line, column: column), sourceLine: source.line(line), &log)
                }
            }
            checkMenu(item.children, &log)
        }
    }

    /// The menu entry's `url` value: on the entry's line or one of the next few.
    func position(of url: String, from line: Int, in source: SourceText) -> (line: Int, column: Int) {
        for candidate in line..<(line + 4) {
            guard let text = source.line(candidate) else { break }
            if let range = text.range(of: url) {
                return (candidate, text.distance(from: text.startIndex, to: range.lowerBound) + 1)
            }
        }
        return (line, 1)
    }
}
