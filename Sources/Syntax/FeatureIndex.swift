/// An open-addressing map from non-zero 64-bit feature keys to dense row numbers 0, 1, 2, …
/// (linear probing, power-of-two capacity, at most half full).
struct FeatureIndex: Sendable {
    private(set) var keys: [UInt64]
    private(set) var rows: [Int32]
    private(set) var count = 0
    private var mask: Int

    init(capacity: Int = 1024) {
        var c = 16
        while c < capacity * 2 { c <<= 1 }
        keys = Array(repeating: 0, count: c)
        rows = Array(repeating: -1, count: c)
        mask = c - 1
    }

    /// The row of `key`, or -1.
    /// - Complexity: O(1) expected.
    @inline(__always) func row(_ key: UInt64) -> Int32 {
        var i = Int(truncatingIfNeeded: key ^ (key >> 29)) & mask
        while true {
            let k = keys[i]
            if k == key { return rows[i] }
            if k == 0 { return -1 }
            i = (i &+ 1) & mask
        }
    }

    /// The row of `key`, adding it as row `count` when new.
    mutating func insert(_ key: UInt64) -> (row: Int32, new: Bool) {
        if (count + 1) * 2 > keys.count { grow() }
        var i = Int(truncatingIfNeeded: key ^ (key >> 29)) & mask
        while true {
            let k = keys[i]
            if k == key { return (rows[i], false) }
            if k == 0 {
                keys[i] = key
                rows[i] = Int32(count)
                count += 1
                return (Int32(count - 1), true)
            }
            i = (i &+ 1) & mask
        }
    }

    private mutating func grow() {
        let oldKeys = keys, oldRows = rows
        let c = keys.count * 2
        keys = Array(repeating: 0, count: c)
        rows = Array(repeating: -1, count: c)
        mask = c - 1
        for (k, r) in zip(oldKeys, oldRows) where k != 0 {
            var i = Int(truncatingIfNeeded: k ^ (k >> 29)) & mask
            while keys[i] != 0 { i = (i &+ 1) & mask }
            keys[i] = k
            rows[i] = r
        }
    }
}
