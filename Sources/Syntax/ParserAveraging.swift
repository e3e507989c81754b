/// Parameter averaging of parsers trained apart (McDonald, Hall and Mann 2010, "one-shot"
/// mixing; Bagging-like ensembles of perceptrons): perceptrons trained on the same data in
/// different orders (`--parser-seed`) make different errors, and the mean of their weights
/// scores like a vote of them at the cost of one model. The weights of averaged perceptrons
/// trained on the same data are in the same units (one update is ±1), so their means are
/// comparable once each table's quantization scale is undone.
extension WeightTable {
    /// The mean of tables over the same classes, quantized again to Int16: a feature one table
    /// lacks counts as 0 there; weights that quantize below `minQuantized` in magnitude are
    /// dropped (most features only one table has are near 0 in the mean).
    /// - Precondition: `tables` is not empty and every table has the same number of classes.
    /// - Complexity: O(e log f) for e entries over f distinct features.
    static func mean(_ tables: [WeightTable], minQuantized: Int16 = 1) -> WeightTable {
        precondition(!tables.isEmpty && tables.allSatisfy { $0.classes == tables[0].classes })
        let classes = tables[0].classes
        var rowOf: [UInt64: Int] = [:]
        rowOf.reserveCapacity(tables.map(\.keys.count).max() ?? 0)
        var sums: [Float] = []
        for t in tables {
            let n = Float(tables.count)
            for (f, key) in t.keys.enumerated() {
                let row: Int
                if let r = rowOf[key] { row = r } else {
                    row = rowOf.count
                    rowOf[key] = row
                    sums.append(contentsOf: repeatElement(0, count: classes))
                }
                for e in t.entries[Int(t.starts[f])..<Int(t.starts[f + 1])] {
                    let weight = Float(Int16(bitPattern: UInt16(truncatingIfNeeded: e))) / t.scale
                    sums[row * classes + Int(e >> 16)] += weight / n
                }
            }
        }
        let largest = sums.reduce(Float(0)) { max($0, abs($1)) }
        let scale = largest > 0 ? 32000 / largest : 1
        var keys: [UInt64] = [], starts: [UInt32] = [0], entries: [UInt32] = []
        for (key, row) in rowOf.sorted(by: { $0.key < $1.key }) {
            let before = entries.count
            for c in 0..<classes {
                let q = Int16(clamping: Int((sums[row * classes + c] * scale).rounded()))
                if q != 0 && abs(Int(q)) >= Int(minQuantized) { entries.append(UInt32(c) << 16 | UInt32(UInt16(bitPattern: q))) }
            }
            if entries.count > before {
                keys.append(key)
                starts.append(UInt32(entries.count))
            }
        }
        return WeightTable(classes: classes, scale: scale, keys: keys, starts: starts, entries: entries)
    }
}

extension SyntaxModel {
    /// One model whose parser has the mean weights of the parsers of `models` (transitions,
    /// relations and relabelling each averaged), with their common tagger.
    /// - Throws: `SyntaxError.malformedModel` when the models do not share the tagger, the
    ///   relation labels and the beam width (only parsers trained on the same tags average).
    /// - Complexity: O(size of the models).
    /// - Parameter minQuantized: the smallest quantized weight kept (on the scale of the
    ///   largest mean weight as 32,000), which keeps the model small and fast.
    public static func averagingParsers(of models: [SyntaxModel], minQuantized: Int16 = 1) throws -> SyntaxModel {
        guard let first = models.first else { throw SyntaxError.malformedModel("no models to average") }
        for (i, m) in models.enumerated().dropFirst() {
            guard m.tagger == first.tagger else {
                throw SyntaxError.malformedModel("model \(i + 1) has another tagger than model 1: only parsers trained on the same tags can be averaged")
            }
            guard m.parser.labels == first.parser.labels, m.parser.beamWidth == first.parser.beamWidth else {
                throw SyntaxError.malformedModel("model \(i + 1) has other relation labels or another beam width than model 1")
            }
        }
        let parsers = models.map(\.parser)
        let parser = DependencyParser(labels: first.parser.labels, transitions: .mean(parsers.map(\.transitions), minQuantized: minQuantized),
                                      relations: .mean(parsers.map(\.relations), minQuantized: minQuantized),
                                      relabels: .mean(parsers.map(\.relabels), minQuantized: minQuantized),
                                      beamWidth: first.parser.beamWidth)
        return SyntaxModel(settings: first.settings + "averaged_parsers=\(models.count)\naveraged_min_quantized=\(minQuantized)\n", tagger: first.tagger, parser: parser)
    }
}
