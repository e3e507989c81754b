/// The tagging stage of training as bytes, so that parser experiments can skip it: a model
/// file holding the tagger (and an empty parser) whose settings are the tagging key and the
/// best iterations, then UInt32 random state halves, UInt32 sentence count and, per sentence,
/// UInt32 word count + one UInt8 tag per word. A training aid, not a shipped format.
extension SyntaxTrainer.Tagging {
    public func serialized() -> [UInt8] {
        let settings = key + "best_tagger_iterations=\(bestFirst),\(bestSecond)\n"
        let holder = SyntaxModel(settings: settings, tagger: tagger,
                                 parser: DependencyParser(labels: ["dep"], transitions: .empty(3), relations: .empty(1), relabels: .empty(1)))
        var w = ByteWriter()
        let model = holder.serialized()
        w.u32(UInt32(model.count))
        w.bytes.append(contentsOf: model)
        w.u64(randomState)
        w.u32(UInt32(trainTags.count))
        for s in trainTags {
            w.u32(UInt32(s.count))
            for t in s { w.u8(UInt8(t)) }
        }
        return w.bytes
    }

    /// Reads the bytes of `serialized()`.
    /// - Throws: `SyntaxError` when they are not a tagging stage of this code's versions.
    public init(bytes: [UInt8]) throws {
        var r = ByteReader(bytes, end: bytes.count)
        let n = Int(try r.u32("tagging model length"))
        let model = try SyntaxModel(bytes: Array(try r.u8Array(n, "tagging model")))
        let lines = model.settings.split(separator: "\n")
        guard let best = lines.last, best.hasPrefix("best_tagger_iterations=") else { throw SyntaxError.malformedModel("not a tagging stage") }
        let iterations = best.dropFirst("best_tagger_iterations=".count).split(separator: ",").compactMap { Int($0) }
        guard iterations.count == 2 else { throw SyntaxError.malformedModel("bad best tagger iterations") }
        let randomState = try r.u64("random state")
        let count = Int(try r.u32("sentence count"))
        var tags: [[Int]] = []
        for _ in 0..<count {
            let m = Int(try r.u32("word count"))
            tags.append(try r.u8Array(m, "tags").map { Int($0) })
        }
        self.init(key: lines.dropLast().map { $0 + "\n" }.joined(), tagger: model.tagger, bestFirst: iterations[0], bestSecond: iterations[1],
                  trainTags: tags, randomState: randomState)
    }
}
