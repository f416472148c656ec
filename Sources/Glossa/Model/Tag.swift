import Foundation

/// A topic label from front matter `tags:`, with the slug of its page under `/tags/`.
public struct Tag: Sendable, Hashable, Comparable {
    public var name: String
    public var slug: Slug

    public init?(name: String) {
        let trimmed = name.trimmingWhitespace()
        guard let slug = Slug.make(from: trimmed) else { return nil }
        self.name = trimmed
        self.slug = slug
    }

    public static func < (lhs: Tag, rhs: Tag) -> Bool { lhs.slug < rhs.slug }
}
