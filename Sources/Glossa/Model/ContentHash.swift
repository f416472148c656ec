/// A fast, stable 64-bit FNV-1a hash: for fingerprinted asset names and change detection, not security.
public enum ContentHash {
    public static func fnv1a<Bytes: Sequence>(_ bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return hash
    }

    /// The first `length` hex digits of the hash, for names like `style.3fa9c21e0b.css`.
    public static func hex<Bytes: Sequence>(_ bytes: Bytes, length: Int = 10) -> String where Bytes.Element == UInt8 {
        let digits = String(fnv1a(bytes), radix: 16)
        return String((String(repeating: "0", count: 16 - digits.count) + digits).prefix(length))
    }
}
