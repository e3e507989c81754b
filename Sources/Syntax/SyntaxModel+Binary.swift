/// The model file format (all integers little-endian):
///
/// | field | type |
/// |---|---|
/// | magic | 8 bytes `KGSYNTAX` |
/// | format version | UInt32 (`SyntaxModel.formatVersion`) |
/// | tagger feature version, parser feature version | UInt32, UInt32 |
/// | beam width | UInt32 (1: greedy) |
/// | settings | UInt32 length + UTF-8 (`key=value` lines) |
/// | UPOS tags, relation labels | UInt32 count + (UInt32 length + UTF-8) each |
/// | tag dictionary | UInt32 count + (UInt64 word hash, UInt64 tag bit set) each, by hash |
/// | word clusters | UInt32 count + (UInt64 lower-case word hash, UInt32 cluster) each, by hash |
/// | tagger first pass, tagger second pass, transition, relation weights | a weight table each (below) |
/// | relabelling weights | a weight table |
/// | checksum | UInt64 FNV-1a of every byte before it |
///
/// A weight table: UInt16 classes, UInt32 bit pattern of the Float32 scale, UInt32 feature
/// count f, UInt32 entry count e, f UInt64 feature keys (ascending), f UInt8 entry counts,
/// e UInt8 classes, e Int16 quantized weights (weight = value / scale).
extension SyntaxModel {
    public static let magic: [UInt8] = Array("KGSYNTAX".utf8)
    /// The version of the file layout this code writes and reads (3: with word clusters; 2
    /// and 1 held models of earlier feature templates).
    public static let formatVersion: UInt32 = 3
    /// The feature versions this code computes (a model of other features would be garbage).
    public static var featureVersions: (tagger: UInt32, parser: UInt32) { (TaggerFeatures.version, ParserFeatures.version) }

    /// The FNV-1a 64 checksum the file ends with.
    static func checksum(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var h = FeatureHash.offset
        for b in bytes { h = FeatureHash.step(h, b) }
        return h
    }

    /// The model as bytes in the format above.
    /// - Complexity: O(size of the model).
    public func serialized() -> [UInt8] {
        var w = ByteWriter()
        w.bytes.append(contentsOf: SyntaxModel.magic)
        w.u32(SyntaxModel.formatVersion)
        w.u32(TaggerFeatures.version)
        w.u32(ParserFeatures.version)
        w.u32(UInt32(parser.beamWidth))
        w.string(settings)
        for list in [tagger.tags, parser.labels] {
            w.u32(UInt32(list.count))
            for s in list { w.string(s) }
        }
        let dict = tagger.dictionary.classesByWord.sorted { $0.key < $1.key }
        w.u32(UInt32(dict.count))
        for (k, v) in dict { w.u64(k); w.u64(v) }
        let clusters = tagger.dictionary.clustersByWord.sorted { $0.key < $1.key }
        w.u32(UInt32(clusters.count))
        for (k, v) in clusters { w.u64(k); w.u32(v) }
        for table in [tagger.weights, tagger.second, parser.transitions, parser.relations, parser.relabels] {
            w.u16(UInt16(table.classes))
            w.u32(table.scale.bitPattern)
            w.u32(UInt32(table.keys.count))
            w.u32(UInt32(table.entries.count))
            for k in table.keys { w.u64(k) }
            for f in 0..<table.keys.count { w.u8(UInt8(table.starts[f + 1] - table.starts[f])) }
            for e in table.entries { w.u8(UInt8(e >> 16)) }
            for e in table.entries { w.u16(UInt16(truncatingIfNeeded: e)) }
        }
        w.u64(SyntaxModel.checksum(w.bytes[...]))
        return w.bytes
    }

