/// A map from 64-bit integer keys to small non-negative integers, by open addressing.
///
/// Linking looks keys up in its innermost loops: a word for every word of every article, and
/// every distinct word again when batches are joined. `Dictionary` hashes with SipHash, which costs
/// several times more than the multiply-shift hash and linear probing used here; the keys are
/// plain integers or already hashes, so nothing stronger is needed. Key and value share one
/// slot, so a lookup touches one cache line.
struct IntegerTable: Sendable {
    private struct Slot: Sendable {
        var key: UInt64
        /// -1 marks an empty slot, so that every key, 0 included, can be stored.
        var value: Int32
    }

    private var slots: [Slot]
    private var shift: UInt64
    private(set) var count = 0

    init() {
        slots = [Slot](repeating: Slot(key: 0, value: -1), count: 1024)
        shift = 64 - 10
    }

    /// The value stored for `key`, or nil.
    func value(for key: UInt64) -> Int32? {
        let mask = slots.count - 1
        var index = slot(for: key)
        while true {
            let slot = slots[index]
            if slot.value < 0 { return nil }
            if slot.key == key { return slot.value }
            index = (index + 1) & mask
        }
    }

    /// Stores `value` (which must not be negative) for `key`, replacing any value it had.
    mutating func insert(_ value: Int32, for key: UInt64) {
        if (count + 1) * 2 > slots.count { grow() }
        let mask = slots.count - 1
        var index = slot(for: key)
        while slots[index].value >= 0 && slots[index].key != key { index = (index + 1) & mask }
        if slots[index].value < 0 { count += 1 }
        slots[index] = Slot(key: key, value: value)
    }

    /// The value stored for `key`; when there is none, stores `newValue` and returns it with
    /// `inserted` set. Numbering distinct keys this way takes one probe sequence, not two.
    mutating func value(for key: UInt64, insertingIfAbsent newValue: Int32) -> (value: Int32, inserted: Bool) {
        if (count + 1) * 2 > slots.count { grow() }
        let mask = slots.count - 1
        var index = slot(for: key)
        while true {
            let slot = slots[index]
            if slot.value < 0 { break }
            if slot.key == key { return (slot.value, false) }
            index = (index + 1) & mask
        }
        slots[index] = Slot(key: key, value: newValue)
        count += 1
        return (newValue, true)
    }
}

private extension IntegerTable {
    func slot(for key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(key: 0, value: -1), count: old.count * 2)
        shift -= 1
        count = 0
        let mask = slots.count - 1
        for slot in old where slot.value >= 0 {
            var index = self.slot(for: slot.key)
            while slots[index].value >= 0 { index = (index + 1) & mask }
            slots[index] = slot
            count += 1
        }
    }
}
