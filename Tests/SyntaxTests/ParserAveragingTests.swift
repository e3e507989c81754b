import Testing
@testable import Syntax

/// Averaging the parsers of several training runs (`ParserAveraging.swift`).
@Suite struct ParserAveragingTests {
    /// A table of 3 classes from (key, [(class, quantized weight)]) rows.
    func table(scale: Float, _ rows: [(UInt64, [(Int, Int16)])]) -> WeightTable {
        var keys: [UInt64] = [], starts: [UInt32] = [0], entries: [UInt32] = []
        for (k, row) in rows {
            keys.append(k)
            for (c, w) in row { entries.append(UInt32(c) << 16 | UInt32(UInt16(bitPattern: w))) }
            starts.append(UInt32(entries.count))
        }
        return WeightTable(classes: 3, scale: scale, keys: keys, starts: starts, entries: entries)
    }

    func rows(_ t: WeightTable) -> [UInt64: [Int: Int]] {
        var out: [UInt64: [Int: Int]] = [:]
        for (f, k) in t.keys.enumerated() {
            for e in t.entries[Int(t.starts[f])..<Int(t.starts[f + 1])] {
                out[k, default: [:]][Int(e >> 16)] = Int(Int16(bitPattern: UInt16(truncatingIfNeeded: e)))
            }
        }
        return out
    }

    @Test func theMeanUndoesEachScaleAndCountsAMissingFeatureAsZero() {
        // A: key 5 weights (2, 0, -1), key 9 (0, 3, 0); B: key 5 (4, 0, 0), key 7 (0, 2, 0).
        let a = table(scale: 2, [(5, [(0, 4), (2, -2)]), (9, [(1, 6)])])
        let b = table(scale: 1, [(5, [(0, 4)]), (7, [(1, 2)])])
        let mean = WeightTable.mean([a, b])
        // Means: key 5 (3, 0, -0.5), key 7 (0, 1, 0), key 9 (0, 1.5, 0); the largest, 3, is 32,000.
        #expect(mean.keys == [5, 7, 9])
        #expect(abs(mean.scale - 32000 / 3) < 0.01)
        #expect(rows(mean) == [5: [0: 32000, 2: -5333], 7: [1: 10667], 9: [1: 16000]])
        // Weights that quantize below the floor go, and a feature left with none goes too.
        let pruned = WeightTable.mean([a, b], minQuantized: 11000)
        #expect(rows(pruned) == [5: [0: 32000], 9: [1: 16000]])
        // One table is its own mean, up to the quantization scale.
        #expect(rows(WeightTable.mean([b])) == [5: [0: 32000], 7: [1: 16000]])
    }

    @Test func onlyParsersOverTheSameTaggerAverage() throws {
        let model = try committedModel.get()
        let averaged = try SyntaxModel.averagingParsers(of: [model, model])
        // The mean of a parser with itself parses as it does.
        let words = ["Russia", "and", "China", "signed", "a", "treaty", "in", "Moscow", "."]
        #expect(averaged.analyse(words) == model.analyse(words))
        #expect(averaged.settings.hasSuffix("averaged_parsers=2\naveraged_min_quantized=1\n"))
        let other = SyntaxModel(settings: model.settings,
                                tagger: Tagger(tags: model.tagger.tags, dictionary: model.tagger.dictionary,
                                               weights: .empty(model.tagger.tags.count), second: model.tagger.second),
                                parser: model.parser)
        #expect(throws: SyntaxError.self) { try SyntaxModel.averagingParsers(of: [model, other]) }
        #expect(throws: SyntaxError.self) { try SyntaxModel.averagingParsers(of: []) }
    }

    @Test func theCommittedModelIsTheMeanOfFourParserSeeds() throws {
        let model = try committedModel.get()
        #expect(model.settings.contains("parser_seeds=3,4,5,6\n"))
        #expect(model.settings.contains("average_min_quantized=110\n"))
    }
}
