/// Trains a `SyntaxModel` from annotated sentences: the tagger first (best iteration by dev
/// UPOS), then jackknifed tags for the training sentences (each fold tagged by a tagger that
/// did not see it), then the parser on those predicted tags with the arc-hybrid dynamic
/// oracle and exploration, or with a beam and global updates (`SyntaxTrainer+Beam`), and
/// optionally the relabeller (best iteration by dev LAS). Deterministic for a given seed.
/// No I/O: progress goes to `log`.
public struct SyntaxTrainer {
    public struct Settings: Sendable {
        public var taggerIterations = 10
        public var parserIterations = 20
        /// Jackknife folds for the parser's training tags (0 or 1: gold tags).
        public var folds = 10
        public var seed: UInt64 = 2026
        /// Parser iterations (1-based) from which predicted wrong transitions are followed.
        public var explorationStart = 2
        public var explorationProbability = 0.9
        /// A tag dictionary keeps words seen this often.
        public var dictionaryMinCount = 8
        /// UPOS|XPOS pairs seen this often are tags of their own (0: UPOS only).
        public var minTagPairCount = 0
        /// Whether the parser trains on non-projective trees too (the dynamic oracle then
        /// follows the cheapest action; some arcs of such trees are unreachable).
        public var nonProjective = true
        /// Features updated fewer times are dropped from the shipped weights.
        public var minUpdates: Int32 = 2
        /// Quantized weights smaller than this are dropped.
        public var minQuantized: Int16 = 1
        /// Transition features updated fewer times are dropped (0: `minUpdates`); a beam's
        /// updates touch many more features than greedy training's.
        public var transitionMinUpdates: Int32 = 0
        /// Whether the parser has a second labelling pass over the complete tree (+0.07 dev
        /// LAS, 7 % slower: off by default).
        public var relabelling = false
        /// The parser's beam width (1: greedy, trained with the dynamic oracle and exploration;
        /// more: beam search, trained globally with max-violation updates).
        public var beamWidth = 1
        /// Mixed into the parser's random generator (shuffles, exploration) only, so that
        /// parser runs can vary over a stored tagging stage (0: the generator as tagging left it).
        public var parserSeed: UInt64 = 0
        /// Parsers trained with each of these parser seeds over the same tagging stage, whose
        /// weights are then averaged into the model's parser (`ParserAveraging.swift`); empty or
        /// one seed: one parser, with `parserSeed`.
        public var parserSeeds: [UInt64] = [3, 4, 5, 6]
        /// The smallest quantized weight the averaged parser keeps (`SyntaxModel.averagingParsers`).
        public var averageMinQuantized: Int16 = 110
        public init() {}

        var description: String {
            "tagger_iterations=\(taggerIterations)\nparser_iterations=\(parserIterations)\nfolds=\(folds)\nseed=\(seed)\n"
                + "exploration_start=\(explorationStart)\nexploration_probability=\(explorationProbability)\n"
                + "dictionary_min_count=\(dictionaryMinCount)\nmin_tag_pair_count=\(minTagPairCount)\nnon_projective=\(nonProjective)\nmin_updates=\(minUpdates)\nmin_quantized=\(minQuantized)\n"
                + "relabelling=\(relabelling)\nbeam_width=\(beamWidth)\ntransition_min_updates=\(transitionMinUpdates)\n"
                + (parserSeed != 0 ? "parser_seed=\(parserSeed)\n" : "")
                + (parserSeeds.count > 1 ? "parser_seeds=\(parserSeeds.map(String.init).joined(separator: ","))\naverage_min_quantized=\(averageMinQuantized)\n" : "")
        }
    }

    let train: [CoNLLUSentence]
    let dev: [CoNLLUSentence]
    let settings: Settings
    /// Word clusters from unlabelled text (`TagDictionary.clusters(_:)`), stored in the model.
    let clusters: [UInt64: UInt32]
    let log: (String) -> Void
    public init(train: [CoNLLUSentence], dev: [CoNLLUSentence], settings: Settings, clusters: [UInt64: UInt32] = [:],
                log: @escaping (String) -> Void) {
        self.train = train
        self.dev = dev
        self.settings = settings
        self.clusters = clusters
        self.log = log
    }

