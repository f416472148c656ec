/// The trie's edges, `(node, scalar) → child`, in an open-addressing hash table.
///
/// The matcher looks an edge up for nearly every character of every article, so this is the
/// hottest loop of cross-linking. `Dictionary` hashes with SipHash, which costs several times
/// more than the multiply-shift hash and linear probing used here; keys are plain integers,
/// so nothing stronger is needed.
struct EdgeTable: Sendable {
    /// `key | occupied`, or 0 for an empty slot; node numbers stay below 2^31, so bit 63 is free.
    private var keys: [UInt64]
    private var values: [Int32]
    private var shift: UInt64
    private(set) var count = 0
    private static let occupied: UInt64 = 1 << 63

    init() {
        keys = [UInt64](repeating: 0, count: 1024)
        values = [Int32](repeating: 0, count: 1024)
        shift = 64 - 10
    }

    static func key(_ node: Int32, _ scalar: UInt32) -> UInt64 { UInt64(UInt32(bitPattern: node)) << 32 | UInt64(scalar) }

    func child(of node: Int32, _ scalar: UInt32) -> Int32? {
        let stored = Self.key(node, scalar) | Self.occupied
        let mask = keys.count - 1
        var slot = slot(for: stored)
        while true {
            let key = keys[slot]
            if key == stored { return values[slot] }
            if key == 0 { return nil }
            slot = (slot + 1) & mask
        }
    }

    mutating func insert(_ child: Int32, from node: Int32, _ scalar: UInt32) {
        if (count + 1) * 2 > keys.count { grow() }
        let stored = Self.key(node, scalar) | Self.occupied
        let mask = keys.count - 1
        var slot = slot(for: stored)
        while keys[slot] != 0 && keys[slot] != stored { slot = (slot + 1) & mask }
        if keys[slot] == 0 { count += 1 }
        keys[slot] = stored
        values[slot] = child
    }

    private func slot(for stored: UInt64) -> Int {
        Int(truncatingIfNeeded: (stored &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        values = [Int32](repeating: 0, count: oldKeys.count * 2)
        shift -= 1
        count = 0
        let mask = keys.count - 1
        for (key, value) in zip(oldKeys, oldValues) where key != 0 {
            var slot = slot(for: key)
            while keys[slot] != 0 { slot = (slot + 1) & mask }
            keys[slot] = key
            values[slot] = value
            count += 1
        }
    }
}
