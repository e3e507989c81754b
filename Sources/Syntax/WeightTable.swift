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
    /// Open-addressing slots, 24 bytes each so that a hit costs one cache miss: the key, the
    /// entry count, and up to three entries inline (more: `inline.0` is the start in `entries`).
    struct Slot {
        var key: UInt64 = 0
        var count: UInt32 = 0
        var inline: (UInt32, UInt32, UInt32) = (0, 0, 0)
    }
    private let slots: [Slot]
    private let mask: Int

    /// Builds the table and its hash index.
    /// - Complexity: O(f + e) for f features and e entries.
    init(classes: Int, scale: Float, keys: [UInt64], starts: [UInt32], entries: [UInt32]) {
        self.classes = classes
        self.scale = scale
        self.keys = keys
        self.starts = starts
        self.entries = entries
        var c = 16
        while c < keys.count * 2 { c <<= 1 }
        var slots = [Slot](repeating: Slot(), count: c)
        let m = c - 1
        for (f, k) in keys.enumerated() {
            var i = Int(truncatingIfNeeded: k ^ (k >> 29)) & m
            while slots[i].key != 0 && slots[i].key != k { i = (i &+ 1) & m }
            let a = Int(starts[f]), n = Int(starts[f + 1]) - a
            var slot = Slot(key: k, count: UInt32(n))
            if n <= 3 {
                if n > 0 { slot.inline.0 = entries[a] }
                if n > 1 { slot.inline.1 = entries[a + 1] }
                if n > 2 { slot.inline.2 = entries[a + 2] }
            } else {
                slot.inline.0 = UInt32(a)
            }
            slots[i] = slot
        }
        self.slots = slots
        mask = m
    }

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
                            switch slot.count {
                            case 0: break
                            case 1: WeightTable.add(slot.inline.0, scores)
                            case 2: WeightTable.add(slot.inline.0, scores); WeightTable.add(slot.inline.1, scores)
                            case 3: WeightTable.add(slot.inline.0, scores); WeightTable.add(slot.inline.1, scores); WeightTable.add(slot.inline.2, scores)
                            default:
                                let a = Int(slot.inline.0)
                                for e in a..<(a + Int(slot.count)) { WeightTable.add(en[e], scores) }
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
