/// The three kinds of Markdown content, each with its own folder, URL prefix and template.
public enum ArticleKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// A glossary term: `Content/glossary/<slug>.md` → `/glossary/<slug>/`.
    case term
    /// A blog post: `Content/blog/<slug>.md` → `/blog/<slug>/`.
    case post
    /// A standalone page: `Content/pages/<slug>.md` → `/<slug>/`.
    case page

    /// The folder under `Content/` that holds this kind.
    public var folder: String {
        switch self {
        case .term: "glossary"
        case .post: "blog"
        case .page: "pages"
        }
    }
}
