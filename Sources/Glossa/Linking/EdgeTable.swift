/// The trie's edges, `(node, scalar) → child`, in an open-addressing hash table.
///
/// The matcher looks an edge up for nearly every character of every article, so this is the
/// hottest loop of cross-linking. `Dictionary` hashes with SipHash, which costs several times
/// more than the multiply-shift hash and linear probing used here; keys are plain integers,
/// so nothing stronger is needed. Key and child share one slot, so a lookup touches one cache
/// line: with 10,000 terms the table is larger than the caches.
struct EdgeTable: Sendable {
    private struct Slot: Sendable {
        /// `key | occupied`, or 0 when empty; node numbers stay below 2^31, so bit 63 is free.
        var key: UInt64
        var child: Int32
    }

    private var slots: [Slot]
    private var shift: UInt64
    private(set) var count = 0
    private static let occupied: UInt64 = 1 << 63

    init() {
        slots = [Slot](repeating: Slot(key: 0, child: 0), count: 1024)
        shift = 64 - 10
    }

    static func key(_ node: Int32, _ scalar: UInt32) -> UInt64 { UInt64(UInt32(bitPattern: node)) << 32 | UInt64(scalar) }

    func child(of node: Int32, _ scalar: UInt32) -> Int32? {
        let stored = Self.key(node, scalar) | Self.occupied
        let mask = slots.count - 1
        var index = slot(for: stored)
        while true {
            let slot = slots[index]
            if slot.key == stored { return slot.child }
            if slot.key == 0 { return nil }
            index = (index + 1) & mask
        }
    }

    mutating func insert(_ child: Int32, from node: Int32, _ scalar: UInt32) {
        if (count + 1) * 2 > slots.count { grow() }
        let stored = Self.key(node, scalar) | Self.occupied
        let mask = slots.count - 1
        var index = slot(for: stored)
        while slots[index].key != 0 && slots[index].key != stored { index = (index + 1) & mask }
        if slots[index].key == 0 { count += 1 }
        slots[index] = Slot(key: stored, child: child)
    }

    private func slot(for stored: UInt64) -> Int {
        Int(truncatingIfNeeded: (stored &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(key: 0, child: 0), count: old.count * 2)
        shift -= 1
        count = 0
        let mask = slots.count - 1
        for slot in old where slot.key != 0 {
            var index = self.slot(for: slot.key)
            while slots[index].key != 0 { index = (index + 1) & mask }
            slots[index] = slot
            count += 1
        }
    }
}
