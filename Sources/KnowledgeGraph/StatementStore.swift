/// The compact statement store behind `Graph`: packed keys, a columnar mention table, an
/// open-addressing key table, and subject, object and relation indexes as backward `UInt32` links.
///
/// Per statement: 12 bytes of key, 4 of last-mention link, 12 of index links, 5–11 of key
/// table and 28 per mention — about 74 bytes with 1.33 mentions (kg-bench, entities included:
/// 95 at 1M statements, 89 at 10M), against about 290 for an array of `Statement`s with
/// `[Evidence]`, a `Dictionary<StatementKey, Int>` and three `Dictionary<_, [Int]>`.
struct StatementStore: Sendable {
    static let none = UInt32.max

    private(set) var keys: [PackedKey] = []
    /// The last mention of each statement.
    private(set) var lastMention: [UInt32] = []
    private(set) var mentions: [Mention] = []
    /// Interned sentences with the when and where of their events: a mention's `quote` points
    /// here, so the date and place cost no byte per mention.
    private(set) var quotes: [String] = []
    private(set) var settings: [EventSetting] = []
    private var quoteIDs: [QuoteKey: UInt32] = [:]
    private(set) var provenances: [Provenance] = []
    private var provenanceIDs: [Provenance: UInt32] = [:]
    /// Evidence whose integers do not fit in `UInt32` (never from the extractor).
    private(set) var overflow: [Evidence] = []
    private(set) var table = StatementIndexTable()
    /// The previous statement with the same subject, object, relation (or `none`).
    private(set) var nextBySubject: [UInt32] = []
    private(set) var nextByObject: [UInt32] = []
    private(set) var nextByRelation: [UInt32] = []
    /// The last statement of each subject, object (by entity id) and relation (by relation id).
    private(set) var subjectHead: [UInt32] = []
    private(set) var objectHead: [UInt32] = []
    private(set) var relationHead: [UInt32] = []

    var count: Int { keys.count }

    /// The index of the statement with exactly this (canonical) key.
    /// - Complexity: O(1) expected.
    @inline(__always)
    func index(of key: StatementKey) -> Int? {
        let packed = PackedKey(key)
        return table.find(hash: packed.hash) { keys[Int($0)] == packed }.map(Int.init)
    }

    /// Adds a mention of `key` (already canonical); returns the statement's index.
    /// - Complexity: O(1) amortized, plus hashing the quote and pattern.
    mutating func add(_ key: StatementKey, evidence: Evidence) -> Int {
        let packed = PackedKey(key)
        let hash = packed.hash
        let m = UInt32(mentions.count)
        var mention = makeMention(evidence)
        if let i = table.find(hash: hash, matches: { keys[Int($0)] == packed }) {
            mention.previous = lastMention[Int(i)]
            mentions.append(mention)
            lastMention[Int(i)] = m
            return Int(i)
        }
        let i = UInt32(keys.count)
        precondition(i < Self.none - 1, "Graph: more than 4 billion statements")
        mention.previous = Self.none
        mentions.append(mention)
        keys.append(packed)
        lastMention.append(m)
        let packedKeys = keys  // no copy: the closure only reads while `table` is being mutated
        table.insert(i, hash: hash) { packedKeys[Int($0)].hash }
        nextBySubject.append(Self.link(&subjectHead, Int(packed.subject), i))
        nextByObject.append(Self.link(&objectHead, Int(packed.object), i))
        nextByRelation.append(Self.link(&relationHead, Int(packed.relation), i))
        return Int(i)
    }

    /// Makes `i` the head of list `slot`; returns the previous head.
    @inline(__always)
    private static func link(_ heads: inout [UInt32], _ slot: Int, _ i: UInt32) -> UInt32 {
        if slot >= heads.count {
            heads.append(contentsOf: repeatElement(none, count: slot + 1 - heads.count))
        }
        let previous = heads[slot]
        heads[slot] = i
        return previous
    }

