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
    /// Open-addressing slots of 16 bytes, so that a lookup costs one cache miss: the key and a
    /// payload. Tables of at most 4 classes hold the 4 weights inline (`dense`); others hold up to
    /// two entries inline (24 bits each, count in bits 48…), or a count and a start in `entries`.
    struct Slot {
        var key: UInt64 = 0
        var payload: UInt64 = 0
    }
    private let slots: [Slot]
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
        dense = classes == 3 || classes == 4
        var c = 16
        while c * 7 < keys.count * 10 { c <<= 1 }
        var slots = [Slot](repeating: Slot(), count: c)
        let m = c - 1
        for (f, k) in keys.enumerated() {
            var i = Int(truncatingIfNeeded: k ^ (k >> 29)) & m
            while slots[i].key != 0 && slots[i].key != k { i = (i &+ 1) & m }
            let a = Int(starts[f]), n = Int(starts[f + 1]) - a
            var payload: UInt64 = 0
            if dense {
                for e in entries[a..<(a + n)] {
                    payload |= UInt64(e & 0xFFFF) << (16 * UInt64(e >> 16))
                }
            } else if n <= 2 {
                payload = UInt64(n) << 48
                if n > 0 { payload |= UInt64(entries[a] & 0xFF_FFFF) }
                if n > 1 { payload |= UInt64(entries[a + 1] & 0xFF_FFFF) << 24 }
            } else {
                payload = UInt64(n) << 48 | UInt64(a)
            }
            slots[i] = Slot(key: k, payload: payload)
        }
        self.slots = slots
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

    @inline(__always) private static func add(_ v: UInt32, _ scores: UnsafeMutableBufferPointer<Int32>) {
        scores[Int(v >> 16)] &+= Int32(Int16(bitPattern: UInt16(truncatingIfNeeded: v)))
    }

    /// Adds the weights of `features` to `scores` (which has `classes` elements).
    /// - Complexity: O(k) for k features, plus their non-zero weights.
    @inline(__always)
    func score(_ features: UnsafeBufferPointer<UInt64>, into scores: UnsafeMutableBufferPointer<Int32>) {
        slots.withUnsafeBufferPointer { sl in
            entries.withUnsafeBufferPointer { en in
                // First load every feature's home slot key: independent loads, whose cache misses
                // overlap; the second loop then finds most slots in cache.
                withUnsafeTemporaryAllocation(of: UInt64.self, capacity: features.count) { home in
                for (j, key) in features.enumerated() { home[j] = sl[Int(truncatingIfNeeded: key ^ (key >> 29)) & mask].key }
                for (j, key) in features.enumerated() {
                    var i = Int(truncatingIfNeeded: key ^ (key >> 29)) & mask
                    if home[j] == 0 { continue }
                    while true {
                        let slot = sl[i]
                        if slot.key == key {
                            let p = slot.payload
                            if dense {
                                scores[0] &+= Int32(Int16(truncatingIfNeeded: p))
                                scores[1] &+= Int32(Int16(truncatingIfNeeded: p >> 16))
                                scores[2] &+= Int32(Int16(truncatingIfNeeded: p >> 32))
                                if scores.count > 3 { scores[3] &+= Int32(Int16(truncatingIfNeeded: p >> 48)) }
                            } else {
                                let n = Int(p >> 48)
                                if n <= 2 {
                                    if n > 0 { WeightTable.add(UInt32(truncatingIfNeeded: p & 0xFF_FFFF), scores) }
                                    if n > 1 { WeightTable.add(UInt32(truncatingIfNeeded: (p >> 24) & 0xFF_FFFF), scores) }
                                } else {
                                    let a = Int(truncatingIfNeeded: p & 0xFFFF_FFFF_FFFF)
                                    for e in a..<(a + n) { WeightTable.add(en[e], scores) }
                                }
                            }
                            break
                        }
                        if slot.key == 0 { break }
                        i = (i &+ 1) & mask
                    }
                }
                }
            }
        }
    }
}
