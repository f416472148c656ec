extension Article {
    /// When the article last changed, as far as its author said: `updated`, else `date`.
    /// Feeds, the sitemap and structured data all use this one rule.
    public var lastModified: ContentDate? { updated ?? date }
}
