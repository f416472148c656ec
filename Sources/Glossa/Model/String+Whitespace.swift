import Foundation

extension StringProtocol {
    /// `trimmingCharacters(in: .whitespaces)` that costs nothing when the text starts and ends
    /// with a visible ASCII character, as nearly every tag, date and link does: Foundation's
    /// version bridges to `NSString` every time. Anything else still goes to Foundation, whose
    /// idea of whitespace (it includes U+200B on Linux) is the one that counts.
    func trimmingWhitespace() -> String {
        startsAndEndsVisibly ? String(self) : trimmingCharacters(in: .whitespaces)
    }

    /// `trimmingCharacters(in: .whitespacesAndNewlines)`, with the same shortcut: headings and
    /// paragraphs rarely start or end with a space.
    func trimmingWhitespaceAndNewlines() -> String {
        startsAndEndsVisibly ? String(self) : trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private var startsAndEndsVisibly: Bool {
        guard let first = utf8.first, let last = unicodeScalars.last, last.isASCII else { return false }
        return (0x21...0x7E).contains(first) && (0x21...0x7E).contains(last.value)
    }
}