    /// A SplitMix64 generator: fixed seed, same sequence on every platform.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
        mutating func shuffle(_ a: inout [Int]) {
            guard a.count > 1 else { return }
            for i in stride(from: a.count - 1, to: 0, by: -1) { a.swapAt(i, Int(next() % UInt64(i + 1))) }
        }
    }

    /// The tagging stage of training: the tagger, and the jackknifed tags of the training
    /// sentences the parser learns from. It depends only on the tagger's settings
    /// (`taggingKey`), so parser experiments can reuse it (`kg-train-syntax --tagging-cache`).
    public struct Tagging: Sendable {
        let key: String
        let tagger: Tagger
        let bestFirst: Int, bestSecond: Int
        /// Jackknifed fine tags of each training sentence.
        let trainTags: [[Int]]
        /// The random generator's state after tagging, so the parser sees the same sequence.
        let randomState: UInt64
    }

    /// The settings the tagging stage depends on, with the tagger's feature version.
    var taggingKey: String {
        "tagger_features=\(TaggerFeatures.version)\ntagger_iterations=\(settings.taggerIterations)\nfolds=\(settings.folds)\nseed=\(settings.seed)\n"
            + "dictionary_min_count=\(settings.dictionaryMinCount)\nmin_tag_pair_count=\(settings.minTagPairCount)\n"
            + "min_updates=\(settings.minUpdates)\nmin_quantized=\(settings.minQuantized)\ntrain_sentences=\(train.count)\n"
            + "word_clusters=\(clusters.count)\n"
    }

    /// Trains the model.
    /// - Parameter tagging: the tagging stage from an earlier run with the same tagger settings
    ///   (ignored when its settings differ), else it is trained here.
    /// - Returns: the model, with its settings and dev scores in `settings`.
    /// - Complexity: O(iterations × words × features).
    public func run(tagging cached: Tagging? = nil) -> SyntaxModel {
        let tagging = cached.flatMap { $0.key == taggingKey ? $0 : nil } ?? trainTagging()
        guard settings.parserSeeds.count > 1 else {
            if let seed = settings.parserSeeds.first {
                var one = settings
                one.parserSeed = seed
                return SyntaxTrainer(train: train, dev: dev, settings: one, clusters: clusters, log: log).trainParser(tagging)
            }
            return trainParser(tagging)
        }
        var models: [SyntaxModel] = []
        for seed in settings.parserSeeds {
            var one = settings
            one.parserSeed = seed
            one.parserSeeds = []
            log("parser seed \(seed) (\(models.count + 1) of \(settings.parserSeeds.count))")
            models.append(SyntaxTrainer(train: train, dev: dev, settings: one, clusters: clusters, log: log).trainParser(tagging))
        }
        // (Every model has the same tagger: averaging cannot fail.)
        var model = try! SyntaxModel.averagingParsers(of: models, minQuantized: settings.averageMinQuantized)
        var score = AttachmentScore()
        for sentence in dev { score.add(gold: sentence.words, predicted: model.analyse(sentence.forms)) }
        log("averaged parser of \(models.count) seeds: dev UPOS \(fixed2(score.upos)) UAS \(fixed2(score.uas)) LAS \(fixed2(score.las)) "
            + "(\(model.parser.transitions.featureCount)+\(model.parser.relations.featureCount)+\(model.parser.relabels.featureCount) features)")
        let perSeed = models.map { m in
            m.settings.split(separator: "\n").filter { ["parser_seed", "best_parser_iteration", "dev_uas", "dev_las"].contains($0.split(separator: "=").first ?? "") }
                .map { $0.split(separator: "=").last.map(String.init) ?? "" }.joined(separator: "/")
        }
        model.settings = settings.description
            + "best_tagger_iterations=\(models[0].settings.split(separator: "\n").first { $0.hasPrefix("best_tagger_iterations=") }?.dropFirst(23) ?? "")\n"
            + "seeds_parser_best_iteration_dev_uas_las=\(perSeed.joined(separator: " "))\n"
            + "dev_upos=\(fixed2(score.upos))\ndev_uas=\(fixed2(score.uas))\ndev_las=\(fixed2(score.las))\n"
            + "train_sentences=\(train.count)\nword_clusters=\(clusters.count)\n"
        return model
    }

    /// The fine tag of a word: its UPOS|XPOS pair when seen often enough, else the bare UPOS.
    func fineTagger() -> (CoNLLUSentence.Word) -> String {
        var pairCounts: [String: Int] = [:]
        for s in train { for w in s.words { pairCounts[w.upos + "|" + w.xpos, default: 0] += 1 } }
        let minCount = settings.minTagPairCount
        return { w in
            let pair = w.upos + "|" + w.xpos
            return minCount > 0 && (pairCounts[pair] ?? 0) >= minCount ? pair : w.upos
        }
    }

    /// Trains the tagger and tags the training sentences by jackknifing.
    public func trainTagging() -> Tagging {
        let fineTag = fineTagger()
        let tags = Array(Set(train.flatMap { $0.words.map(fineTag) })).sorted()
        let tagIndex = Dictionary(uniqueKeysWithValues: tags.enumerated().map { ($1, $0) })
        log("\(train.count) training sentences, \(dev.count) dev sentences; \(tags.count) tags")
        var random = Random(state: settings.seed)

        // 1. The tagger's first pass, on all of train; its best iteration count is reused for the folds.
        let gold = train.map { $0.words.map { tagIndex[fineTag($0)] ?? 0 } }
        let dictionary = buildDictionary(train, gold: gold)
        let devContexts = dev.map { WordContext(words: $0.forms, dictionary: dictionary) }
        let scratch = Tagger(tags: tags, dictionary: dictionary, weights: .empty(tags.count), second: .empty(tags.count))
        let (first, bestFirst) = trainPass(train, gold: gold, dictionary: dictionary, right: nil, iterations: settings.taggerIterations,
                                           random: &random, dev: (devContexts, nil), name: "tagger pass 1", tagger: scratch)
        let devFirst = devContexts.map { scratch.pass($0, first, right: nil) }

        // 2. Jackknifed first-pass tags of train: each fold tagged by a tagger trained on the others.
        let folds = max(settings.folds, 1)
        // Contiguous blocks (whole documents, mostly), so that a fold's tags are as wrong as
        // tags of unseen text are.
        let fold = { (i: Int) -> Int in i * folds / max(self.train.count, 1) }
        var foldDictionaries: [TagDictionary] = []
        var trainFirst = gold
        if folds > 1 {
            for k in 0..<folds {
                let rest = train.indices.filter { fold($0) != k }
                let foldDictionary = buildDictionary(rest.map { train[$0] }, gold: rest.map { gold[$0] })
                foldDictionaries.append(foldDictionary)
                var foldRandom = Random(state: settings.seed &+ UInt64(k) &+ 1)
                let (table, _) = trainPass(rest.map { train[$0] }, gold: rest.map { gold[$0] }, dictionary: foldDictionary, right: nil,
                                           iterations: bestFirst, random: &foldRandom, dev: nil, name: "", tagger: scratch)
                for i in train.indices where fold(i) == k {
                    trainFirst[i] = scratch.pass(WordContext(words: train[i].forms, dictionary: foldDictionary), table, right: nil)
                }
            }
            log("jackknifed first-pass training tags (\(folds) folds): \(fixed2(agreement(trainFirst, gold))) % of fine tags right")
        }

        // 3. The second pass, which also reads the first pass's tags to the right.
        let (second, bestSecond) = trainPass(train, gold: gold, dictionary: dictionary, right: trainFirst, iterations: settings.taggerIterations,
                                             random: &random, dev: (devContexts, devFirst), name: "tagger pass 2", tagger: scratch)
        let tagger = Tagger(tags: tags, dictionary: dictionary, weights: first, second: second)

        // 4. Jackknifed second-pass tags of train, for the parser.
        var trainTags = gold
        if folds > 1 {
            for k in 0..<folds {
                let rest = train.indices.filter { fold($0) != k }
                var foldRandom = Random(state: settings.seed &+ UInt64(k) &+ 101)
                let (table, _) = trainPass(rest.map { train[$0] }, gold: rest.map { gold[$0] }, dictionary: foldDictionaries[k],
                                           right: rest.map { trainFirst[$0] }, iterations: bestSecond, random: &foldRandom,
                                           dev: nil, name: "", tagger: scratch)
                for i in train.indices where fold(i) == k {
                    let w = WordContext(words: train[i].forms, dictionary: foldDictionaries[k])
                    trainTags[i] = trainFirst[i].withUnsafeBufferPointer { scratch.pass(w, table, right: $0) }
                }
            }
            log("jackknifed second-pass training tags (\(folds) folds): \(fixed2(agreement(trainTags, gold))) % of fine tags right")
        }

        return Tagging(key: taggingKey, tagger: tagger, bestFirst: bestFirst, bestSecond: bestSecond, trainTags: trainTags, randomState: random.state)
    }

    /// Trains the parser on the tagging stage's tags (best iteration by dev LAS).
    func trainParser(_ tagging: Tagging) -> SyntaxModel {
        let tagger = tagging.tagger, trainTags = tagging.trainTags
        let bestFirst = tagging.bestFirst, bestSecond = tagging.bestSecond
        var random = Random(state: tagging.randomState ^ settings.parserSeed)
        let labels = Array(Set(train.flatMap { $0.words.map(\.deprel) })).sorted()
        let labelIndex = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($1, $0) })
        log("\(labels.count) relations")
        let devContexts = dev.map { WordContext(words: $0.forms, dictionary: tagger.dictionary) }
        let devTags = devContexts.map { tagger.tag($0) }

        // 5. The parser.
        let contexts = train.map { WordContext(words: $0.forms, dictionary: tagger.dictionary) }
        var transitions = PerceptronTrainer(classes: 3)
        var relations = PerceptronTrainer(classes: labels.count)
        var relabels = PerceptronTrainer(classes: labels.count)
        var best: (las: Double, parser: DependencyParser, iteration: Int, score: AttachmentScore)?
        var order = train.indices.filter { settings.nonProjective || ArcHybrid.isProjective(heads: [-1] + train[$0].words.map { $0.head ?? 0 }) }
        log("parser training on \(order.count) of \(train.count) sentences (non-projective \(settings.nonProjective ? "kept" : "skipped"))")
        var features = FeatureBuffer(capacity: ParserFeatures.capacity)
        defer { features.deallocate() }
        var scores = [Float](repeating: 0, count: 3)
        var labelScores = [Float](repeating: 0, count: labels.count)
        var beamScratch = BeamScratch(labels: labels.count)
        defer { beamScratch.features.deallocate() }
        for iteration in 1...max(settings.parserIterations, 1) {
            random.shuffle(&order)
            let explore = iteration >= settings.explorationStart
            var correctTransitions = 0, allTransitions = 0
            for s in order {
                let sentence = train[s]
                let n = sentence.words.count
                let gold = ArcHybrid.Gold(heads: [-1] + sentence.words.map { $0.head ?? 0 })
                let goldLabels = sentence.words.map { labelIndex[$0.deprel] ?? 0 }
                let items = ParserFeatures.Items(w: contexts[s], tags: trainTags[s], kinds: tagger.kinds)
                var state = ArcHybrid(words: n)
                // The first pass's predicted labels (the state holds gold ones before exploration).
                var predicted = [Int32](repeating: -1, count: n + 1)
                if settings.beamWidth > 1 && n > 0 {
                    let (final, optimal) = trainBeamSentence(n: n, items: items, gold: gold, goldLabels: goldLabels, width: settings.beamWidth,
                                                             transitions: &transitions, relations: &relations, &beamScratch)
                    state = final
                    predicted = final.labels
                    allTransitions += 1
                    correctTransitions += optimal ? 1 : 0
                }
                while !state.isTerminal {
                    if let forced = state.onlyValidAction {
                        // No decision, nothing to learn (as in parsing).
                        let label = forced == .shift ? -1 : labelArc(state, forced, items, gold, goldLabels, &relations, &features, &labelScores, explore, &predicted)
                        state.apply(forced, label: label)
                        continue
                    }
                    ParserFeatures.extract(state, items, into: &features)
                    transitions.score(features.keys, into: &scores)
                    var costs = [Int.max, Int.max, Int.max]
                    var minCost = Int.max
                    var guess = -1, truth = -1
                    for a in ArcHybrid.Action.allCases where state.isValid(a) {
                        let c = state.cost(a, gold: gold)
                        costs[a.rawValue] = c
                        minCost = min(minCost, c)
                        if guess < 0 || scores[a.rawValue] > scores[guess] { guess = a.rawValue }
                    }
                    for a in 0..<3 where costs[a] == minCost {
                        if truth < 0 || scores[a] > scores[truth] { truth = a }
                    }
                    guard guess >= 0 else { break }
                    transitions.tick()
                    allTransitions += 1
                    var chosen = guess
                    if costs[guess] > minCost {
                        transitions.update(features.keys, truth: truth, guess: guess)
                        if !(explore && random.unit() < settings.explorationProbability) { chosen = truth }
                    } else {
                        correctTransitions += 1
                    }
                    let action = ArcHybrid.Action(rawValue: chosen)!
                    let label = action == .shift ? -1 : labelArc(state, action, items, gold, goldLabels, &relations, &features, &labelScores, explore, &predicted)
                    state.apply(action, label: label)
                }
                if settings.relabelling {
                    // The second pass learns on the tree as parsed, from the arcs with right heads.
                    let tree = ParsedTree(heads: state.heads, labels: predicted)
                    for d in 1...max(n, 1) where n > 0 && Int(state.heads[d]) == gold.heads[d] {
                        ParserFeatures.extractRelabel(tree, items, dependent: d, into: &features)
                        relabels.score(features.keys, into: &labelScores)
                        var guess = 0
                        for c in labelScores.indices.dropFirst() where labelScores[c] > labelScores[guess] { guess = c }
                        relabels.tick()
                        relabels.update(features.keys, truth: goldLabels[d - 1], guess: guess)
                    }
                }
            }
            let first = DependencyParser(labels: labels,
                                         transitions: transitions.averaged(minUpdates: settings.transitionMinUpdates > 0 ? settings.transitionMinUpdates : settings.minUpdates,
                                                                           minQuantized: settings.minQuantized),
                                         relations: relations.averaged(minUpdates: settings.minUpdates, minQuantized: settings.minQuantized),
                                         relabels: .empty(labels.count), beamWidth: settings.beamWidth)
            let parser = !settings.relabelling ? first
                : DependencyParser(labels: labels, transitions: first.transitions, relations: first.relations,
                                   relabels: relabels.averaged(minUpdates: settings.minUpdates, minQuantized: settings.minQuantized),
                                   beamWidth: settings.beamWidth)
            var score = AttachmentScore(), firstScore = AttachmentScore()
            for (i, sentence) in dev.enumerated() {
                let (heads, labelIDs) = parser.parse(devContexts[i], tags: devTags[i], forms: sentence.forms,
                                                     isPunctuation: devTags[i].map { tagger.upos[$0] == "PUNCT" }, kinds: tagger.kinds)
                score.add(gold: sentence.words, predicted: SyntaxAnalysis(upos: devTags[i].map { tagger.upos[$0] }, heads: heads,
                                                                            relations: labelIDs.map { $0 >= 0 ? labels[$0] : "dep" }))
                if settings.relabelling {
                    let (heads, labelIDs) = first.parse(devContexts[i], tags: devTags[i], forms: sentence.forms,
                                                        isPunctuation: devTags[i].map { tagger.upos[$0] == "PUNCT" }, kinds: tagger.kinds)
                    firstScore.add(gold: sentence.words, predicted: SyntaxAnalysis(upos: devTags[i].map { tagger.upos[$0] }, heads: heads,
                                                                                    relations: labelIDs.map { $0 >= 0 ? labels[$0] : "dep" }))
                }
            }
            log("parser iteration \(iteration): train \(settings.beamWidth > 1 ? "sentences parsed optimally" : "transitions") \(fixed2(100 * Double(correctTransitions) / Double(max(allTransitions, 1))))%; "
                + "dev UPOS \(fixed2(score.upos)) UAS \(fixed2(score.uas)) LAS \(fixed2(score.las)) "
                + (settings.relabelling ? "(first pass LAS \(fixed2(firstScore.las))) " : "")
                + "(\(parser.transitions.featureCount)+\(parser.relations.featureCount)+\(parser.relabels.featureCount) features, "
                + "\(parser.transitions.entryCount)+\(parser.relations.entryCount)+\(parser.relabels.entryCount) weights)")
            if best == nil || score.las > best!.las { best = (score.las, parser, iteration, score) }
        }
        let chosen = best!
        let description = settings.description
            + "best_tagger_iterations=\(bestFirst),\(bestSecond)\nbest_parser_iteration=\(chosen.iteration)\n"
            + "dev_upos=\(fixed2(chosen.score.upos))\ndev_uas=\(fixed2(chosen.score.uas))\ndev_las=\(fixed2(chosen.score.las))\n"
            + "train_sentences=\(train.count)\nword_clusters=\(clusters.count)\n"
        return SyntaxModel(settings: description, tagger: tagger, parser: chosen.parser)
    }

    /// Labels the arc `action` makes in training: trains the labeller when the head is right,
    /// records its prediction in `predictedLabels`, and returns the label to attach (gold
    /// before exploration, else the prediction).
    func labelArc(_ state: ArcHybrid, _ action: ArcHybrid.Action, _ items: ParserFeatures.Items, _ gold: ArcHybrid.Gold,
                  _ goldLabels: [Int], _ relations: inout PerceptronTrainer, _ features: inout FeatureBuffer,
                  _ labelScores: inout [Float], _ explore: Bool, _ predictedLabels: inout [Int32]) -> Int {
        let d = state.s(0), h = state.head(for: action)
        ParserFeatures.extractLabel(state, items, dependent: d, head: h, into: &features)
        relations.score(features.keys, into: &labelScores)
        var predicted = 0
        for c in labelScores.indices.dropFirst() where labelScores[c] > labelScores[predicted] { predicted = c }
        predictedLabels[d] = Int32(predicted)
        guard h == gold.heads[d] else { return predicted }
        relations.tick()
        relations.update(features.keys, truth: goldLabels[d - 1], guess: predicted)
        return explore ? predicted : goldLabels[d - 1]
    }

    /// The share of equal tags, in percent.
    func agreement(_ a: [[Int]], _ b: [[Int]]) -> Double {
        var same = 0, total = 0
        for (x, y) in zip(a, b) { for (p, q) in zip(x, y) { total += 1; if p == q { same += 1 } } }
        return 100 * Double(same) / Double(max(total, 1))
    }

    /// The tag dictionary of tagged sentences.
    func buildDictionary(_ sentences: [CoNLLUSentence], gold: [[Int]]) -> TagDictionary {
        var occurrences: [(word: UInt64, tag: Int)] = []
        let empty = TagDictionary()
        for (s, g) in zip(sentences, gold) {
            let w = WordContext(words: s.forms, dictionary: empty)
            for i in 0..<w.count {
                occurrences.append((w.lower[i], g[i]))
                occurrences.append((w.form[i], g[i]))
            }
        }
        return TagDictionary.build(occurrences, minCount: settings.dictionaryMinCount, minShare: 0.01, clusters: clusters)
    }

    /// Trains one tagger pass on `sentences` (with the first pass's tags `right` for the second
    /// pass). With `dev`, logs dev UPOS per iteration and keeps the best iteration; without,
    /// runs exactly `iterations` iterations.
    func trainPass(_ sentences: [CoNLLUSentence], gold: [[Int]], dictionary: TagDictionary, right: [[Int]]?, iterations: Int,
                   random: inout Random, dev: (contexts: [WordContext], right: [[Int]]?)?, name: String,
                   tagger: Tagger) -> (WeightTable, Int) {
        let tags = tagger.tags
        let contexts = sentences.map { WordContext(words: $0.forms, dictionary: dictionary) }
        var trainer = PerceptronTrainer(classes: tags.count)
        var order = Array(sentences.indices)
        var features: [UInt64] = []
        var scores = [Float](repeating: 0, count: tags.count)
        let start = tags.count + 1
        var best: (accuracy: Double, table: WeightTable, iteration: Int)?
        for iteration in 1...max(iterations, 1) {
            random.shuffle(&order)
            for s in order {
                let w = contexts[s]
                var predicted: [Int] = []
                let rightTags = right?[s] ?? []
                rightTags.withUnsafeBufferPointer { r in
                    for i in 0..<w.count {
                        TaggerFeatures.extract(w, i, p1: i > 0 ? predicted[i - 1] : start, p2: i > 1 ? predicted[i - 2] : start,
                                               right: right == nil ? nil : r, into: &features)
                        trainer.score(features, into: &scores)
                        var guess = 0
                        for c in scores.indices.dropFirst() where scores[c] > scores[guess] { guess = c }
                        trainer.tick()
                        trainer.update(features, truth: gold[s][i], guess: guess)
                        predicted.append(guess)
                    }
                }
            }
            guard dev != nil || iteration == iterations else { continue }
            let table = trainer.averaged(minUpdates: settings.minUpdates, minQuantized: settings.minQuantized)
            guard let dev else { return (table, iteration) }
            var correct = 0, total = 0
            for (k, s) in self.dev.enumerated() {
                let p: [Int]
                if let r = dev.right?[k] { p = r.withUnsafeBufferPointer { tagger.pass(dev.contexts[k], table, right: $0) } }
                else { p = tagger.pass(dev.contexts[k], table, right: nil) }
                for (t, w) in zip(p, s.words) { total += 1; if tagger.upos[t] == w.upos { correct += 1 } }
            }
            let accuracy = 100 * Double(correct) / Double(max(total, 1))
            log("\(name) iteration \(iteration): dev UPOS \(fixed2(accuracy)) (\(table.featureCount) features, \(table.entryCount) weights)")
            if best == nil || accuracy > best!.accuracy { best = (accuracy, table, iteration) }
        }
        return (best!.table, best!.iteration)
    }
}
