import Foundation

/// A fast, stable 64-bit FNV-1a hash: for fingerprinted asset names and change detection, not security.
public enum ContentHash {
    public static func fnv1a<Bytes: Sequence>(_ bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
        var running = Running()
        running.add(bytes)
        return running.value
    }

    /// The same hash over several pieces, for fingerprints of many files.
    public struct Running: Sendable {
        public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

        public init() {}

        public mutating func add<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
            var hash = value
            for byte in bytes {
                hash ^= UInt64(byte)
                hash &*= 0x0000_0100_0000_01b3
            }
            value = hash
        }

        public mutating func add(_ text: String) {
            add(text.utf8)
        }

        /// Adds a file's bytes, or a marker for a file that cannot be read.
        public mutating func addContents(ofFile path: String) {
            if let data = FileManager.default.contents(atPath: path) {
                data.withUnsafeBytes { add($0) }
            } else {
                add("\0unreadable\0")
            }
        }

        public var hex: String {
            let digits = String(value, radix: 16)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }
    }

    /// The first `length` hex digits of the hash, for names like `style.3fa9c21e0b.css`.
    public static func hex<Bytes: Sequence>(_ bytes: Bytes, length: Int = 10) -> String where Bytes.Element == UInt8 {
        let digits = String(fnv1a(bytes), radix: 16)
        return String((String(repeating: "0", count: 16 - digits.count) + digits).prefix(length))
    }
}