    private mutating func makeMention(_ e: Evidence) -> Mention {
        let limit = Int(Self.none)
        guard (0..<limit).contains(e.document), (0...limit).contains(e.sentence), (0...limit).contains(e.start),
              (0...limit).contains(e.end), overflow.count < limit
        else {
            overflow.append(e)
            return Mention(document: Self.none, sentence: UInt32(overflow.count - 1), start: 0, end: 0, quote: 0,
                           provenance: 0, previous: Self.none)
        }
        let quote: UInt32
        let setting = EventSetting(date: e.eventDate, place: e.place)
        let exact = QuoteKey(text: ExactText(e.quote), setting: setting)
        if let q = quoteIDs[exact] { quote = q } else {
            quote = UInt32(quotes.count)
            quotes.append(e.quote)
            settings.append(setting)
            quoteIDs[exact] = quote
        }
        let p = Provenance(pattern: e.pattern, confidenceBits: e.confidence.bitPattern,
                           subjectCode: e.subjectCode, objectCode: e.objectCode)
        let provenance: UInt32
        if let id = provenanceIDs[p] { provenance = id } else {
            provenance = UInt32(provenances.count)
            provenances.append(p)
            provenanceIDs[p] = provenance
        }
        return Mention(document: UInt32(e.document), sentence: UInt32(e.sentence), start: UInt32(e.start),
                       end: UInt32(e.end), quote: quote, provenance: provenance, previous: Self.none)
    }

    func evidence(_ m: Mention) -> Evidence {
        if m.document == Self.none { return overflow[Int(m.sentence)] }
        let p = provenances[Int(m.provenance)]
        return Evidence(document: Int(m.document), sentence: Int(m.sentence), start: Int(m.start), end: Int(m.end),
                        quote: quotes[Int(m.quote)], pattern: p.pattern, confidence: Double(bitPattern: p.confidenceBits),
                        eventDate: settings[Int(m.quote)].date, place: settings[Int(m.quote)].place,
                        subjectCode: p.subjectCode, objectCode: p.objectCode)
    }

    /// The evidence of statement `i`, in the order it was added.
    /// - Complexity: O(k) in its mentions.
    func evidence(of i: Int) -> [Evidence] {
        var chain: [Evidence] = []
        var m = lastMention[i]
        while m != Self.none {
            chain.append(evidence(mentions[Int(m)]))
            m = mentions[Int(m)].previous
        }
        chain.reverse()
        return chain
    }

    func statement(at i: Int) -> Statement {
        Statement(key: keys[i].key, evidence: evidence(of: i))
    }

    /// Statement indexes of one list, ascending.
    private func list(_ heads: [UInt32], _ slot: Int, _ next: [UInt32]) -> [Int] {
        guard slot < heads.count else { return [] }
        var result: [Int] = []
        var i = heads[slot]
        while i != Self.none {
            result.append(Int(i))
            i = next[Int(i)]
        }
        result.reverse()
        return result
    }

    func withSubject(_ e: EntityID) -> [Int] { list(subjectHead, Int(e.raw), nextBySubject) }
    func withObject(_ e: EntityID) -> [Int] { list(objectHead, Int(e.raw), nextByObject) }
    func withRelation(_ r: RelationID) -> [Int] { list(relationHead, Int(r.raw), nextByRelation) }

    /// Checks the key table, the three indexes, the mention chains and the interned tables.
    func checkInvariants() -> Bool {
        let n = keys.count
        guard lastMention.count == n, nextBySubject.count == n, nextByObject.count == n, nextByRelation.count == n,
              table.count == n, quoteIDs.count == quotes.count, provenanceIDs.count == provenances.count,
              table.checkInvariants(hashOf: { keys[Int($0)].hash })
        else { return false }
        for i in 0..<n where index(of: keys[i].key) != i { return false }
        // Each list strictly descending and of one value: with the lengths summing to n, every
        // statement is in its list exactly once.
        func lists(_ heads: [UInt32], _ next: [UInt32], _ value: (PackedKey) -> Int) -> Bool {
            var total = 0
            for (slot, head) in heads.enumerated() {
                var i = head
                var bound = UInt64(n)
                while i != Self.none {
                    guard UInt64(i) < bound, value(keys[Int(i)]) == slot else { return false }
                    bound = UInt64(i)
                    total += 1
                    i = next[Int(i)]
                }
            }
            return total == n
        }
        guard lists(subjectHead, nextBySubject, { Int($0.subject) }), lists(objectHead, nextByObject, { Int($0.object) }),
              lists(relationHead, nextByRelation, { Int($0.relation) })
        else { return false }
        var total = 0
        for i in 0..<n {
            var m = lastMention[i]
            var bound = UInt64(mentions.count)
            guard m != Self.none else { return false }
            while m != Self.none {
                guard UInt64(m) < bound else { return false }
                let mention = mentions[Int(m)]
                if mention.document == Self.none {
                    guard Int(mention.sentence) < overflow.count else { return false }
                } else {
                    guard Int(mention.quote) < quotes.count, Int(mention.provenance) < provenances.count else { return false }
                }
                bound = UInt64(m)
                total += 1
                m = mention.previous
            }
        }
        return total == mentions.count
    }
}
