/// How text similarity reads words: runs of letters and digits, lowercased (ASCII) and hashed
/// rather than stored, so counting a whole site allocates no strings. Non-ASCII letters are
/// compared as written.
enum WordHashing {
    /// Calls `body` with the hash of each word of two or more bytes in `bytes` (UTF-8).
    @inline(__always)
    static func forEachWord(in bytes: UnsafeBufferPointer<UInt8>, _ body: (UInt64) -> Void) {
        var hash = offsetBasis
        var length = 0
        var index = 0
        // Held in a local: a lazy global is checked on every access, and this loop runs for
        // every byte of every page.
        let wordBytes = Self.wordBytes
        while index < bytes.count {
            let byte = bytes[index]
            var folded = wordBytes[Int(byte)]
            // U+2000–U+206F (dashes, curly quotes, ellipsis from smart punctuation) separate words.
            if byte == 0xE2 {
                if index + 1 < bytes.count, bytes[index + 1] == 0x80 || bytes[index + 1] == 0x81 {
                    if length >= 2 { body(hash) }
                    hash = offsetBasis
                    length = 0
                    index += 3
                    continue
                }
                folded = byte
            }
            if folded == 0 {
                if length >= 2 { body(hash) }
                hash = offsetBasis
                length = 0
            } else {
                hash = (hash ^ UInt64(folded)) &* prime
                length += 1
            }
            index += 1
        }
        if length >= 2 { body(hash) }
    }

    /// The hash `forEachWord` gives `word`, which must be one lowercased word.
    static func hash(_ word: String) -> UInt64 {
        var hash = offsetBasis
        for byte in word.utf8 { hash = (hash ^ UInt64(byte)) &* prime }
        return hash
    }

    /// Each byte lowercased if it belongs to a word (ASCII letters and digits, and every byte
    /// of a non-ASCII character), 0 if it separates words: one load per byte instead of a
    /// chain of comparisons. 0xE2 is 0 here because it may begin a separator; `forEachWord` decides.
    private static let wordBytes: [UInt8] = (0...255).map { byte in
        switch UInt8(byte) {
        case 0x41...0x5A: UInt8(byte) + 0x20
        case 0x61...0x7A, 0x30...0x39: UInt8(byte)
        case 0xE2: 0
        case 0x80...: UInt8(byte)
        default: 0
        }
    }

    private static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let prime: UInt64 = 0x0000_0100_0000_01b3
}
