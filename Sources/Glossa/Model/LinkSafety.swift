/// Which URL schemes may become live links in pages Glossa writes.
///
/// HTML escaping stops markup injection but not `javascript:` URLs, which run script when
/// clicked; so URLs from `site.yml` and front matter are checked here before they reach a
/// template. cmark-gfm already drops such links from Markdown in safe mode.
public enum LinkSafety {
    public static let allowedSchemes: Set<String> = ["http", "https", "mailto", "tel", "ftp", "ftps"]

    /// True for relative URLs and URLs with an allowed scheme; control characters and spaces
    /// before the scheme (which browsers ignore) do not hide a `javascript:`.
    public static func isSafe(_ url: String) -> Bool {
        let trimmed = url.unicodeScalars.drop { $0.value <= 0x20 }
        let text = String(String.UnicodeScalarView(trimmed)).lowercased()
        guard let colon = text.firstIndex(of: ":") else { return true }
        let beforeColon = text[..<colon]
        if beforeColon.contains(where: { $0 == "/" || $0 == "?" || $0 == "#" }) { return true }
        let scheme = beforeColon.filter { !$0.isWhitespace && $0.asciiValue.map { $0 >= 0x20 } ?? true }
        return allowedSchemes.contains(String(scheme))
    }
}
