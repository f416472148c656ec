/// What the matcher needs of a text: scalars folded and classified, and their UTF-8 offsets.
protocol MatchableText {
    var count: Int { get }
    func folded(_ index: Int) -> UInt32
    func kind(_ index: Int) -> ScalarKind
    func raw(_ index: Int) -> UInt32
    func offset(_ index: Int) -> Int
}

enum ScalarKind: UInt8 {
    case other, word, cjk

    /// Chinese and Japanese characters are their own kind: every position next to one is a word edge.
    init(_ scalar: Unicode.Scalar) {
        self = scalar.isCJK ? .cjk : WordBoundary.isWord(scalar) ? .word : .other
    }
}

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

    /// The end of the run of word scalars starting at `start`, the `LeadingWords` hash of the
    /// run folded, and whether folding changed it (only then is its hash as written needed).
    func word(from start: Int) -> (end: Int, folded: UInt64, foldingChangedIt: Bool) {
        var end = start, folded = LeadingWords.emptyHash, changed = false
        while end < count, kind(end) == .word {
            let scalar = self.folded(end)
            folded = LeadingWords.adding(scalar, to: folded)
            changed = changed || scalar != raw(end)
            end += 1
        }
        return (end, folded, changed)
    }

    /// The `LeadingWords` hash of the scalars in `range` as written.
    func writtenHash(_ range: Range<Int>) -> UInt64 {
        range.reduce(LeadingWords.emptyHash) { LeadingWords.adding(raw($1), to: $0) }
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

/// ASCII text, read straight from its UTF-8 bytes: most prose, and the fast path. Every
/// byte must be below 0x80.
struct ASCIIText: MatchableText {
    let bytes: UnsafeBufferPointer<UInt8>
    /// The tables below, held here so that the matcher's loops do not check a lazy global.
    private let kinds: UnsafePointer<ScalarKind>
    private let foldedBytes: UnsafePointer<UInt32>

    /// Kind and folded value by byte, looked up rather than computed: the matcher asks for
    /// them several times for every byte of prose. Allocated once and never freed, so that
    /// reading them needs no bounds check.
    nonisolated(unsafe) private static let kindTable: UnsafePointer<ScalarKind> = table { ScalarKind(Unicode.Scalar($0)) }
    nonisolated(unsafe) private static let foldTable: UnsafePointer<UInt32> = table { WordBoundary.fold(Unicode.Scalar($0)) }

    private static func table<Value>(_ value: (UInt8) -> Value) -> UnsafePointer<Value> {
        let table = UnsafeMutablePointer<Value>.allocate(capacity: 128)
        for byte in 0..<128 { (table + byte).initialize(to: value(UInt8(byte))) }
        return UnsafePointer(table)
    }

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        kinds = Self.kindTable
        foldedBytes = Self.foldTable
    }

    var count: Int { bytes.count }
    func folded(_ index: Int) -> UInt32 { foldedBytes[Int(bytes[index])] }
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
            kinds.append(ScalarKind(scalar))
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
