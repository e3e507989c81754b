import Foundation
@testable import Syntax

let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let fixturesDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
let modelPath = repositoryRoot.appendingPathComponent("ontology/syntax/en_ewt.model").path

/// The fixture sentences (EWT dev, first 80).
func fixtureSentences() throws -> [CoNLLUSentence] {
    let text = try String(contentsOf: fixturesDirectory.appendingPathComponent("en_ewt-dev-first80.conllu"), encoding: .utf8)
    return try CoNLLUReader.read(text, source: "en_ewt-dev-first80.conllu", annotated: true)
}

/// The committed model's bytes.
func committedModelBytes() throws -> [UInt8] {
    guard let data = FileManager.default.contents(atPath: modelPath) else {
        throw SyntaxError.malformedModel("cannot read \(modelPath)")
    }
    return [UInt8](data)
}

/// The committed model, read once.
let committedModel: Result<SyntaxModel, Error> = Result { try SyntaxModel(bytes: committedModelBytes()) }

/// A few word clusters for the tiny model, so that round trips carry them too.
let tinyClusters = TagDictionary.clusters([("the", 11, -3.5), ("a", 11, -4.1), ("of", 28, -4.2), ("in", 60, -4.3),
                                           ("said", 116, -7.0), ("is", 20, -4.5), ("was", 20, -5.0)])

/// A small model trained on the fixture itself (fast; for round trips, not for accuracy).
let tinyModel: SyntaxModel = {
    let sentences = (try? fixtureSentences()) ?? []
    var settings = SyntaxTrainer.Settings()
    settings.taggerIterations = 2
    settings.parserIterations = 2
    settings.folds = 2
    return SyntaxTrainer(train: Array(sentences.prefix(60)), dev: Array(sentences.suffix(20)), settings: settings,
                         clusters: tinyClusters, log: { _ in }).run()
}()

func score(_ model: SyntaxModel, _ sentences: [CoNLLUSentence]) -> AttachmentScore {
    var s = AttachmentScore()
    for sentence in sentences { s.add(gold: sentence.words, predicted: model.analyse(sentence.forms)) }
    return s
}
