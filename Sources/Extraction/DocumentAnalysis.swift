import KnowledgeGraph
import Ontology

/// The working state of one document through the pipeline: tokens, sentences, the
/// document's entity table and the actor mentions of each sentence.
final class DocumentAnalysis {
    let knowledge: Knowledge
    let text: String
    let tokens: [Token]
    /// The text as Unicode scalars, for O(1) slicing by token offsets.
    let scalars: [Unicode.Scalar]
    let sentences: [Range<Int>]
    /// The document date (ISO), used to pick office holders.
    let date: String?
    /// Entities mentioned in the document.
    var entities: [Entity] = []
    var entityIndex: [String: Int] = [:]
    /// Title words seen with each person entity ("president", "secretary").
    var roles: [Int: Set<String>] = [:]
    /// Surnames of people introduced by the text (not in the gazetteer).
    var localNames: [String: Int] = [:]
    /// Mentions of each sentence, in token order.
    var mentions: [[Mention]] = []
    /// Whether each token is inside a quotation.
    var quoted: [Bool] = []
    /// The agents of the events named so far, by event noun ("launch" → North Korea), for
    /// definite references back to them ("denounced the launch").
    var eventAgents: [String: [Int]] = [:]
    /// The issuer of a statement, the referent of "we" outside quotes.
    var issuer: Int? = nil
    var issuerNote = ""

    /// Whether to keep notes on how each mention and relation was found (for `kg explain`).
    let trace: Bool

    init(knowledge: Knowledge, text: String, date: String?, id: String = "", trace: Bool = false) {
        self.trace = trace
        self.knowledge = knowledge
        self.text = text
        let tokens = knowledge.tokenizer.tokenize(text)
        self.tokens = tokens
        self.scalars = Array(text.unicodeScalars)
        self.sentences = SentenceSplitter.split(tokens)
        self.date = date ?? DateFinder.date(inName: id) ?? DateFinder.latestDate(in: tokens)
        var inside = false
        var q: [Bool] = []
        q.reserveCapacity(tokens.count)
        for (i, t) in tokens.enumerated() {
            // A quotation never runs over a line break (paragraphs close their quotes).
            if t.lineBreakBefore && i > 0 { inside = false }
            if t.norm == "\"" {
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

    /// The text of tokens `range` as written, with original spacing.
    /// - Complexity: O(length of the span).
    func span(_ range: Range<Int>) -> String {
        guard let first = range.first, let last = range.last else { return "" }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[tokens[first].start..<tokens[last].end])
        return String(view)
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
        guard i < limit, let candidates = phrases.byFirst[tokens[i].lower] else { return nil }
        for p in candidates where matches(p, at: i, limit: limit) { return p }
        return nil
    }
}

/// Finds the date of a document in its text: the latest full date written in it.
enum DateFinder {
    static let monthNumbers: [String: Int] = {
        var table: [String: Int] = [:]
        let months = ["january", "february", "march", "april", "may", "june", "july", "august",
                      "september", "october", "november", "december"]
        for (k, m) in months.enumerated() {
            table[m] = k + 1
            table[String(m.prefix(3)) + "."] = k + 1
        }
        table["sept."] = 9
        return table
    }()

    static func month(_ t: Token) -> Int? {
        guard t.isCapitalized else { return nil }
        return monthNumbers[t.lower]
    }

    static func number(_ t: Token, _ range: ClosedRange<Int>) -> Int? {
        guard let first = t.text.utf8.first, first >= 48, first <= 57, t.text.utf8.count <= 4,
              let n = Int(t.text), range.contains(n) else { return nil }
        return n
    }

    /// A date written in a document's name ("xi-putin-2022-12-30", "20221230-report").
    static func date(inName name: String) -> String? {
        let digits = name.split(whereSeparator: { !$0.isNumber })
        for (k, d) in digits.enumerated() {
            if d.count == 8, let y = Int(d.prefix(4)), let m = Int(d.dropFirst(4).prefix(2)), let day = Int(d.suffix(2)),
               (1900...2100).contains(y), (1...12).contains(m), (1...31).contains(day) {
                return Pad.four(y) + "-" + Pad.two(m) + "-" + Pad.two(day)
            }
            if d.count == 4, k + 2 < digits.count, let y = Int(d), (1900...2100).contains(y),
               let m = Int(digits[k + 1]), let day = Int(digits[k + 2]), (1...12).contains(m), (1...31).contains(day),
               digits[k + 1].count <= 2, digits[k + 2].count <= 2 {
                return Pad.four(y) + "-" + Pad.two(m) + "-" + Pad.two(day)
            }
        }
        return nil
    }

    /// "10 March 2023", "March 10, 2023", "2023-03-10"; the latest one, as YYYY-MM-DD.
    static func latestDate(in tokens: [Token]) -> String? {
        var best: String? = nil
        func consider(_ y: Int, _ m: Int, _ d: Int) {
            let s = Pad.four(y) + "-" + Pad.two(m) + "-" + Pad.two(d)
            if best == nil || s > best! { best = s }
        }
        for i in tokens.indices {
            guard let m = month(tokens[i]) else { continue }
            // D Month YYYY
            if i >= 1, i + 1 < tokens.count, let d = number(tokens[i - 1], 1...31), let y = number(tokens[i + 1], 1900...2100) {
                consider(y, m, d)
            }
            // Month D, YYYY
            if i + 3 < tokens.count, let d = number(tokens[i + 1], 1...31), tokens[i + 2].norm == ",",
               let y = number(tokens[i + 3], 1900...2100) {
                consider(y, m, d)
            }
        }
        // ISO dates are tokenized as number - number - number
        for i in tokens.indices where i + 4 < tokens.count {
            if let y = number(tokens[i], 1900...2100), tokens[i + 1].norm == "-", let m = number(tokens[i + 2], 1...12),
               tokens[i + 3].norm == "-", let d = number(tokens[i + 4], 1...31), !tokens[i + 1].spaceBefore {
                consider(y, m, d)
            }
        }
        return best
    }
}

enum Pad {
    static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    static func four(_ n: Int) -> String {
        var digits = "\(n)"
        while digits.count < 4 { digits = "0" + digits }
        return digits
    }
}
