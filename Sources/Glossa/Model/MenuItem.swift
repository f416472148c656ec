/// One entry of the site's navigation or footer; entries nest for drop-down menus.
public struct MenuItem: Sendable, Hashable {
    public var title: String
    public var url: String?
    public var children: [MenuItem]
    /// Where the entry is written in `site.yml`, for link-check diagnostics.
    public var line: Int

    public init(title: String, url: String? = nil, children: [MenuItem] = [], line: Int = 1) {
        self.title = title
        self.url = url
        self.children = children
        self.line = line
    }
}
