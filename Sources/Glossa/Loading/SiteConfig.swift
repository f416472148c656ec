import Yams

/// The settings in `Content/site.yml`.
///
/// Every setting has a default except `title` and `baseURL`, so a new site needs two lines.
/// Unknown keys are kept in `params` for templates, as with front matter.
public struct SiteConfig: Sendable {
    public enum BrokenLinkPolicy: String, Sendable { case error, warn }

    public var title: String
    public var baseURL: String
    public var description: String = ""
    public var language: String = "en"
    public var dateFormat: DateFormat = DateFormat("MMMM d, yyyy")
    public var wordsPerMinute: Int = 200
    public var menu: [MenuItem] = []
    public var footer: [MenuItem] = []
    public var authors: [String: Author] = [:]
    public var brokenLinks: BrokenLinkPolicy = .error
    public var unsafeHTML = false
    public var crossLinks = true
    public var relatedCount = 5
    /// Posts per blog index page.
    public var paginate = 10
    public var params: [String: MetadataValue] = [:]
    /// `site.yml` itself, for diagnostics that point at a menu entry or setting.
    public var source: SourceText

    public init(title: String, baseURL: String, source: SourceText = SourceText(path: "Content/site.yml", text: "")) {
        self.title = title
        self.baseURL = baseURL
        self.source = source
    }

    /// Reads `site.yml`; every problem is reported, not only the first.
    public static func parse(_ source: SourceText) throws(BuildError) -> SiteConfig {
        let node: Node?
        do {
            node = try Yams.compose(yaml: source.text)
        } catch {
            throw BuildError(.yaml(error, in: source, firstLine: 1, what: "in site.yml"))
        }
        guard case .mapping(let mapping)? = node else {
            throw BuildError(.error("site.yml must be a mapping of 'setting: value' lines", at: source.location(line: 1)))
        }
        var log = DiagnosticLog()
        var config = SiteConfig(title: "", baseURL: "", source: source)
        var seen: Set<String> = []
        for (key, value) in mapping {
            guard let name = key.string else { continue }
            seen.insert(name)
            let line = key.mark?.line ?? 1
            let at = source.location(line: line, column: key.mark?.column ?? 1)
            func text() -> String? {
                guard let text = MetadataValue(yaml: value).text else {
                    log.error("'\(name)' must be a single value", at: at, sourceLine: source.line(line))
                    return nil
                }
                return text
            }
            func positiveInt() -> Int? {
                guard let number = value.int, number > 0 else {
                    log.error("'\(name)' must be a whole number above zero", at: at, sourceLine: source.line(line))
                    return nil
                }
                return number
            }
            func flag() -> Bool? {
                guard let flag = value.bool else {
                    log.error("'\(name)' must be true or false", at: at, sourceLine: source.line(line))
                    return nil
                }
                return flag
            }
            switch name {
            case "title": config.title = text() ?? ""
            case "baseURL", "baseUrl", "base_url": config.baseURL = text() ?? ""
            case "description": config.description = text() ?? ""
            case "language", "languageCode": config.language = text() ?? "en"
            case "dateFormat": config.dateFormat = DateFormat(text() ?? "MMMM d, yyyy")
            case "wordsPerMinute": config.wordsPerMinute = positiveInt() ?? 200
            case "menu": config.menu = menuItems(value, setting: name, source: source, log: &log)
            case "footer": config.footer = menuItems(value, setting: name, source: source, log: &log)
            case "authors": config.authors = authors(value, source: source, log: &log)
            case "brokenLinks":
                if let policy = text().flatMap(BrokenLinkPolicy.init(rawValue:)) {
                    config.brokenLinks = policy
                } else {
                    log.error("'brokenLinks' must be 'error' or 'warn'", at: at, sourceLine: source.line(line))
                }
            case "unsafeHTML": config.unsafeHTML = flag() ?? false
            case "crossLinks": config.crossLinks = flag() ?? true
            case "paginate": config.paginate = positiveInt() ?? 10
            case "related":
                if let count = value["count"]?.int, count >= 0 {
                    config.relatedCount = count
                } else {
                    log.error("'related' takes '{ count: N }'", at: at, sourceLine: source.line(line))
                }
            default: config.params[name] = MetadataValue(yaml: value)
            }
        }
        for required in ["title", "baseURL"] where !seen.contains(required) {
            log.error("site.yml needs a '\(required)' setting", at: source.location(line: 1))
        }
        if !config.baseURL.isEmpty, !(config.baseURL.hasPrefix("https://") || config.baseURL.hasPrefix("http://") || config.baseURL.hasPrefix("/")) {
            let line = mapping.first { $0.key.string == "baseURL" }?.key.mark?.line ?? 1
            log.error("baseURL must start with https://, http:// or /", at: source.location(line: line), sourceLine: source.line(line))
        }
        config.baseURL = normalizedBaseURL(config.baseURL)
        try log.throwIfErrors()
        return config
    }

