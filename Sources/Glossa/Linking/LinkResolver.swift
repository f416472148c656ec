import Foundation

/// Decides what a link destination written in Markdown or `site.yml` points at.
///
/// Authors write links several ways: root-relative URLs (`/glossary/api/`), relative ones
/// (`../api/`, `diagram.svg` beside a bundle's `index.md`), and paths to the Markdown source
/// (`api.md`, `../blog/launch.md#results`) the way GitHub and editors preview them. All of them
/// resolve here against the URLs that `Permalinks` gives the site's pages and files, so the
/// cross-linker, the `.md` rewriter, backlinks and the link checker agree on every link.
struct LinkResolver: Sendable {
    public enum Target: Sendable, Hashable {
        /// A term, post or standalone page.
        case article(Site.ArticleRef)
        /// A generated page (index, tag page, feed …) or a copied file.
        case other
    }

    public enum Resolution: Sendable, Hashable {
        /// Another site or a scheme such as `mailto:`: only its syntax is checked.
        case external
        /// A page or file of this site; `url` is what the HTML should link to.
        case found(url: String, target: Target, fragment: String?)
        /// Internal, but nothing has this URL (or source path); `attempted` is the normalised
        /// form, for "did you mean".
        case broken(attempted: String)
        /// Not a usable URL, with the reason.
        case malformed(String)
    }

    private let permalinks: Permalinks
    private var targetsByURL: [String: Target] = [:]
    private var articlesBySourcePath: [String: Site.ArticleRef] = [:]
    private var articleURLs: [Site.ArticleRef: String] = [:]
    /// Page URLs (not files), sorted, for suggestions.
    public private(set) var pageURLs: [String] = []
    /// Source paths of articles, sorted, for suggestions on `.md` links.
    public private(set) var sourcePaths: [String] = []

    public init(site: Site) {
        permalinks = site.permalinks
        let links = site.permalinks
        for kind in [ArticleKind.term, .post, .page] {
            let articles = site.articles(kind)
            for index in articles.indices {
                let ref = Site.ArticleRef(kind: kind, index: index)
                let url = links.article(kind, articles[index].slug, language: articles[index].language)
                targetsByURL[url] = .article(ref)
                articleURLs[ref] = url
                articlesBySourcePath[articles[index].source.displayPath] = ref
                for file in articles[index].source.bundleFiles { targetsByURL[url + file.outputPath] = .other }
            }
        }
        let blogPages = max(1, (site.posts.count + site.config.paginate - 1) / site.config.paginate)
        var generated = [links.home(), links.glossary(), links.tags()] + (1...blogPages).map { links.blog(page: $0) }
        generated += site.tags.map { links.tag($0.tag) }
        for url in generated { targetsByURL[url] = targetsByURL[url] ?? .other }
        pageURLs = targetsByURL.keys.filter { $0.hasSuffix("/") }.sorted()
        for name in ["404.html", "feed.xml", "sitemap.xml", "robots.txt", "search-index.json"] {
            targetsByURL[links.file(name)] = .other
        }
        for file in site.staticFiles { targetsByURL[links.file(file.outputPath)] = .other }
        sourcePaths = articlesBySourcePath.keys.sorted()
    }

    /// Resolves `destination` as written on the page at `pageURL`, whose source file is
    /// `sourcePath` (nil for `site.yml`, whose links are relative to the site root).
    public func resolve(_ destination: String, fromURL pageURL: String, sourcePath: String?) -> Resolution {
        let written = destination.trimmingWhitespace()
        var path = Substring(written)
        var fragment: String?
        if path.hasByte("#"), let hash = path.firstIndex(of: "#") {
            fragment = String(path[path.index(after: hash)...]).removingPercentEncoding ?? String(path[path.index(after: hash)...])
            path = path[..<hash]
        }
        if Self.hasScheme(path) || path.hasPrefix("//") {
            return Self.checkExternal(written).map(Resolution.malformed) ?? .external
        }
        if written.hasByte(" "), written.contains(where: { $0 == " " }) { return .malformed("spaces must be written as %20") }
        if path.hasByte("?"), let query = path.firstIndex(of: "?") { path = path[..<query] }
        let decoded = path.hasByte("%") ? String(path).removingPercentEncoding ?? String(path) : String(path)
        if decoded.isEmpty {
            return .found(url: pageURL, target: targetsByURL[pageURL] ?? .other, fragment: fragment)
        }
        if decoded.hasByte("."), let ext = decoded.split(separator: ".").last?.lowercased(), ext == "md" || ext == "markdown" {
            return resolveSource(decoded, from: sourcePath, fragment: fragment)
        }
        let base = pageURL.hasSuffix("/") ? pageURL : String(pageURL[...(pageURL.lastIndex(of: "/") ?? pageURL.startIndex)])
        let absolute = Self.normalizedPath(decoded.hasPrefix("/") ? decoded : (base.isEmpty ? "/" : base) + decoded)
        for candidate in candidates(for: absolute) {
            if let target = targetsByURL[candidate] { return .found(url: candidate, target: target, fragment: fragment) }
        }
        return .broken(attempted: absolute)
    }

