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
        // Nearly every heading is ASCII, where the rules need no Unicode properties; those
        // lookups were most of what the ids of 10,000 pages cost.
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return anchorTextFromASCII(text) }
        return anchorTextFromCharacters(text)
    }

    static func anchorTextFromASCII(_ text: String) -> String {
        var id: [UInt8] = []
        id.reserveCapacity(text.utf8.count)
        var previous: UInt8 = 0
        for byte in text.utf8 {
            defer { previous = byte }
            // "\r\n" is one `Character`, so one hyphen.
            if byte == 0x0A, previous == 0x0D { continue }
            switch byte {
            case 0x41...0x5A: id.append(byte + 0x20)
            case 0x61...0x7A, 0x30...0x39, UInt8(ascii: "_"), UInt8(ascii: "-"): id.append(byte)
            case 0x09...0x0D, 0x20: id.append(UInt8(ascii: "-"))
            default: break
            }
        }
        return String(decoding: id, as: UTF8.self)
    }

    static func anchorTextFromCharacters(_ text: String) -> String {
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
