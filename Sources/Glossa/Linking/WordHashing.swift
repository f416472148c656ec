/// How text similarity reads words: runs of letters and digits, lowercased (ASCII) and hashed
/// rather than stored, so counting a whole site allocates no strings. Non-ASCII letters are
/// compared as written.
enum WordHashing {
    /// Calls `body` with the hash of each word of two or more bytes in `bytes` (UTF-8).
    ///
    /// This reads every byte of every body, so it is written as two tight loops over raw
    /// pointers, one over the bytes between words and one over a word's bytes, with the byte
    /// table read through a pointer: no bounds or overflow checks, and a branch that mispredicts
    /// only where a word starts or ends.
    @inline(__always)
    static func forEachWord(in bytes: UnsafeBufferPointer<UInt8>, _ body: (UInt64) -> Void) {
        guard var byte = bytes.baseAddress else { return }
        let end = byte + bytes.count
        let table = wordBytes
        while byte < end {
            // Between words.
            var folded = table[Int(byte.pointee)]
            if folded == 0 {
                if byte.pointee == 0xE2, !isSeparator(byte, end) {
                    folded = 0xE2
                } else {
                    byte += byte.pointee == 0xE2 ? 3 : 1
                    continue
                }
            }
            // In a word, from its first byte.
            var hash = (offsetBasis ^ UInt64(folded)) &* prime
            var length = 1
            byte += 1
            while byte < end {
                folded = table[Int(byte.pointee)]
                if folded == 0 {
                    guard byte.pointee == 0xE2, !isSeparator(byte, end) else { break }
                    folded = 0xE2
                }
                hash = (hash ^ UInt64(folded)) &* prime
                length &+= 1
                byte += 1
            }
            if length >= 2 { body(hash) }
        }
    }

    /// Whether the 0xE2 at `byte` begins a character of U+2000–U+207F (dashes, curly quotes,
    /// the ellipsis of smart punctuation, super- and subscripts), which separates words; any
    /// other character it begins is part of a word.
    @inline(__always)
    private static func isSeparator(_ byte: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) -> Bool {
        byte + 1 < end && (byte[1] == 0x80 || byte[1] == 0x81)
    }

    /// The hash `forEachWord` gives `word`, which must be one lowercased word.
    static func hash(_ word: String) -> UInt64 {
        var hash = offsetBasis
        for byte in word.utf8 { hash = (hash ^ UInt64(byte)) &* prime }
        return hash
    }

    /// Each byte lowercased if it belongs to a word (ASCII letters and digits, and every byte
    /// of a non-ASCII character), 0 if it separates words: one load per byte instead of a
    /// chain of comparisons. 0xE2 is 0 here because it may begin a separator; `forEachWord`
    /// decides. Allocated once and never freed, so the loop reads it without bounds checks.
    nonisolated(unsafe) private static let wordBytes: UnsafePointer<UInt8> = {
        let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        for byte in 0...255 {
            table[byte] = switch UInt8(byte) {
            case 0x41...0x5A: UInt8(byte) + 0x20
            case 0x61...0x7A, 0x30...0x39: UInt8(byte)
            case 0xE2: 0
            case 0x80...: UInt8(byte)
            default: 0
            }
        }
        return UnsafePointer(table)
    }()

    private static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let prime: UInt64 = 0x0000_0100_0000_01b3
}
