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
    private let slots: [Slot]
    /// Slots of other tables: one 64-byte cache line each (`SlotLines`), the whole key first.
    /// With up to `SlotLines.rowWidth` classes (the taggers'), the line holds the weights of
    /// every class as Int16; with more (the relations), an entry count (UInt32) and up to
    /// `SlotLines.inlineEntries` entries, or for more entries their start in `entries`. Either
    /// way most features cost one cache miss.
    private let lines: SlotLines?
    private let mask: Int
    private let dense: Bool
    private let rowLayout: Bool

    /// Builds the table and its hash index (at most 70 % full).
    /// - Complexity: O(f + e) for f features and e entries.
    init(classes: Int, scale: Float, keys: [UInt64], starts: [UInt32], entries: [UInt32]) {
        self.classes = classes
        self.scale = scale
        self.keys = keys
        self.starts = starts
        self.entries = entries
        dense = classes == 3
        rowLayout = classes <= SlotLines.rowWidth
        var c = 16
        while c * 7 < keys.count * 10 { c <<= 1 }
        let m = c - 1
        var slots: [Slot] = []
        let lines = dense ? nil : SlotLines(count: c)
        if dense { slots = [Slot](repeating: 0, count: c) }
        for (f, k) in keys.enumerated() {
            var i = Int(truncatingIfNeeded: k ^ (k >> 29)) & m
            let a = Int(starts[f]), n = Int(starts[f + 1]) - a
            if let lines {
                while lines.key(i) != 0 && lines.key(i) != k { i = (i &+ 1) & m }
                if rowLayout { lines.setRow(i, key: k, entries[a..<(a + n)]) } else { lines.setEntries(i, key: k, entries[a..<(a + n)], start: a) }
            } else {
                while slots[i] != 0 { i = (i &+ 1) & m }
                var payload = WeightTable.fingerprint(k)
                for e in entries[a..<(a + n)] { payload |= UInt64(e & 0xFFFF) << (16 * UInt64(e >> 16)) }
                slots[i] = payload
            }
        }
        self.slots = slots
        self.lines = lines
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
        if dense { scoreDense(features, into: scores) } else if let lines { scoreLines(lines, features, into: scores) }
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

    private func scoreLines(_ lines: SlotLines, _ features: UnsafeBufferPointer<UInt64>, into scores: UnsafeMutableBufferPointer<Int32>) {
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: features.count) { home in
            // Home slots first (independent loads whose misses overlap), then the sums.
            for (j, key) in features.enumerated() { home[j] = lines.key(Int(truncatingIfNeeded: key ^ (key >> 29)) & mask) }
            let width = min(classes, scores.count)
            entries.withUnsafeBufferPointer { en in
                for (j, key) in features.enumerated() where home[j] != 0 {
                    var i = Int(truncatingIfNeeded: key ^ (key >> 29)) & mask
                    while true {
                        let k = lines.key(i)
                        if k == key {
                            let p = lines.payload(i)
                            if rowLayout {
                                for c in 0..<width { scores[c] &+= Int32(p.load(fromByteOffset: 2 * c, as: Int16.self)) }
                            } else {
                                let n = Int(p.load(as: UInt32.self))
                                if n <= SlotLines.inlineEntries {
                                    for e in 0..<n { WeightTable.add(p.load(fromByteOffset: 4 + 4 * e, as: UInt32.self), scores) }
                                } else {
                                    let a = Int(p.load(fromByteOffset: 4, as: UInt32.self))
                                    for e in a..<(a + n) { WeightTable.add(en[e], scores) }
                                }
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

    @inline(__always) private static func add(_ v: UInt32, _ scores: UnsafeMutableBufferPointer<Int32>) {
        scores[Int(v >> 16)] &+= Int32(Int16(bitPattern: UInt16(truncatingIfNeeded: v)))
    }
}

/// The 64-byte, cache-line-aligned slots of a `WeightTable` other than the transitions': a
/// UInt64 key (0: empty), then 56 bytes of payload, either a row (the Int16 weights of every
/// class, 0 for the classes the feature lacks) or an entry list (a UInt32 count, then up to
/// `inlineEntries` entries, or for more the UInt32 start of the entries in the table's
/// `entries`). Written only while the table is built, read-only after.
final class SlotLines: @unchecked Sendable {
    /// The most classes a row holds, and the most entries an entry list holds.
    static let rowWidth = 28, inlineEntries = 13
    private let base: UnsafeMutableRawPointer

    init(count: Int) {
        base = UnsafeMutableRawPointer.allocate(byteCount: count * 64, alignment: 64)
        base.initializeMemory(as: UInt8.self, repeating: 0, count: count * 64)
    }

    deinit { base.deallocate() }

    @inline(__always) func key(_ i: Int) -> UInt64 { base.load(fromByteOffset: i << 6, as: UInt64.self) }
    /// The payload of slot i (56 bytes, read with `load(fromByteOffset:as:)`).
    @inline(__always) func payload(_ i: Int) -> UnsafeRawPointer { UnsafeRawPointer(base + (i << 6) + 8) }

    /// Stores a feature's key and its entries (class << 16 | weight) as a row in slot i.
    func setRow(_ i: Int, key: UInt64, _ entries: ArraySlice<UInt32>) {
        base.storeBytes(of: key, toByteOffset: i << 6, as: UInt64.self)
        for e in entries {
            base.storeBytes(of: Int16(bitPattern: UInt16(truncatingIfNeeded: e)), toByteOffset: (i << 6) + 8 + 2 * Int(e >> 16), as: Int16.self)
        }
    }

    /// Stores a feature's key and its entries as an entry list in slot i (`start`: where the
    /// entries begin in the table's `entries`, kept when there are too many to inline).
    func setEntries(_ i: Int, key: UInt64, _ entries: ArraySlice<UInt32>, start: Int) {
        base.storeBytes(of: key, toByteOffset: i << 6, as: UInt64.self)
        base.storeBytes(of: UInt32(entries.count), toByteOffset: (i << 6) + 8, as: UInt32.self)
        if entries.count <= SlotLines.inlineEntries {
            for (j, e) in entries.enumerated() { base.storeBytes(of: e, toByteOffset: (i << 6) + 12 + 4 * j, as: UInt32.self) }
        } else {
            base.storeBytes(of: UInt32(start), toByteOffset: (i << 6) + 12, as: UInt32.self)
        }
    }
}
