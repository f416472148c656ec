import Testing
@testable import Glossa

/// Generated contexts follow dotted names through their stored fields (`templateLookup`); the
/// answer must be the one field-by-field lookup gives, including where a nil field sends the
/// lookup on down the context stack.
@Suite struct TemplateLookupTests {
    /// The lookup as the engine did it before: the first part with `templateField`, then each
    /// further part inside the value found.
    static func reference(_ object: some TemplateObject, _ path: [String]) -> TemplateLookup {
        guard let first = path.first, let value = object.templateField(first) else { return .notHere }
        return .found(value.descending(into: path.dropFirst()))
    }

    static func describe(_ lookup: TemplateLookup) -> String {
        switch lookup {
        case .notHere: "not here"
        case .found(nil): "found nothing"
        case .found(let value?): describe(value)
        }
    }

    static func describe(_ value: TemplateValue) -> String {
        switch value {
        case .bool(let flag): "bool \(flag)"
        case .text(let text): "text \(text)"
        case .list(let list): "list of \(list.templateCount)"
        case .object(let object): "object with title \(object.templateField("title").map(describe) ?? "-")"
        }
    }

    static let names = ["title", "url", "children", "hasChildren", "isActive", "tags", "name", "count", "date", "pages",
                        "previousURL", "number", "missing", "author", "bio", "avatar"]

    static func expectSameLookups(_ object: some TemplateObject, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        var paths: [[String]] = names.map { [$0] }
        paths += paths.flatMap { path in names.map { path + [$0] } }
        paths += paths.filter { $0.count == 2 }.prefix(60).flatMap { path in names.map { path + [$0] } }
        for path in paths {
            #expect(describe(object.templateLookup(path[...])) == describe(reference(object, path)), "\(path)", sourceLocation: sourceLocation)
        }
    }

    @Test func menuItemsWithAndWithoutURLs() {
        let leaf = MenuContext(title: "Leaf", url: nil, children: [], hasChildren: false, isActive: false)
        let menu = MenuContext(title: "Top", url: "/top/", children: [leaf], hasChildren: true, isActive: true)
        Self.expectSameLookups(menu)
        Self.expectSameLookups(leaf)
        #expect(Self.describe(leaf.templateLookup(["url"])) == "not here", "a nil field lets the stack be searched further")
    }

    @Test func summariesPaginationAndAuthors() {
        let tag = TagLink(name: "Data", url: "/tags/data/", count: 2)
        Self.expectSameLookups(ArticleSummary(title: "A", url: "/a/", description: "d", kind: "term", date: nil, dateISO: nil,
                                              readingMinutes: 3, tags: [tag]))
        Self.expectSameLookups(Pagination(current: 1, total: 2, previousURL: nil, nextURL: "/blog/page/2/",
                                          pages: [PageLink(number: 1, url: "/blog/", isCurrent: true)], isPaginated: true))
        Self.expectSameLookups(AuthorContext(id: "a", name: "Ann", bio: "", url: nil, avatar: "/a.png"))
    }

    @Test func dottedNamesSkipANilFieldAndStopAtAFoundOne() throws {
        let leaf = MenuContext(title: "Leaf", url: nil, children: [], hasChildren: false, isActive: false)
        let menu = MenuContext(title: "Top", url: "/top/", children: [leaf], hasChildren: true, isActive: true)
        var rendering = TemplateRendering(templates: [:])
        let template = try MustacheParser.parse("{{#children}}[{{url}}|{{title}}|{{children.title}}]{{/children}}")
        rendering.render(template, root: .object(menu))
        #expect(String(decoding: rendering.output, as: UTF8.self) == "[/top/|Leaf|]")
    }
}
