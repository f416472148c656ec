import Foundation

extension StringProtocol {
    /// `trimmingCharacters(in: .whitespaces)` — spaces, tabs and the other Unicode space
    /// separators — that costs nothing when there is nothing to trim, as for nearly every tag,
    /// date and link: Foundation's version bridges to `NSString` every time.
    func trimmingWhitespace() -> String {
        guard let first = unicodeScalars.first, let last = unicodeScalars.last else { return "" }
        guard first.isHorizontalSpace || last.isHorizontalSpace else { return String(self) }
        return trimmingCharacters(in: .whitespaces)
    }
}

extension Unicode.Scalar {
    /// What `CharacterSet.whitespaces` holds: the tab and Unicode's space separators (Zs).
    var isHorizontalSpace: Bool {
        self == " " || self == "\t" || (value >= 0x80 && properties.generalCategory == .spaceSeparator)
    }
}
