/// The template contract: everything a template may show, one struct per page kind.
///
/// Templates see exactly the stored properties (scripts/generate-context-lookup.py writes each
/// struct's field lookup), and every value is computed ahead of time — templates contain no
/// logic beyond sections and loops.
/// Text fields are plain text and escaped by `{{name}}`; only fields named `content` or ending in
/// `HTML` hold markup and are meant for `{{{triple braces}}}`. The README lists these fields.

/// Front matter or `site.yml` fields Glossa does not know, readable as `{{page.params.name}}`.
public struct TemplateParams: Sendable, TemplateObject, TemplateValueConvertible {
    public var fields: [String: MetadataValue]

    public init(_ fields: [String: MetadataValue]) {
        self.fields = fields
    }

    public func templateField(_ key: String) -> TemplateValue? {
        fields[key]?.templateValue
    }
}

/// Shared by every page: the site's identity, navigation and theme assets.
public struct SiteContext: Sendable {
    public var title: String
    public var description: String
    public var baseURL: String
    public var language: String
    public var homeURL: String
    public var glossaryURL: String
    public var blogURL: String
    public var tagsURL: String
    /// The Atom feeds, for `<link rel="alternate">`.
    public var feedURL: String
    public var glossaryFeedURL: String
    /// What the header's search box loads.
    public var searchIndexURL: String
    public var menu: [MenuContext]
    public var footer: [MenuContext]
    /// Fingerprinted theme files by name with `.`, `/` and `-` as `_`: `{{site.assets.style_css}}`.
    public var assets: [String: String]
    /// A–Z entry points into the glossary index, for the header or home page.
    public var letters: [LetterLink]
    /// Unknown `site.yml` settings.
    public var params: TemplateParams
    /// The build year, from `SOURCE_DATE_EPOCH` when set, for copyright lines.
    public var year: String
}

public struct MenuContext: Sendable {
    public var title: String
    public var url: String?
    public var children: [MenuContext]
    public var hasChildren: Bool
    /// True when the page being rendered is this entry or below it.
    public var isActive: Bool
}

/// A class, like `ArticleSummary`: the same letters head every page, and a template loop over
/// a list of classes pushes references instead of boxing a copy of each element.
public final class LetterLink: Sendable {
    public let letter: String
    public let url: String
    public let anchor: String
    public let hasEntries: Bool

    public init(letter: String, url: String, anchor: String, hasEntries: Bool) {
        self.letter = letter
        self.url = url
        self.anchor = anchor
        self.hasEntries = hasEntries
    }
}

/// The head of every page: what goes into `<title>`, meta tags and the canonical link.
public struct PageMeta: Sendable {
    public var title: String
    /// `<title>` text: "Page · Site", or the site title alone on the home page.
    public var documentTitle: String
    public var description: String
    public var url: String
    public var canonicalURL: String
    public var kind: String
    public var ogType: String
    public var language: String
    public var breadcrumbs: [Breadcrumb]
    public var hasBreadcrumbs: Bool
    public var noindex: Bool
    public var params: TemplateParams
    /// `og:locale`: `en_US` for `language: en`, `pt_BR` for `pt-BR`.
    public var ogLocale: String
    /// RFC 3339 dates for `article:published_time` and `article:modified_time`; nil on pages that are not articles.
    public var publishedTime: String?
    public var modifiedTime: String?
    /// schema.org JSON-LD, already escaped for a `<script>` element: render with `{{{page.jsonLD}}}`. Nil when there is none.
    public var jsonLD: String?
}

public struct Breadcrumb: Sendable {
    public var title: String
    public var url: String
    public var position: Int
    public var isLast: Bool
}

/// A class for the same reason as `LetterLink`: every summary in every list carries its tags.
public final class TagLink: Sendable {
    public let name: String
    public let url: String
    public let count: Int

    public init(name: String, url: String, count: Int) {
        self.name = name
        self.url = url
        self.count = count
    }
}

public struct AuthorContext: Sendable {
    public var id: String
    public var name: String
    public var bio: String
    public var url: String?
    public var avatar: String?
}

