import Testing
@testable import Glossa

@Suite struct SlugTests {
    @Test(arguments: [
        ("Back End Developer", "back-end-developer"),
        ("C++", "c-plus-plus"),
        ("C#", "c-sharp"),
        ("C", "c"),
        (".NET", "dot-net"),
        ("Node.js", "node-js"),
        ("Café", "cafe"),
        ("数据库", "数据库"),
        ("Don't Repeat Yourself", "dont-repeat-yourself"),
        ("  REST   API!  ", "rest-api"),
        ("Straße", "strasse"),
    ])
    func makesReadableDistinctSlugs(title: String, expected: String) {
        #expect(Slug.make(from: title)?.rawValue == expected)
    }

    @Test func punctuationOnlyTitlesHaveNoSlug() {
        #expect(Slug.make(from: "!!!") == nil)
        #expect(Slug.make(from: "") == nil)
    }

    @Test(arguments: ["../../x", "a/b", ".hidden", "", "with space", "x\u{0}y", "a\\b", "q?x", "frag#x"])
    func rejectsUnsafeSlugs(text: String) {
        #expect(Slug(validating: text) == nil)
    }

    @Test func acceptsSafeSlugs() {
        #expect(Slug(validating: "api")?.rawValue == "api")
        #expect(Slug(validating: "数据库")?.rawValue == "数据库")
    }
}