    /// Reads a model from its bytes.
    /// - Throws: `SyntaxError.malformedModel` for bytes that are not a complete, intact kg
    ///   syntax model; `SyntaxError.versionMismatch` for a model of another format or
    ///   feature version.
    /// - Complexity: O(size of the model).
    public init(bytes: [UInt8]) throws {
        guard bytes.count >= 8 + 12 + 8 else {
            throw SyntaxError.malformedModel("\(bytes.count) bytes is too short for a kg syntax model")
        }
        guard Array(bytes[0..<8]) == SyntaxModel.magic else {
            throw SyntaxError.malformedModel("not a kg syntax model (the file does not start with 'KGSYNTAX')")
        }
        var r = ByteReader(bytes, end: bytes.count - 8)
        _ = try r.u64Array(1, "magic")
        let format = try r.u32("format version")
        guard format == SyntaxModel.formatVersion else {
            // Earlier formats hold models of earlier feature templates (without word clusters),
            // which this code does not compute.
            throw SyntaxError.versionMismatch("the file has format version \(format), this code reads version \(SyntaxModel.formatVersion); retrain or use a matching kg")
        }
        let tf = try r.u32("tagger feature version"), pf = try r.u32("parser feature version")
        guard tf == TaggerFeatures.version, pf == ParserFeatures.version else {
            throw SyntaxError.versionMismatch("the model was trained with feature versions tagger \(tf) / parser \(pf), this code computes \(TaggerFeatures.version) / \(ParserFeatures.version); retrain the model")
        }
        let beamWidth = Int(try r.u32("beam width"))
        guard (1...64).contains(beamWidth) else { throw SyntaxError.malformedModel("beam width \(beamWidth); expected 1…64") }
        var stored: UInt64 = 0
        for k in 0..<8 { stored |= UInt64(bytes[bytes.count - 8 + k]) << (8 * UInt64(k)) }
        let actual = SyntaxModel.checksum(bytes[0..<(bytes.count - 8)])
        guard stored == actual else {
            throw SyntaxError.malformedModel("checksum mismatch (stored \(String(stored, radix: 16)), computed \(String(actual, radix: 16))): the file is corrupt or truncated")
        }
        let settings = try r.string("settings")
        var lists: [[String]] = []
        for what in ["UPOS tags", "relation labels"] {
            let n = Int(try r.u32("\(what) count"))
            guard n >= 1 && n <= 255 else { throw SyntaxError.malformedModel("\(n) \(what); expected 1…255") }
            lists.append(try (0..<n).map { _ in try r.string(what, max: 256) })
        }
        let dictCount = Int(try r.u32("tag dictionary count"))
        guard dictCount <= (r.end - r.offset) / 16 else { throw SyntaxError.malformedModel("tag dictionary of \(dictCount) words is longer than the file") }
        var dict: [UInt64: UInt64] = [:]
        dict.reserveCapacity(dictCount)
        for _ in 0..<dictCount {
            let k = try r.u64("tag dictionary word"), v = try r.u64("tag dictionary tags")
            dict[k] = v
        }
        var clusters: [UInt64: UInt32] = [:]
        do {
            let clusterCount = Int(try r.u32("word cluster count"))
            guard clusterCount <= (r.end - r.offset) / 12 else { throw SyntaxError.malformedModel("word clusters of \(clusterCount) words are longer than the file") }
            clusters.reserveCapacity(clusterCount)
            for _ in 0..<clusterCount {
                let k = try r.u64("word cluster word"), v = try r.u32("word cluster")
                clusters[k] = v
            }
        }
        var tables: [WeightTable] = []
        let layout = [("tagger", lists[0].count), ("second-pass tagger", lists[0].count), ("transition", 3), ("relation", lists[1].count),
                      ("relabelling", lists[1].count)]
        for (what, classes) in layout {
            let c = Int(try r.u16("\(what) classes"))
            guard c == classes else { throw SyntaxError.malformedModel("\(what) weights have \(c) classes, expected \(classes)") }
            let scale = Float(bitPattern: try r.u32("\(what) scale"))
            guard scale.isFinite && scale > 0 else { throw SyntaxError.malformedModel("\(what) scale \(scale) is not a positive number") }
            let f = Int(try r.u32("\(what) feature count")), e = Int(try r.u32("\(what) entry count"))
            let keys = try r.u64Array(f, "\(what) keys")
            let counts = try r.u8Array(f, "\(what) entry counts")
            let classBytes = try r.u8Array(e, "\(what) entry classes")
            let weights = try r.i16Array(e, "\(what) weights")
            var starts = [UInt32](repeating: 0, count: f + 1)
            var total = 0
            for (i, n) in counts.enumerated() {
                total += Int(n)
                starts[i + 1] = UInt32(truncatingIfNeeded: total)
            }
            guard total == e else { throw SyntaxError.malformedModel("\(what) entry counts add up to \(total), not \(e)") }
            var entries = [UInt32](repeating: 0, count: e)
            for (i, cls) in classBytes.enumerated() {
                guard Int(cls) < c else { throw SyntaxError.malformedModel("\(what) weight \(i) has class \(cls) of \(c)") }
                entries[i] = UInt32(cls) << 16 | UInt32(UInt16(bitPattern: weights[i]))
            }
            for i in keys.indices {
                guard keys[i] != 0, i == 0 || keys[i] > keys[i - 1] else {
                    throw SyntaxError.malformedModel("\(what) feature keys are not ascending and non-zero at feature \(i)")
                }
            }
            tables.append(WeightTable(classes: c, scale: scale, keys: keys, starts: starts, entries: entries))
        }
        guard r.offset == r.end else {
            throw SyntaxError.malformedModel("\(r.end - r.offset) unexpected bytes after the weights")
        }
        self.init(settings: settings,
                  tagger: Tagger(tags: lists[0], dictionary: TagDictionary(classesByWord: dict, clustersByWord: clusters), weights: tables[0], second: tables[1]),
                  parser: DependencyParser(labels: lists[1], transitions: tables[2], relations: tables[3], relabels: tables[4],
                                          beamWidth: beamWidth))
    }
}
