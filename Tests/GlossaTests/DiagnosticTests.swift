import Testing
@testable import Glossa

@Suite struct DiagnosticTests {
    @Test func formatsLikeACompiler() {
        let diagnostic = Diagnostic.error("cannot read date", at: SourceLocation(file: "a.md", line: 3, column: 7), sourceLine: "date:\t2024")
        #expect(diagnostic.formatted == "a.md:3:7: error: cannot read date\ndate:    2024\n         ^")
    }

    @Test func sortsErrorsFirstThenByPosition() {
        let list = [
            Diagnostic.warning("w", at: SourceLocation(file: "a.md", line: 1)),
            Diagnostic.error("e2", at: SourceLocation(file: "b.md", line: 1)),
            Diagnostic.error("e1", at: SourceLocation(file: "a.md", line: 9)),
        ].sorted()
        #expect(list.map(\.message) == ["e1", "e2", "w"])
    }

    @Test func suggestsNearMisses() {
        #expect(Suggestion.closest(to: "databse", in: ["database", "api"]) == "database")
        #expect(Suggestion.closest(to: "zzz", in: ["database", "api"]) == nil)
    }
}
