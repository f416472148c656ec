/// A writer named in `site.yml`'s `authors:` map and referred to by id from front matter.
public struct Author: Sendable, Hashable {
    public var id: String
    public var name: String
    public var bio: String
    public var url: String?
    public var avatar: String?

    public init(id: String, name: String, bio: String = "", url: String? = nil, avatar: String? = nil) {
        self.id = id
        self.name = name
        self.bio = bio
        self.url = url
        self.avatar = avatar
    }
}
