import KnowledgeGraph
import Ontology

/// The working state of one document through the pipeline: tokens, sentences, the
/// document's entity table and the actor mentions of each sentence.
final class DocumentAnalysis {
    let knowledge: Knowledge
    let text: String
    let tokens: [Token]
    let sentences: [Range<Int>]
    /// The document date (ISO), used to pick office holders.
    let date: String?
    /// Entities mentioned in the document.
    var entities: [Entity] = []
    var entityIndex: [String: Int] = [:]
    /// Title words seen with each person entity ("president", "secretary").
    var roles: [Int: Set<String>] = [:]
    /// The states and bodies each person leads by a leader's title in the text so far
    /// (`Mention.leaderOf`).
    var leaders: [Int: Set<Int>] = [:]
    /// Surnames of people introduced by the text (not in the gazetteer).
    var localNames: [String: Int] = [:]
    /// Mentions of each sentence, in token order.
    var mentions: [[Mention]] = []
    /// Whether each token is inside a quotation.
    var quoted: [Bool] = []
    /// The agents of the events named so far, by event noun ("launch" → North Korea), for
    /// definite references back to them ("denounced the launch").
    var eventAgents: [String: [Int]] = [:]
    /// The sentence and the agents of the latest deed the parse read (the subjects of an asserted
    /// verb trigger of a material relation), for "condemned the move" in that sentence or the next.
    var latestAct: (sentence: Int, agents: [Int])? = nil
    /// The tokens of the triggers the parse shows give no triple: only asked for ("urged Sudan to
    /// attack Chad"), or talks between others only offered or called for. The pattern stage's
    /// readings of them are dropped when both stages run.
    var vetoedTriggers = Set<Int>()
    /// The tokens of the triggers the parse gave a triple for, with the subjects it found (both
    /// sides of a symmetric relation): the
    /// pattern stage's readings of them with another subject are dropped when both stages run
    /// (the parse's subject wins: "The GCC, whose members include Qatar, backed Kuwait" is the GCC's).
    var resolvedTriggers: [Int: Set<Int>] = [:]
    /// The tokens of the symmetric triggers whose parties the parse found as one coordinated
    /// subject ("the ministers of Peru and Chile signed"): the pattern stage's readings of them
    /// need both sides among those parties.
    var coordinatedTriggers = Set<Int>()
    /// The subjects the parse found for each trigger, with or without an object: none of them is
    /// the object of another of them by that trigger ("talks in Doha mediated by Qatar and Turkey":
    /// Turkey does not mediate Qatar), so the pattern stage's readings that say so are dropped.
    var parsedSubjects: [Int: Set<Int>] = [:]
    /// The verbs the parse read as verb-object frames that gave a triple ("talks hosted by
    /// Qatar": "host talks", mediates), with the frames' relations: the pattern stage's readings
    /// of the verb alone with another relation ("host", meetsWith) are dropped when both stages run.
    var framedTriggers: [Int: Set<String>] = [:]
    /// The trigger words the parse shows as nouns with a determiner, possessor or adjective
    /// ("Belgrade's legitimate demands"): the pattern stage's verb readings of them are dropped
    /// when both stages run.
    var parsedNouns = Set<Int>()
    /// The issuer of a statement, the referent of "we" outside quotes.
    var issuer: Int? = nil
    var issuerNote = ""
    /// Whether each sentence is a title-case headline, once asked (`isTitleCase`).
    var titleCase: [Int: Bool] = [:]
    /// All the issuers when "we" names several ("We, the Foreign Ministers of A, B and C").
    var issuerGroup: [Int] = []
    /// The coordinations of the sentence the relation stage is on (`coordinationGroups`).
    var coordinationCache: (count: Int, first: Range<Int>?, last: Range<Int>?, groups: [[Int]])? = nil

    /// Whether to keep notes on how each mention and relation was found (for `kg explain`).
    let trace: Bool
    /// The parse of each sentence the relation stage parsed, kept when tracing.
    var trees: [Int: DependencyTree] = [:]
    /// With `trace`, per sentence, the triggers the construction stage found no arguments for.
    var unmatchedTriggers: [Int: [String]] = [:]

    init(knowledge: Knowledge, text: String, date: String?, id: String = "", trace: Bool = false) {
        self.trace = trace
        self.knowledge = knowledge
        // Native UTF-8 storage, so that slicing by UTF-8 offsets (`span`) is O(1) to find even
        // for a string bridged from elsewhere (a no-op for native strings).
        var text = text
        text.makeContiguousUTF8()
        self.text = text
        // The scalars in one pass (no separate count): UTF-8 length bounds their number.
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(text.utf8.count)
        for s in text.unicodeScalars { scalars.append(s) }
        var tokens = knowledge.tokenizer.tokenize(text, scalars: scalars)
        knowledge.annotate(&tokens)
        self.tokens = tokens
        self.sentences = SentenceSplitter.split(tokens)
        self.date = date ?? DateFinder.date(inName: id) ?? DateFinder.latestDate(in: tokens)
        var inside = false
        var q: [Bool] = []
        q.reserveCapacity(tokens.count)
        for i in tokens.indices {
            // A quotation never runs over a line break (paragraphs close their quotes).
            if tokens[i].lineBreakBefore && i > 0 { inside = false }
            if tokens[i].norm == "\"" {
                q.append(true)
                inside.toggle()
                continue
            }
            q.append(inside)
        }
        quoted = q
    }


    /// The local index of a gazetteer entity, adding it on first use.
    func local(_ entity: Entity) -> Int {
        if let i = entityIndex[entity.key] { return i }
        entities.append(entity)
        entityIndex[entity.key] = entities.count - 1
        return entities.count - 1
    }

    func local(entry: Int) -> Int { local(knowledge.entries[entry].entity) }

    func local(key: String) -> Int? {
        if let i = entityIndex[key] { return i }
        guard let e = knowledge.entryByKey[key] else { return nil }
        return local(entry: e)
    }

    /// The text of tokens `range` as written, with original spacing (a copy of its UTF-8).
    /// - Complexity: O(length of the span).
    func span(_ range: Range<Int>) -> String {
        guard let first = range.first, let last = range.last else { return "" }
        let utf8 = text.utf8
        return String(text[utf8.index(utf8.startIndex, offsetBy: tokens[first].start8)..<utf8.index(utf8.startIndex, offsetBy: tokens[last].end8)])
    }

    func sentenceText(_ s: Int) -> String { span(sentences[s]) }

    /// Whether the tokens from `i` spell `words` (lower case).
    func matches(_ words: [String], at i: Int, limit: Int) -> Bool {
        guard i + words.count <= limit else { return false }
        for (k, w) in words.enumerated() where tokens[i + k].lower != w { return false }
        return true
    }

    /// The longest of `phrases` starting at `i`, if any.
    /// - Complexity: O(phrases starting with the token's word).
    func longest(_ phrases: PhraseIndex, at i: Int, limit: Int) -> [String]? {
        guard i < limit, tokens[i].is(phrases.start), let candidates = phrases.byFirst[tokens[i].lower] else { return nil }
        for p in candidates where matches(p, at: i, limit: limit) { return p }
        return nil
    }
}
