/// An open-addressing hash table of `UInt32` element indexes (linear probing, power-of-two
/// capacity, load factor at most 3/4).
///
/// The table stores only indexes into the caller's storage; the caller supplies each element's
/// hash and decides equality, so a lookup costs one probe sequence and no key copies. A slot holds
/// `index + 1`; 0 marks an empty slot. Elements are never removed.
struct StatementIndexTable: Sendable {
    private(set) var slots: [UInt32]
    private(set) var count = 0

    init(capacity: Int = 16) {
        var c = 16
        while c < capacity { c <<= 1 }
        slots = Array(repeating: 0, count: c)
    }

    /// The index whose element `matches`, probing from `hash`.
    /// - Complexity: O(1) expected.
    @inline(__always)
    func find(hash: Int, matches: (UInt32) -> Bool) -> UInt32? {
        let mask = slots.count - 1
        var p = hash & mask
        while true {
            let v = slots[p]
            if v == 0 { return nil }
            if matches(v - 1) { return v - 1 }
            p = (p + 1) & mask
        }
    }

    /// Inserts `index` (which must not be present) with `hash`; grows the table, rehashing every
    /// element with `hashOf`, when the load factor would exceed 3/4.
    /// - Complexity: O(1) amortized.
    @inline(__always)
    mutating func insert(_ index: UInt32, hash: Int, hashOf: (UInt32) -> Int) {
        if (count + 1) * 4 > slots.count * 3 { grow(hashOf: hashOf) }
        place(index, hash: hash)
        count += 1
    }

    private mutating func place(_ index: UInt32, hash: Int) {
        let mask = slots.count - 1
        var p = hash & mask
        while slots[p] != 0 { p = (p + 1) & mask }
        slots[p] = index + 1
    }

    private mutating func grow(hashOf: (UInt32) -> Int) {
        let old = slots
        slots = []  // release before allocating the larger table's pages
        slots = Array(repeating: 0, count: old.count * 2)
        for v in old where v != 0 { place(v - 1, hash: hashOf(v - 1)) }
    }

    /// Whether every element is reachable from its hash without crossing an empty slot, and the
    /// count agrees with the occupied slots.
    func checkInvariants(hashOf: (UInt32) -> Int) -> Bool {
        let mask = slots.count - 1
        guard slots.count.nonzeroBitCount == 1, count * 4 <= slots.count * 3 else { return false }
        var occupied = 0
        for (p, v) in slots.enumerated() where v != 0 {
            occupied += 1
            var q = hashOf(v - 1) & mask
            while q != p {
                if slots[q] == 0 { return false }
                q = (q + 1) & mask
            }
        }
        return occupied == count
    }
}