    /// `https://example.com` and `https://example.com/` both become `https://example.com/`.
    public static func normalizedBaseURL(_ url: String) -> String {
        url.hasSuffix("/") ? url : url + "/"
    }
}

private extension SiteConfig {
    static func menuItems(_ node: Node, setting: String, source: SourceText, log: inout DiagnosticLog) -> [MenuItem] {
        guard case .sequence(let sequence) = node else {
            let line = node.mark?.line ?? 1
            log.error("'\(setting)' must be a list of { title, url } entries", at: source.location(line: line), sourceLine: source.line(line))
            return []
        }
        return sequence.compactMap { entry in
            let line = entry.mark?.line ?? 1
            guard let title = entry["title"]?.string, !title.isEmpty else {
                log.error("every '\(setting)' entry needs a 'title'", at: source.location(line: line, column: entry.mark?.column ?? 1),
                          sourceLine: source.line(line))
                return nil
            }
            let children = entry["children"].map { menuItems($0, setting: setting, source: source, log: &log) } ?? []
            let url = entry["url"]?.string
            if let url, !LinkSafety.isSafe(url) {
                log.error("'\(setting)' entry '\(title)' has an unsafe URL '\(url)'; only http(s), mailto, tel and relative URLs may be links",
                          at: source.location(line: line, column: entry.mark?.column ?? 1), sourceLine: source.line(line))
                return nil
            }
            return MenuItem(title: title, url: url, children: children, line: line)
        }
    }

    static func authors(_ node: Node, source: SourceText, log: inout DiagnosticLog) -> [String: Author] {
        guard case .mapping(let mapping) = node else {
            let line = node.mark?.line ?? 1
            log.error("'authors' must map ids to { name, bio, url }", at: source.location(line: line), sourceLine: source.line(line))
            return [:]
        }
        var authors: [String: Author] = [:]
        for (key, value) in mapping {
            guard let id = key.string else { continue }
            let line = key.mark?.line ?? 1
            guard let name = value["name"]?.string ?? value.string else {
                log.error("author '\(id)' needs a 'name'", at: source.location(line: line), sourceLine: source.line(line))
                continue
            }
            for field in ["url", "avatar"] {
                if let url = value[field]?.string, !LinkSafety.isSafe(url) {
                    log.error("author '\(id)' has an unsafe \(field) '\(url)'; only http(s), mailto, tel and relative URLs are allowed",
                              at: source.location(line: line), sourceLine: source.line(line))
                }
            }
            authors[id] = Author(id: id, name: name, bio: value["bio"]?.string ?? "",
                                 url: value["url"]?.string.flatMap { LinkSafety.isSafe($0) ? $0 : nil },
                                 avatar: value["avatar"]?.string.flatMap { LinkSafety.isSafe($0) ? $0 : nil })
        }
        return authors
    }
}
