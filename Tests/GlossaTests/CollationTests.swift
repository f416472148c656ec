import Foundation
import Testing
@testable import Glossa

@Suite struct CollationTests {
    /// The ASCII shortcut must sort exactly as Foundation's folding does.
    @Test func asciiSortKeysMatchFoundationFolding() {
        var state: UInt64 = 0xC011A7E
        for _ in 0..<5_000 {
            var bytes: [UInt8] = []
            for _ in 0..<(1 + Int(state % 12)) {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                bytes.append(UInt8(truncatingIfNeeded: state >> 33) % 0x80)
            }
            let title = String(decoding: bytes, as: UTF8.self)
            #expect(Collation.sortKey(title) == title.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil),
                    "\(title.debugDescription)")
        }
    }

    @Test func foldsAccentsAndWidthOutsideASCII() {
        #expect(Collation.sortKey("Échelle") == "echelle")
        #expect(Collation.sortKey("ＡＰＩ") == "api")
        #expect(Collation.letter(for: "Échelle") == "E")
        #expect(Collation.letter(for: "  .NET") == "N")
        #expect(Collation.letter(for: "3D") == Collation.symbolBucket)
    }

    @Test func trimsOnlyWhatFoundationTrims() {
        for text in ["", " ", "a", " a ", "\ta\t", "\u{00A0}a\u{3000}", "a\n", "\u{2028}a", "\u{200B}a", "é"] {
            #expect(text.trimmingWhitespace() == text.trimmingCharacters(in: .whitespaces), "\(text.debugDescription)")
            #expect(text.trimmingWhitespaceAndNewlines() == text.trimmingCharacters(in: .whitespacesAndNewlines), "\(text.debugDescription)")
        }
    }
}
