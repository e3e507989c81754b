import Testing
@testable import Syntax

/// The complete-tree index the relabeller reads, the beam's candidate order, and a model with
/// a beam and a second labelling pass.
@Suite struct BeamAndRelabelTests {
    @Test func parsedTreeIndexesDependentsSiblingsAndLabelSets() {
        // The man has left the city . — heads (index 0 the root) and labels 1…6.
        let heads: [Int32] = [-1, 2, 4, 4, 0, 6, 4, 4]
        let labels: [Int32] = [-1, 1, 2, 3, 4, 1, 5, 6]
        let tree = ParsedTree(heads: heads, labels: labels)
        #expect(tree.degree(4) == 4 && tree.degree(0) == 1 && tree.degree(1) == 0)
        #expect(tree.first(4) == 2 && tree.last(4) == 7 && tree.first(1) == -1)
        #expect(tree.previousSibling(3) == 2 && tree.nextSibling(3) == 6 && tree.previousSibling(2) == -1 && tree.nextSibling(7) == -1)
        #expect(tree.leftLabels[4] == (1 << 2 | 1 << 3) && tree.rightLabels[4] == (1 << 5 | 1 << 6))
        // Word 3's siblings are words 2, 6 and 7.
        #expect(tree.siblingLabels[3] == (1 << 2 | 1 << 5 | 1 << 6))
        #expect(tree.siblingLabels[4] == 0)
    }

    @Test func beamOrderKeepsTheBestFirstAndEarlierOnTies() {
        let scores = [3, 7, 7, 1, 9, 3]
        #expect(BeamOrder.best(scores.count, 3) { scores[$0] } == [4, 1, 2])
        #expect(BeamOrder.best(scores.count, 1) { scores[$0] } == [4])
        #expect(BeamOrder.best(scores.count, 10) { scores[$0] } == [4, 1, 2, 0, 5, 3])
        #expect(BeamOrder.best(0, 2) { _ in 0 }.isEmpty)
    }

    @Test func beamModelRoundTripsAndParsesEveryWord() throws {
        let sentences = try fixtureSentences()
        var settings = SyntaxTrainer.Settings()
        settings.taggerIterations = 2
        settings.parserIterations = 2
        settings.folds = 2
        settings.beamWidth = 3
        settings.relabelling = true
        let model = SyntaxTrainer(train: Array(sentences.prefix(60)), dev: Array(sentences.suffix(20)), settings: settings, log: { _ in }).run()
        #expect(model.parser.beamWidth == 3)
        #expect(model.parser.relabels.featureCount > 0)
        let read = try SyntaxModel(bytes: model.serialized())
        #expect(read == model && read.parser.beamWidth == 3)
        for s in sentences.suffix(20) {
            let a = read.analyse(s.forms)
            #expect(a == model.analyse(s.forms))
            #expect(a.heads.count == s.words.count && a.heads.filter { $0 == 0 }.count == 1)
            #expect(a.heads.allSatisfy { $0 >= 0 && $0 <= s.words.count })
        }
    }

    @Test func modelsOfEarlierFormatsOrFeaturesAreRefusedByName() throws {
        // Formats 1 and 2 held models without word clusters, of other feature templates.
        let bytes = tinyModel.serialized()
        func patched(_ offset: Int, _ value: UInt32) -> [UInt8] {
            var b = Array(bytes.dropLast(8))
            for k in 0..<4 { b[offset + k] = UInt8(truncatingIfNeeded: value >> (8 * UInt32(k))) }
            let sum = SyntaxModel.checksum(b[...])
            for k in 0..<8 { b.append(UInt8(truncatingIfNeeded: sum >> (8 * UInt64(k)))) }
            return b
        }
        #expect(try SyntaxModel(bytes: patched(8, SyntaxModel.formatVersion)) == tinyModel)
        for (offset, value, words) in [(8, UInt32(2), "format version 2"), (12, TaggerFeatures.version - 1, "tagger \(TaggerFeatures.version - 1)"),
                                       (16, ParserFeatures.version - 1, "parser \(ParserFeatures.version - 1)")] {
            do {
                _ = try SyntaxModel(bytes: patched(offset, value))
                Issue.record("a model with \(words) was read")
            } catch let error as SyntaxError {
                #expect("\(error)".contains(words), "\(error)")
            }
        }
    }
}
