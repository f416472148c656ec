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

    /// The ASCII shortcuts must give exactly what the general, `Character`-based paths give.
    @Test func asciiPathsAgreeWithTheGeneralOnes() {
        let alphabet = Array("aZ09 .+#&@'-_/\\%?!\t(),:".utf8)
        var state: UInt64 = 0x51A6
        for _ in 0..<5_000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let length = Int(state >> 60)
            var bytes: [UInt8] = []
            for _ in 0..<length {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                bytes.append(alphabet[Int(state >> 33) % alphabet.count])
            }
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(Slug.makeFromASCII(text) == Slug.makeFromCharacters(text), "\(text.debugDescription)")
            let general = !text.isEmpty && text.count <= 200 && !text.hasPrefix(".") && !text.contains("/") && !text.contains("\\")
                && !text.unicodeScalars.contains { $0.properties.generalCategory == .control || " %?#".unicodeScalars.contains($0) }
            #expect((Slug(validating: text) != nil) == general, "\(text.debugDescription)")
        }
        #expect(Slug(validating: String(repeating: "a", count: 200)) != nil)
        #expect(Slug(validating: String(repeating: "a", count: 201)) == nil)
    }
}