    /// The ids every page template is expected to have besides heading ids: `#top` for "Back
    /// to top" and `#main` for the skip link.
    static let templateAnchors: Set<String> = ["top", "main"]
}

private extension LinkResolver {
    /// `/glossary/api` also means `/glossary/api/`, and `/glossary/api/index.html` is the same
    /// page; a site under a base path accepts links written from the domain root or from it.
    func candidates(for path: String) -> [String] {
        var roots = [path]
        let basePath = permalinks.basePath
        if basePath != "/", !path.hasPrefix(basePath) { roots.append(basePath + path.dropFirst()) }
        var candidates: [String] = []
        for root in roots {
            candidates.append(root)
            if root.hasSuffix("/index.html") { candidates.append(String(root.dropLast("index.html".count))) }
            if !root.hasSuffix("/") { candidates.append(root + "/") }
        }
        return candidates
    }

    func resolveSource(_ path: String, from sourcePath: String?, fragment: String?) -> Resolution {
        let folder = sourcePath.map { String($0[..<($0.lastIndex(of: "/") ?? $0.startIndex)]) } ?? "Content"
        let joined = Self.normalizedPath(path.hasPrefix("/") ? "/Content" + path : "/" + folder + "/" + path)
        let relative = String(joined.dropFirst())
        let withoutExtension = relative[..<(relative.lastIndex(of: ".") ?? relative.endIndex)]
        for candidate in [relative, withoutExtension + "/index.md"] {
            if let ref = articlesBySourcePath[candidate] {
                return .found(url: articleURLs[ref]!, target: .article(ref), fragment: fragment)
            }
        }
        return .broken(attempted: relative)
    }

    /// Resolves `.` and `..` segments; never climbs above the root.
    static func normalizedPath(_ path: String) -> String {
        if path.hasPrefix("/"), !hasDotOrEmptySegment(path) { return path }
        var segments: [Substring] = []
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        for (index, part) in parts.enumerated() {
            switch part {
            case ".": if index == parts.count - 1 { segments.append("") }
            case "..":
                if !segments.isEmpty { segments.removeLast() }
                if index == parts.count - 1 { segments.append("") }
            case "" where index > 0 && index < parts.count - 1: continue
            default: segments.append(part)
            }
        }
        let joined = segments.joined(separator: "/")
        return joined.hasPrefix("/") ? joined : "/" + joined
    }

    /// Whether a segment between slashes is empty, `.` or `..` (the first, before the leading
    /// slash, aside): the only paths `normalizedPath` changes. Most links have none, and this
    /// byte scan costs far less than splitting into segments.
    static func hasDotOrEmptySegment(_ path: String) -> Bool {
        let slash = UInt8(ascii: "/"), dot = UInt8(ascii: ".")
        var previous = slash, beforePrevious = slash
        for (offset, byte) in path.utf8.enumerated() where offset > 0 {
            if byte == slash, previous == slash || (previous == dot && (beforePrevious == slash || beforePrevious == dot)) { return true }
            beforePrevious = previous
            previous = byte
        }
        return previous == dot && (beforePrevious == slash || beforePrevious == dot)
    }

    static func hasScheme(_ path: Substring) -> Bool {
        guard path.hasByte(":"), let colon = path.firstIndex(of: ":"), let first = path.first, first.isASCII, first.isLetter else { return false }
        return path[..<colon].allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "." || $0 == "-") }
    }

    /// External links are not fetched; this catches what is visibly wrong.
    static func checkExternal(_ url: String) -> String? {
        if url.contains(where: { $0 == " " }) { return "spaces must be written as %20" }
        let lower = url.lowercased()
        if lower.hasPrefix("http:") || lower.hasPrefix("https:") || url.hasPrefix("//") {
            guard let slashes = url.range(of: "//") , url[..<slashes.lowerBound].allSatisfy({ $0 != "/" }) else {
                return "expected // after the scheme"
            }
            let host = url[slashes.upperBound...].prefix { $0 != "/" && $0 != "?" && $0 != "#" }
            if host.isEmpty { return "missing host name" }
            if host.hasPrefix(".") || host.hasSuffix("..") || host.contains("..") { return "malformed host name '\(host)'" }
            return nil
        }
        if lower.hasPrefix("mailto:") {
            return url.dropFirst("mailto:".count).contains("@") ? nil : "a mailto: link needs an address with @"
        }
        return nil
    }
}

private extension StringProtocol {
    /// Whether the UTF-8 holds the byte of the ASCII `character`: a quick test before a
    /// `Character` search or a Foundation call. Neither can find the character where its byte
    /// is missing, and most links have no `#`, `?`, `%`, `:` or space at all.
    func hasByte(_ character: Unicode.Scalar) -> Bool { utf8.contains(UInt8(ascii: character)) }
}
