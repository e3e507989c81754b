// Trains, evaluates and benchmarks kg's syntax model (see ontology/syntax/README.md).
//
//   kg-train-syntax --train TRAIN.conllu --dev DEV.conllu --output MODEL [options]
//   kg-train-syntax --evaluate MODEL FILE.conllu...
//   kg-train-syntax --benchmark MODEL FILE.conllu [--seconds S]
//   kg-train-syntax --average MODEL MODEL... --output MODEL
import Foundation
import Syntax

let usage = """
usage: kg-train-syntax --train TRAIN.conllu --dev DEV.conllu --output MODEL
                       [--tagger-iterations N] [--parser-iterations N] [--folds N] [--seed N]
                       [--min-updates N] [--min-quantized N] [--exploration-start N] [--min-tag-pair-count N]
                       [--non-projective 0|1] [--dictionary-min-count N] [--exploration-probability P]
                       [--relabelling 0|1] [--beam N] [--transition-min-updates N] [--tagging-cache PATH]
                       [--clusters CLUSTERS.tsv] [--parser-seed N | --parser-seeds N,N,...]
                       [--average-min-quantized N]
       kg-train-syntax --evaluate MODEL FILE.conllu... [--beam N]
       kg-train-syntax --benchmark MODEL FILE.conllu [--seconds S] [--beam N]
       kg-train-syntax --average MODEL MODEL... --output MODEL [--average-min-quantized N]
"""

func fail(_ message: String, code: Int32 = 1) -> Never {
    FileHandle.standardError.write(Data("kg-train-syntax: error: \(message)\n".utf8))
    exit(code)
}

func say(_ message: String) {
    FileHandle.standardOutput.write(Data((message + "\n").utf8))
}

func readSentences(_ path: String, annotated: Bool = true) -> [CoNLLUSentence] {
    guard let data = FileManager.default.contents(atPath: path) else { fail("\(path): cannot read the file") }
    do {
        return try CoNLLUReader.read(String(decoding: data, as: UTF8.self), source: path, annotated: annotated)
    } catch {
        fail("\(error)")
    }
}

/// - Parameter beam: parse with this beam width instead of the model's (`--beam N`).
func loadModel(_ path: String, beam: Int? = nil) -> (SyntaxModel, Double) {
    let start = Date()
    guard let data = FileManager.default.contents(atPath: path) else { fail("\(path): cannot read the model") }
    do {
        let model = try SyntaxModel(bytes: [UInt8](data))
        let seconds = Date().timeIntervalSince(start)
        if let beam, beam >= 1 { return (model.withBeamWidth(beam), seconds) }
        return (model, seconds)
    } catch {
        fail("\(path): \(error)")
    }
}

func fixed(_ x: Double, _ digits: Int = 2) -> String { String(format: "%.\(digits)f", x) }

var arguments = Array(CommandLine.arguments.dropFirst())
var options: [String: String] = [:]
var positional: [String] = []
var mode = "train"
while !arguments.isEmpty {
    let a = arguments.removeFirst()
    switch a {
    case "--evaluate": mode = "evaluate"
    case "--benchmark": mode = "benchmark"
    case "--average": mode = "average"
    case "--help", "-h": print(usage); exit(0)
    case _ where a.hasPrefix("--"):
        guard !arguments.isEmpty else { fail("\(a) needs a value\n\(usage)", code: 64) }
        options[String(a.dropFirst(2))] = arguments.removeFirst()
    default: positional.append(a)
    }
}

@MainActor func intOption(_ name: String, _ value: Int) -> Int {
    guard let s = options[name] else { return value }
    guard let v = Int(s), v >= 0 else { fail("--\(name) must be a non-negative integer, not '\(s)'", code: 64) }
    return v
}

