/// A multi-class averaged perceptron being trained (Collins 2002; averaging done lazily with
/// time stamps). Weights are dense rows over the classes, one row per feature seen in an update.
struct PerceptronTrainer: Sendable {
    let classes: Int
    private var index = FeatureIndex(capacity: 1 << 16)
    private var weights: [Float] = []
    private var totals: [Double] = []
    private var stamps: [Int32] = []
    /// How many updates touched each row.
    private var updates: [Int32] = []
    /// The number of decisions seen so far (the averaging clock).
    private(set) var clock: Int32 = 0

    init(classes: Int) { self.classes = classes }

    /// The number of feature rows.
    var featureCount: Int { index.count }

    /// Current (not averaged) scores of `features`, into `scores` (set to zero first).
    mutating func score<C: Collection<UInt64>>(_ features: C, into scores: inout [Float]) {
        for c in 0..<classes { scores[c] = 0 }
        for f in features {
            let r = index.row(f)
            if r < 0 { continue }
            let base = Int(r) * classes
            for c in 0..<classes { scores[c] += weights[base + c] }
        }
    }

    /// Counts one decision (advances the averaging clock).
    mutating func tick() { clock += 1 }

    /// Moves weights of `features` towards `truth` and away from `guess`.
    mutating func update<C: Collection<UInt64>>(_ features: C, truth: Int, guess: Int) {
        guard truth != guess else { return }
        for f in features {
            let base = row(f) * classes
            var i = base + truth
            totals[i] += Double(clock - stamps[i]) * Double(weights[i])
            stamps[i] = clock
            weights[i] += 1
            i = base + guess
            totals[i] += Double(clock - stamps[i]) * Double(weights[i])
            stamps[i] = clock
            weights[i] -= 1
        }
    }

    /// Adds `delta` to the weights of `features` for class `c` (the updates of a structured
    /// perceptron, which moves towards one transition sequence and away from another).
    mutating func update(_ features: UnsafeBufferPointer<UInt64>, class c: Int, delta: Float) {
        for f in features {
            let i = row(f) * classes + c
            totals[i] += Double(clock - stamps[i]) * Double(weights[i])
            stamps[i] = clock
            weights[i] += delta
        }
    }

    /// The row of feature `f` (a new zero row for a new feature), counting one more update of it.
    private mutating func row(_ f: UInt64) -> Int {
        let (r, new) = index.insert(f)
        if new {
            weights.append(contentsOf: repeatElement(0, count: classes))
            totals.append(contentsOf: repeatElement(0, count: classes))
            stamps.append(contentsOf: repeatElement(0, count: classes))
            updates.append(0)
        }
        updates[Int(r)] += 1
        return Int(r)
    }

    /// The averaged weights, quantized to Int16, as a `WeightTable`: rows updated fewer than
    /// `minUpdates` times and weights that quantize below `minQuantized` are dropped.
    /// - Complexity: O(rows × classes).
    func averaged(minUpdates: Int32, minQuantized: Int16) -> WeightTable {
        let t = Double(max(clock, 1))
        var average = [Float](repeating: 0, count: weights.count)
        var largest: Float = 0
        for i in 0..<weights.count {
            let a = Float((totals[i] + Double(clock - stamps[i]) * Double(weights[i])) / t)
            average[i] = a
            largest = max(largest, abs(a))
        }
        let scale = largest > 0 ? 32000 / largest : 1
        var keys: [UInt64] = []
        var starts: [UInt32] = [0]
        var entries: [UInt32] = []
        // Rows in key order, so that the file does not depend on hash-table layout.
        var rowsByKey: [(UInt64, Int32)] = []
        rowsByKey.reserveCapacity(index.count)
        for (k, r) in zip(index.keys, index.rows) where k != 0 { rowsByKey.append((k, r)) }
        rowsByKey.sort { $0.0 < $1.0 }
        for (k, r) in rowsByKey where updates[Int(r)] >= minUpdates {
            let base = Int(r) * classes
            let before = entries.count
            for c in 0..<classes {
                let q = Int16(clamping: Int((average[base + c] * scale).rounded()))
                if q != 0 && abs(Int(q)) >= Int(minQuantized) {
                    entries.append(UInt32(c) << 16 | UInt32(UInt16(bitPattern: q)))
                }
            }
            if entries.count > before {
                keys.append(k)
                starts.append(UInt32(entries.count))
            }
        }
        return WeightTable(classes: classes, scale: scale, keys: keys, starts: starts, entries: entries)
    }
}
