/// Makes `id` attributes for headings, unique within one page.
///
/// Ids follow GitHub's style, which readers already link to by hand: lowercase, letters and
/// digits of any script kept, spaces become hyphens, other punctuation dropped. A repeated
/// heading gets `-1`, `-2` … so every anchor on the page is distinct.
struct HeadingAnchor {
    private var used: [String: Int] = [:]

    init(reserved: [String] = []) {
        for id in reserved { used[id] = 0 }
    }

    mutating func makeID(for text: String) -> String {
        var base = Self.anchorText(text)
        if base.isEmpty { base = "section" }
        var candidate = base
        while let count = used[candidate] {
            used[candidate] = count + 1
            candidate = "\(base)-\(count + 1)"
        }
        used[candidate] = 0
        return candidate
    }

    static func anchorText(_ text: String) -> String {
        var id = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber || character == "_" || character == "-" {
                id.append(character)
            } else if character.isWhitespace {
                id.append("-")
            }
        }
        return id
    }
}
