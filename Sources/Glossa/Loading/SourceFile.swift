/// A content file found on disk, before it is read.
public struct SourceFile: Sendable, Hashable {
    public var kind: ArticleKind
    /// The path shown in diagnostics: relative to the site folder, like `Content/glossary/api.md`.
    public var displayPath: String
    /// The absolute path to read from.
    public var absolutePath: String
    /// The slug the file name gives (`api` for `api.md` and for `api/index.md`).
    public var fileSlug: String
    /// Files beside a bundle's `index.md` (images, downloads), copied next to the page;
    /// `outputPath` is relative to the page's own folder.
    public var bundleFiles: [StaticFile]

    public init(kind: ArticleKind, displayPath: String, absolutePath: String, fileSlug: String, bundleFiles: [StaticFile] = []) {
        self.kind = kind
        self.displayPath = displayPath
        self.absolutePath = absolutePath
        self.fileSlug = fileSlug
        self.bundleFiles = bundleFiles
    }
}

/// A file copied to the output unchanged (from `Content/static/` or a bundle).
public struct StaticFile: Sendable, Hashable {
    public var absolutePath: String
    /// Where it goes, relative to the output folder, with `/` separators.
    public var outputPath: String
}