switch mode {
case "evaluate":
    guard positional.count >= 2 else { fail("--evaluate needs MODEL and at least one FILE.conllu\n\(usage)", code: 64) }
    let (model, seconds) = loadModel(positional[0], beam: options["beam"].flatMap { Int($0) })
    say("model \(positional[0]) loaded in \(fixed(seconds, 3)) s")
    for path in positional.dropFirst() {
        var score = AttachmentScore()
        var confusions: [String: Int] = [:]
        var headErrors: [String: Int] = [:]
        // FNV-1a over every predicted tag, head and relation: equal outputs, equal checksums.
        var predictions: UInt64 = 0xcbf2_9ce4_8422_2325
        for s in readSentences(path) {
            let analysis = model.analyse(s.forms)
            for (i, t) in analysis.upos.enumerated() {
                for b in "\(t) \(analysis.heads[i]) \(analysis.relations[i]);".utf8 { predictions = (predictions ^ UInt64(b)) &* 0x100_0000_01b3 }
            }
            score.add(gold: s.words, predicted: analysis)
            for (g, p) in zip(s.words, analysis.upos) where g.upos != p { confusions["\(g.upos)→\(p)", default: 0] += 1 }
            for (i, g) in s.words.enumerated() where g.head != analysis.heads[i] { headErrors[String(AttachmentScore.universal(g.deprel)), default: 0] += 1 }
        }
        if options["confusions"] != nil {
            say("most frequent UPOS confusions (gold→predicted): "
                + confusions.sorted { $0.value > $1.value }.prefix(15).map { "\($0.key) \($0.value)" }.joined(separator: ", "))
            say("wrong heads by gold relation: "
                + headErrors.sorted { $0.value > $1.value }.prefix(15).map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        }
        say("\(path): \(score.words) words  UPOS \(fixed(score.upos))  UAS \(fixed(score.uas))  LAS \(fixed(score.las))  "
            + "(predictions checksum \(String(predictions, radix: 16)))")
    }
case "average":
    // Models whose parsers were trained on the same tags with different --parser-seed:
    // one model with the mean of their parsers' weights (see ParserAveraging.swift).
    guard positional.count >= 2, let output = options["output"] else { fail("--average needs at least two MODELs and --output MODEL\n\(usage)", code: 64) }
    let models = positional.map { loadModel($0).0 }
    do {
        let averaged = try SyntaxModel.averagingParsers(of: models, minQuantized: Int16(clamping: intOption("average-min-quantized", 1)))
        let bytes = averaged.serialized()
        let temporary = output + ".partial"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(bytes)) else { fail("\(output): cannot write the model") }
        _ = try? FileManager.default.removeItem(atPath: output)
        try FileManager.default.moveItem(atPath: temporary, toPath: output)
        say("wrote \(output): \(fixed(Double(bytes.count) / 1_000_000)) MB, the parsers of \(models.count) models averaged")
    } catch {
        fail("\(error)")
    }
case "benchmark":
    guard positional.count == 2 else { fail("--benchmark needs MODEL and FILE.conllu\n\(usage)", code: 64) }
    var loads: [Double] = []
    var model: SyntaxModel?
    for _ in 0..<3 {
        let (m, t) = loadModel(positional[0], beam: options["beam"].flatMap { Int($0) })
        loads.append(t)
        model = m
    }
    let size = (try? FileManager.default.attributesOfItem(atPath: positional[0])[.size] as? Int) ?? 0
    say("model: \(fixed(Double(size) / 1_000_000)) MB, load time \(fixed(loads.sorted()[1], 3)) s (median of 3)")
    let sentences = readSentences(positional[1], annotated: false).map(\.forms)
    let words = sentences.reduce(0) { $0 + $1.count }
    let budget = Double(options["seconds"] ?? "5") ?? 5
    var passes = 0, checksum = 0
    let start = Date()
    let cpuStart = clock()
    repeat {
        for s in sentences { checksum &+= model!.analyse(s).heads.count }
        passes += 1
    } while Date().timeIntervalSince(start) < budget
    let elapsed = Date().timeIntervalSince(start)
    let cpu = Double(clock() - cpuStart) / Double(CLOCKS_PER_SEC)
    say("tagging+parsing: \(passes) passes over \(sentences.count) sentences / \(words) words in \(fixed(elapsed)) s wall, \(fixed(cpu)) s CPU: "
        + "\(Int(Double(words * passes) / elapsed)) words/s wall, \(Int(Double(words * passes) / cpu)) words per CPU second, one thread (checksum \(checksum))")
default:
    guard let trainPath = options["train"], let devPath = options["dev"], let output = options["output"] else {
        fail("training needs --train, --dev and --output\n\(usage)", code: 64)
    }
    for forbidden in ["-test", "pud"] where trainPath.contains(forbidden) || devPath.contains(forbidden) {
        fail("refusing to train or tune on a test file ('\(forbidden)' in a path)", code: 64)
    }
    var settings = SyntaxTrainer.Settings()
    settings.taggerIterations = intOption("tagger-iterations", settings.taggerIterations)
    settings.parserIterations = intOption("parser-iterations", settings.parserIterations)
    settings.folds = intOption("folds", settings.folds)
    settings.nonProjective = intOption("non-projective", settings.nonProjective ? 1 : 0) != 0
    settings.dictionaryMinCount = intOption("dictionary-min-count", settings.dictionaryMinCount)
    if let p = options["exploration-probability"] {
        guard let v = Double(p), (0...1).contains(v) else { fail("--exploration-probability must be in 0…1, not '\(p)'", code: 64) }
        settings.explorationProbability = v
    }
    settings.minTagPairCount = intOption("min-tag-pair-count", settings.minTagPairCount)
    settings.seed = UInt64(intOption("seed", Int(settings.seed)))
    // One parser with this seed (for experiments over a stored tagging stage).
    if options["parser-seed"] != nil { settings.parserSeeds = [UInt64(intOption("parser-seed", 0))] }
    if let list = options["parser-seeds"] {
        let seeds = list.split(separator: ",").map { UInt64($0.trimmingCharacters(in: .whitespaces)) }
        guard !seeds.isEmpty, seeds.allSatisfy({ $0 != nil }) else { fail("--parser-seeds must be a comma-separated list of non-negative integers, not '\(list)'", code: 64) }
        settings.parserSeeds = seeds.map { $0! }
    }
    settings.averageMinQuantized = Int16(clamping: intOption("average-min-quantized", Int(settings.averageMinQuantized)))
    settings.minUpdates = Int32(intOption("min-updates", Int(settings.minUpdates)))
    settings.minQuantized = Int16(clamping: intOption("min-quantized", Int(settings.minQuantized)))
    settings.explorationStart = intOption("exploration-start", settings.explorationStart)
    settings.beamWidth = max(intOption("beam", settings.beamWidth), 1)
    settings.transitionMinUpdates = Int32(intOption("transition-min-updates", Int(settings.transitionMinUpdates)))
    settings.relabelling = intOption("relabelling", settings.relabelling ? 1 : 0) != 0
    let start = Date()
    let train = readSentences(trainPath), dev = readSentences(devPath)
    var clusters: [UInt64: UInt32] = [:]
    if let path = options["clusters"] {
        guard let data = FileManager.default.contents(atPath: path) else { fail("\(path): cannot read the word clusters") }
        var list: [(word: String, cluster: UInt32, logProbability: Double)] = []
        for (n, line) in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.isEmpty || line.hasPrefix("# ") { continue }
            let f = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard f.count == 3, !f[0].isEmpty, let c = UInt32(f[1]), let p = Double(f[2]) else {
                fail("\(path):\(n + 1): expected WORD<TAB>CLUSTER<TAB>LOGPROB")
            }
            list.append((String(f[0]), c, p))
        }
        clusters = TagDictionary.clusters(list)
        say("\(path): \(list.count) words, \(clusters.count) lower-case forms with a cluster")
    }
    let trainer = SyntaxTrainer(train: train, dev: dev, settings: settings, clusters: clusters) { message in
        say("[\(fixed(Date().timeIntervalSince(start), 0)) s] \(message)")
    }
    // --tagging-cache PATH: reuse the tagging stage stored there by an earlier run with the
    // same tagger settings (parser experiments), else train it and store it there.
    var tagging: SyntaxTrainer.Tagging?
    if let cache = options["tagging-cache"], let data = FileManager.default.contents(atPath: cache) {
        tagging = try? SyntaxTrainer.Tagging(bytes: [UInt8](data))
    }
    let model: SyntaxModel
    if let cache = options["tagging-cache"], tagging == nil {
        let fresh = trainer.trainTagging()
        try? Data(fresh.serialized()).write(to: URL(fileURLWithPath: cache))
        model = trainer.run(tagging: fresh)
    } else {
        model = trainer.run(tagging: tagging)
    }
    let bytes = model.serialized()
    do {
        try Data(bytes).write(to: URL(fileURLWithPath: output))
    } catch {
        fail("\(output): cannot write the model: \(error)")
    }
    say("wrote \(output): \(fixed(Double(bytes.count) / 1_000_000)) MB; training took \(fixed(Date().timeIntervalSince(start), 0)) s")
    say(model.settings)
}
