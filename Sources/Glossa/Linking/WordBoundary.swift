/// Where a mention of a term may begin and end, and how text is folded for comparison.
///
/// A mention starts and ends at a word edge: "API" is found in "an API." and "APIs", not in
/// "RAPID". Words are letters, digits, marks and `_` of any script. Titles with punctuation
/// work because only the text *around* a mention is tested: ".NET" is found in "the .NET
/// runtime" but not in "ASP.NET", "C++" in "C++ templates". Three rules keep short titles
/// out of longer names: no mention ends right before `+` or `#` ("C" in "C++", "C#"), and a
/// dot between two words joins them ("Node" is not found in "Node.js", nor "js" in it).
/// Chinese and Japanese are written without spaces, so next to a CJK character every
/// position is a word edge.
enum WordBoundary {
    static func isWord(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (0x61...0x7A).contains(value) || (0x41...0x5A).contains(value) || (0x30...0x39).contains(value) || value == 0x5F
        }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber: return true
        default: return properties.isAlphabetic
        }
    }

    /// Lowercase, with every space as " " and curly apostrophes (from smart punctuation) as "'".
    static func fold(_ scalar: Unicode.Scalar) -> UInt32 {
        let value = scalar.value
        if value < 0x80 {
            if (0x41...0x5A).contains(value) { return value + 0x20 }
            if value == 0x09 || value == 0x0A || value == 0x0D { return 0x20 }
            return value
        }
        if value == 0x2019 || value == 0x2018 { return 0x27 }
        let properties = scalar.properties
        if properties.isWhitespace { return 0x20 }
        guard properties.changesWhenLowercased else { return value }
        let lower = properties.lowercaseMapping.unicodeScalars
        return lower.count == 1 ? lower.first!.value : value
    }
}

/// What the matcher needs of a text: scalars folded and classified, and their UTF-8 offsets.
protocol MatchableText {
    var count: Int { get }
    func folded(_ index: Int) -> UInt32
    func kind(_ index: Int) -> ScalarKind
    func raw(_ index: Int) -> UInt32
    func offset(_ index: Int) -> Int
}

enum ScalarKind: UInt8 { case other, word, cjk }

extension MatchableText {
    /// Whether a mention may start at scalar `index` (see `WordBoundary`).
    func canStart(at index: Int) -> Bool {
        guard index > 0 else { return true }
        let previous = kind(index - 1), current = kind(index)
        if previous == .other {
            // A dot between two words joins them: "js" is not a word of its own in "Node.js".
            return !(raw(index - 1) == 0x2E && index >= 2 && kind(index - 2) == .word && current == .word)
        }
        return previous == .cjk || current == .cjk
    }

    /// Whether a mention may end just before scalar `index` (see `WordBoundary`).
    func canEnd(at index: Int) -> Bool {
        guard index < count else { return true }
        let next = raw(index)
        if next == 0x2B || next == 0x23 { return false }  // "+", "#": "C" is not a word of "C++" or "C#"
        let last = kind(index - 1), following = kind(index)
        if last == .cjk || following == .cjk { return true }
        if last == .word, following == .word { return false }
        if next == 0x2E, last == .word, index + 1 < count, kind(index + 1) == .word { return false }
        return true
    }
}

/// ASCII text, read straight from its UTF-8 bytes: most prose, and the fast path.
struct ASCIIText: MatchableText {
    let bytes: UnsafeBufferPointer<UInt8>
    let kinds: [ScalarKind]

    static let kindTable: [ScalarKind] = (0..<128).map { value in
        WordBoundary.isWord(Unicode.Scalar(UInt8(value))) ? .word : .other
    }

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        kinds = Self.kindTable
    }

    var count: Int { bytes.count }
    func folded(_ index: Int) -> UInt32 { WordBoundary.fold(Unicode.Scalar(bytes[index])) }
    func kind(_ index: Int) -> ScalarKind { kinds[Int(bytes[index])] }
    func raw(_ index: Int) -> UInt32 { UInt32(bytes[index]) }
    func offset(_ index: Int) -> Int { index }
}

/// Any text, prepared in one pass: each scalar folded and classified once, with its UTF-8
/// offset, so the matcher's inner loop does no Unicode property lookups.
struct ScannedText: MatchableText {
    typealias Kind = ScalarKind

    private var foldedScalars: [UInt32] = []
    private var kinds: [Kind] = []
    /// UTF-8 offset of each scalar, and of the end.
    private var offsets: [Int] = [0]
    private var rawScalars: [UInt32] = []

    init(_ text: String) {
        let capacity = text.utf8.count
        foldedScalars.reserveCapacity(capacity)
        kinds.reserveCapacity(capacity)
        offsets.reserveCapacity(capacity + 1)
        rawScalars.reserveCapacity(capacity)
        var offset = 0
        for scalar in text.unicodeScalars {
            foldedScalars.append(WordBoundary.fold(scalar))
            kinds.append(scalar.isCJK ? .cjk : WordBoundary.isWord(scalar) ? .word : .other)
            rawScalars.append(scalar.value)
            offset += UTF8.width(scalar)
            offsets.append(offset)
        }
    }

    var count: Int { foldedScalars.count }
    func folded(_ index: Int) -> UInt32 { foldedScalars[index] }
    func kind(_ index: Int) -> ScalarKind { kinds[index] }
    func raw(_ index: Int) -> UInt32 { rawScalars[index] }
    func offset(_ index: Int) -> Int { offsets[index] }
}
