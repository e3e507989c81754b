/// The weights of one trained classifier as shipped: for each kept feature, its non-zero
/// weights over the classes, quantized to `Int16` (weight ≈ quantized / `scale`).
/// Scores are sums of `Int32`; the arg-max does not depend on the scale.
public struct WeightTable: Sendable, Equatable {
    /// The number of classes.
    public let classes: Int
    /// Quantized weight = round(weight × scale).
    public let scale: Float
    /// Feature keys, in file order.
    let keys: [UInt64]
    /// Entries of feature i: `starts[i]..<starts[i+1]`.
    let starts: [UInt32]
    /// Entry = class << 16 | UInt16(bitPattern: weight).
    let entries: [UInt32]
    /// Open-addressing slots of tables of 3 classes (the transitions): 8 bytes, the three
    /// weights and a 16-bit fingerprint of the key (bits 48–63), 0 when empty; so the table is
    /// half the size of one holding whole keys, and more of it stays in cache. A feature the
    /// model lacks matches another's fingerprint with probability about 2⁻¹⁶ per probe.
    typealias Slot = UInt64
    /// Open-addressing slots of other tables: 32 bytes, the key, the entry count and up to five
    /// entries inline (more: `inline.0` is their start in `entries`).
    struct WideSlot {
        var key: UInt64 = 0
        var count: UInt32 = 0
        var inline: (UInt32, UInt32, UInt32, UInt32, UInt32) = (0, 0, 0, 0, 0)
    }
    private let slots: [Slot]
    private let wideSlots: [WideSlot]
    private let mask: Int
    private let dense: Bool

    /// Builds the table and its hash index (at most 70 % full).
    /// - Complexity: O(f + e) for f features and e entries.
    init(classes: Int, scale: Float, keys: [UInt64], starts: [UInt32], entries: [UInt32]) {
        self.classes = classes
        self.scale = scale
        self.keys = keys
        self.starts = starts
        self.entries = entries
        dense = classes == 3
        var c = 16
        while c * 7 < keys.count * 10 { c <<= 1 }
        let m = c - 1
        var slots: [Slot] = []
        var wide: [WideSlot] = []
        if dense { slots = [Slot](repeating: 0, count: c) } else { wide = [WideSlot](repeating: WideSlot(), count: c) }
        for (f, k) in keys.enumerated() {
            var i = Int(truncatingIfNeeded: k ^ (k >> 29)) & m
            let a = Int(starts[f]), n = Int(starts[f + 1]) - a
            if dense {
                while slots[i] != 0 { i = (i &+ 1) & m }
                var payload = WeightTable.fingerprint(k)
                for e in entries[a..<(a + n)] { payload |= UInt64(e & 0xFFFF) << (16 * UInt64(e >> 16)) }
                slots[i] = payload
            } else {
                while wide[i].key != 0 && wide[i].key != k { i = (i &+ 1) & m }
                var slot = WideSlot(key: k, count: UInt32(n))
                if n <= 5 {
                    withUnsafeMutableBytes(of: &slot.inline) { raw in
                        let p = raw.bindMemory(to: UInt32.self)
                        for j in 0..<n { p[j] = entries[a + j] }
                    }
                } else {
                    slot.inline.0 = UInt32(a)
                }
                wide[i] = slot
            }
        }
        self.slots = slots
        self.wideSlots = wide
        mask = m
    }

    /// A table with no features.
    static func empty(_ classes: Int) -> WeightTable { WeightTable(classes: classes, scale: 1, keys: [], starts: [0], entries: []) }

    public static func == (a: WeightTable, b: WeightTable) -> Bool {
        a.classes == b.classes && a.scale == b.scale && a.keys == b.keys && a.starts == b.starts && a.entries == b.entries
    }

    /// The number of features kept.
    public var featureCount: Int { keys.count }
    /// The number of non-zero weights.
    public var entryCount: Int { entries.count }


    /// Adds the weights of `features` to `scores` (which has `classes` elements).
    /// - Complexity: O(k) for k features, plus their non-zero weights.
    @inline(__always)
    func score(_ features: UnsafeBufferPointer<UInt64>, into scores: UnsafeMutableBufferPointer<Int32>) {
        if dense { scoreDense(features, into: scores) } else { scoreWide(features, into: scores) }
    }

    /// The fingerprint of a key in a dense slot: its top 16 bits (the slot index uses the low
    /// bits), never 0.
    @inline(__always) static func fingerprint(_ key: UInt64) -> UInt64 {
        let f = key & 0xFFFF_0000_0000_0000
        return f != 0 ? f : 0x0001_0000_0000_0000
    }

    private func scoreDense(_ features: UnsafeBufferPointer<UInt64>, into scores: UnsafeMutableBufferPointer<Int32>) {
        slots.withUnsafeBufferPointer { sl in
            // First load every feature's home slot: independent loads, whose cache misses
            // overlap; the second loop then finds most slots in cache.
            withUnsafeTemporaryAllocation(of: UInt64.self, capacity: features.count) { home in
                for (j, key) in features.enumerated() { home[j] = sl[Int(truncatingIfNeeded: key ^ (key >> 29)) & mask] }
                for (j, key) in features.enumerated() where home[j] != 0 {
                    let f = WeightTable.fingerprint(key)
                    var i = Int(truncatingIfNeeded: key ^ (key >> 29)) & mask
                    while true {
                        let p = sl[i]
                        if p & 0xFFFF_0000_0000_0000 == f {
                            scores[0] &+= Int32(Int16(truncatingIfNeeded: p))
                            scores[1] &+= Int32(Int16(truncatingIfNeeded: p >> 16))
                            scores[2] &+= Int32(Int16(truncatingIfNeeded: p >> 32))
                            break
                        }
                        if p == 0 { break }
                        i = (i &+ 1) & mask
                    }
                }
            }
        }
    }

    private func scoreWide(_ features: UnsafeBufferPointer<UInt64>, into scores: UnsafeMutableBufferPointer<Int32>) {
        wideSlots.withUnsafeBufferPointer { sl in
            entries.withUnsafeBufferPointer { en in
                withUnsafeTemporaryAllocation(of: UInt64.self, capacity: features.count) { home in
                    for (j, key) in features.enumerated() { home[j] = sl[Int(truncatingIfNeeded: key ^ (key >> 29)) & mask].key }
                    for (j, key) in features.enumerated() where home[j] != 0 {
                        var i = Int(truncatingIfNeeded: key ^ (key >> 29)) & mask
                        while true {
                            let k = sl[i].key
                            if k == key {
                                let n = Int(sl[i].count)
                                if n <= 5 {
                                    withUnsafeBytes(of: sl[i].inline) { raw in
                                        let p = raw.bindMemory(to: UInt32.self)
                                        for e in 0..<n { WeightTable.add(p[e], scores) }
                                    }
                                } else {
                                    let a = Int(sl[i].inline.0)
                                    for e in a..<(a + n) { WeightTable.add(en[e], scores) }
                                }
                                break
                            }
                            if k == 0 { break }
                            i = (i &+ 1) & mask
                        }
                    }
                }
            }
        }
    }

    @inline(__always) private static func add(_ v: UInt32, _ scores: UnsafeMutableBufferPointer<Int32>) {
        scores[Int(v >> 16)] &+= Int32(Int16(bitPattern: UInt16(truncatingIfNeeded: v)))
    }
}