public struct TocEntry: Sendable {
    public var text: String
    public var id: String
    public var level: Int
    public var children: [TocEntry]
}

/// An article as a list shows it: on the home page, indexes, tag pages, related lists.
///
/// A class, made once per article: one summary appears in many lists (related articles,
/// backlinks, recent posts, tag pages) on thousands of pages, and a shared reference costs one
/// retain where copying eight fields into every list and every template lookup cost dozens.
public final class ArticleSummary: Sendable {
    public let title: String
    public let url: String
    public let description: String
    public let kind: String
    public let date: String?
    public let dateISO: String?
    public let readingMinutes: Int
    public let tags: [TagLink]

    public init(title: String, url: String, description: String, kind: String, date: String?, dateISO: String?,
                readingMinutes: Int, tags: [TagLink]) {
        self.title = title
        self.url = url
        self.description = description
        self.kind = kind
        self.date = date
        self.dateISO = dateISO
        self.readingMinutes = readingMinutes
        self.tags = tags
    }
}

/// An article as its own page shows it.
public struct ArticleContext: Sendable {
    public var title: String
    public var url: String
    public var description: String
    public var kind: String
    public var date: String?
    public var dateISO: String?
    public var updated: String?
    public var updatedISO: String?
    public var readingMinutes: Int
    public var tags: [TagLink]
    public var hasTags: Bool
    public var synonyms: [String]
    public var hasSynonyms: Bool
    /// The rendered Markdown body.
    public var content: String
    public var toc: [TocEntry]
    public var hasToc: Bool
    public var author: AuthorContext?
}

/// `term.mustache`, `post.mustache` and `page.mustache`.
public struct ArticlePageContext: Sendable {
    public var site: SiteContext
    public var page: PageMeta
    public var article: ArticleContext
    public var related: [ArticleSummary]
    public var hasRelated: Bool
    public var backlinks: [ArticleSummary]
    public var hasBacklinks: Bool
    public var recentPosts: [ArticleSummary]
    public var hasRecentPosts: Bool
    public var previous: ArticleSummary?
    public var next: ArticleSummary?
}

/// `glossary.mustache`: the A–Z index.
public struct GlossaryIndexContext: Sendable {
    public var site: SiteContext
    public var page: PageMeta
    public var letters: [LetterSection]
    public var termCount: Int
}

public struct LetterSection: Sendable {
    public var letter: String
    public var anchor: String
    public var entries: [IndexEntry]
}

public struct IndexEntry: Sendable {
    public var title: String
    public var url: String
    public var description: String
    /// For a synonym: the term it stands for.
    public var isSynonym: Bool
    public var termTitle: String
}

/// `blog.mustache`: one page of the blog index.
public struct BlogIndexContext: Sendable {
    public var site: SiteContext
    public var page: PageMeta
    public var posts: [ArticleSummary]
    public var pagination: Pagination
}

public struct Pagination: Sendable {
    public var current: Int
    public var total: Int
    public var previousURL: String?
    public var nextURL: String?
    public var pages: [PageLink]
    public var isPaginated: Bool
}

public struct PageLink: Sendable {
    public var number: Int
    public var url: String
    public var isCurrent: Bool
}

/// `tags.mustache`: every tag.
public struct TagIndexContext: Sendable {
    public var site: SiteContext
    public var page: PageMeta
    public var tags: [TagLink]
}

/// `tag.mustache`: the terms and posts with one tag.
public struct TagPageContext: Sendable {
    public var site: SiteContext
    public var page: PageMeta
    public var tag: TagLink
    public var terms: [ArticleSummary]
    public var hasTerms: Bool
    public var posts: [ArticleSummary]
    public var hasPosts: Bool
}

/// `home.mustache`.
public struct HomeContext: Sendable {
    public var site: SiteContext
    public var page: PageMeta
    public var newestTerms: [ArticleSummary]
    public var recentPosts: [ArticleSummary]
    public var hasRecentPosts: Bool
    public var termCount: Int
}

/// `404.mustache`.
public struct NotFoundContext: Sendable {
    public var site: SiteContext
    public var page: PageMeta
}
