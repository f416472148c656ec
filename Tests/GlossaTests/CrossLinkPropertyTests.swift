import Foundation
import Testing
@_spi(Fuzzing) @testable import Glossa

/// The checks the `FuzzCrossLinks` fuzzer runs, on its seeds and on a few thousand made-up
/// inputs, so `swift test` keeps the trie and the reference matcher in agreement between fuzz runs.
@Suite("Cross-link properties")
struct CrossLinkPropertyTests {
    static let seeds = TestPaths.repository.appendingPathComponent("Fuzz/corpus/crosslinks")

    @Test func fuzzSeedsHoldEveryPromise() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.seeds.path).sorted()
        #expect(names.count >= 5)
        for name in names {
            let bytes = try [UInt8](Data(contentsOf: Self.seeds.appendingPathComponent(name)))
            #expect(throws: Never.self, "seed \(name)") { try CrossLinkFuzzing.check(bytes) }
        }
    }

    /// Inputs built from pieces that meet at every rule's edge: plurals, case, punctuation
    /// around words, CJK, folding, apostrophes, line breaks, Markdown syntax, and characters
    /// HTML escapes.
    @Test func madeUpInputsHoldEveryPromise() {
        let pieces = ["a", "b", "A", "B", "ab", "AB", "s", "es", "S", "ch", "x", " ", "  ", "\n", "|", "|", "\n", "\0",
                      ".", "+", "#", "_", "-", "'", "’", "é", "É", "数", "据", "İ", "ß", "ǅ", "\u{301}", "*", "`", "[", "](a.md)", "> ", "# ",
                      "&", "<", "\""]
        var generator = SplitMix64(seed: 7)
        for _ in 0..<3_000 {
            let count = Int.random(in: 1...40, using: &generator)
            let input = (0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined()
            do {
                try CrossLinkFuzzing.check(Array(input.utf8))
            } catch {
                Issue.record("\(error)")
                return
            }
        }
    }
}

/// A small seeded generator, so a failing made-up input is the same on every run.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
