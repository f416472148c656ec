import Foundation
import Testing
@testable import Glossa

/// Files nobody would write on purpose end in one clear diagnostic or a correct page, in bounded
/// time: the suite's time limit is the bound (a hang in cmark, the matcher or the templates
/// would trip it rather than stall CI).
@Suite(.timeLimit(.minutes(1)))
struct HostileFileTests {
    /// A megabyte of noise is one error at the first bad byte, and the rest of the site still
    /// gets checked.
    @Test func randomBytesAreOneDiagnosticAtTheFirstBadByte() async throws {
        var generator = SplitMix64(seed: 11)
        let noise = (0..<1_000_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let site = try TemporarySite(files: ["Content/glossary/api.md": termFile(title: "API", extra: "related: [missing]\n")])
        try site.write(Data(noise), to: "Content/glossary/noise.md")
        let diagnostics = await site.buildErrors()
        let fromNoise = diagnostics.filter { $0.location?.file == "Content/glossary/noise.md" }
        #expect(fromNoise.count == 1, "\(fromNoise)")
        #expect(fromNoise.first?.message.hasPrefix("file is not valid UTF-8 text") == true)
        let location = try #require(fromNoise.first?.location)
        let prefix = noise.prefix { $0 < 0x80 }
        #expect(location.line == prefix.count { $0 == 0x0A } + 1, "the line of the first invalid byte")
        #expect(diagnostics.contains { $0.message.hasPrefix("related 'missing'") }, "other files are still checked")
    }

    /// Random scalars (controls, combining marks, right-to-left, private use; no NUL) are valid
    /// UTF-8, so they make a page, and it is a whole one.
    @Test func randomTextMakesACompletePage() async throws {
        var generator = SplitMix64(seed: 12)
        var text = ""
        while text.utf8.count < 1_000_000 {
            let value = UInt32.random(in: 1...0x10FFFF, using: &generator)
            if let scalar = Unicode.Scalar(value) { text.unicodeScalars.append(scalar) }
            if value % 7 == 0 { text += ["\n", " ", "*", "[", "]", "(", ")", "|", "-", "#", "`", "<", ">", "&"][Int(value / 7 % 14)] }
        }
        let site = try TemporarySite(files: ["Content/glossary/api.md": termFile(title: "API"), "Content/glossary/text.md": text])
        try await site.build()
        let page = try site.read("Output/glossary/text/index.html")
        #expect(page.hasSuffix("</html>\n"))
    }

    /// One word a megabyte long: no space for the matcher, the word counter or cmark to rest on.
    @Test func oneMegabyteWord() async throws {
        let site = try TemporarySite(files: ["Content/glossary/word.md": termFile(title: "Word", body: String(repeating: "x", count: 1_000_000))])
        try await site.build()
        #expect(try site.read("Output/glossary/word/index.html").count > 1_000_000)
    }
}
