import Testing
@testable import Glossa

@Suite struct HeadingAnchorTests {
    @Test func asciiShortcutAgreesWithTheCharacterRules() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("aZ09 _-\t\r\n\u{0B}\u{0C}.,:;!?()[]{}'\"`~@#$%^&*+=/\\|<>".unicodeScalars)
        for _ in 0..<2_000 {
            let length = Int.random(in: 0...24, using: &generator)
            let text = String(String.UnicodeScalarView((0..<length).map { _ in alphabet.randomElement(using: &generator)! }))
            #expect(HeadingAnchor.anchorTextFromASCII(text) == HeadingAnchor.anchorTextFromCharacters(text), "\(text.debugDescription)")
        }
        for byte in UInt8(0)..<0x80 {
            let text = "A" + String(UnicodeScalar(byte)) + "b\r\nc"
            #expect(HeadingAnchor.anchorTextFromASCII(text) == HeadingAnchor.anchorTextFromCharacters(text), "\(text.debugDescription)")
        }
    }

    @Test func idsFollowGitHubStyle() {
        var anchors = HeadingAnchor()
        #expect(anchors.makeID(for: "Why Caching Matters (2024)") == "why-caching-matters-2024")
        #expect(anchors.makeID(for: "Why caching matters 2024") == "why-caching-matters-2024-1")
        #expect(anchors.makeID(for: "Café Öffnung") == "café-öffnung")
        #expect(anchors.makeID(for: "!!!") == "section")
    }
}
