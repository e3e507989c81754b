import Foundation
import KnowledgeGraph

/// The word classes of the ontology's cue lists and of the extractor's closed word lists, as
/// bits: each token is looked up once and the stages test bits instead of hashing its text
/// against every list again.
struct WordClass: OptionSet, Hashable, Sendable {
    let rawValue: UInt64

    static let determiner = WordClass(rawValue: 1 << 0)
    static let locative = WordClass(rawValue: 1 << 1)
    static let preposition = WordClass(rawValue: 1 << 2)
    static let personPronoun = WordClass(rawValue: 1 << 3)
    static let thingPronoun = WordClass(rawValue: 1 << 4)
    static let firstPersonPlural = WordClass(rawValue: 1 << 5)
    static let possessivePronoun = WordClass(rawValue: 1 << 6)
    static let nameParticle = WordClass(rawValue: 1 << 7)
    static let reporting = WordClass(rawValue: 1 << 8)
    static let lightVerb = WordClass(rawValue: 1 << 9)
    static let controlObject = WordClass(rawValue: 1 << 10)
    static let controlSubject = WordClass(rawValue: 1 << 11)
    static let negatingVerb = WordClass(rawValue: 1 << 12)
    static let clauseBreak = WordClass(rawValue: 1 << 13)
    static let multilateral = WordClass(rawValue: 1 << 14)
    static let agentNoun = WordClass(rawValue: 1 << 15)
    static let amountWord = WordClass(rawValue: 1 << 16)
    static let placeNoun = WordClass(rawValue: 1 << 17)
    static let be = WordClass(rawValue: 1 << 18)
    /// First words of phrase lists and tables: a phrase can only start at a token with the bit.
    static let titleStart = WordClass(rawValue: 1 << 19)
    static let stateNounStart = WordClass(rawValue: 1 << 20)
    static let personNounStart = WordClass(rawValue: 1 << 21)
    static let memberNounStart = WordClass(rawValue: 1 << 22)
    static let pluralPronounStart = WordClass(rawValue: 1 << 23)
    static let negationStart = WordClass(rawValue: 1 << 24)
    static let adverbialStart = WordClass(rawValue: 1 << 25)
    static let modalityStart = WordClass(rawValue: 1 << 26)
    static let threatControl = WordClass(rawValue: 1 << 27)
    /// A lexicon trigger form that is not a noun (a verb form).
    static let verbTrigger = WordClass(rawValue: 1 << 28)
    /// A plural whose singular is an agent noun ("launches").
    static let agentNounPlural = WordClass(rawValue: 1 << 29)
    /// The plural of a one-word title ("ministers").
    static let pluralTitle = WordClass(rawValue: 1 << 30)
    /// A month name or its abbreviation ("march", "jan.").
    static let month = WordClass(rawValue: 1 << 31)
    static let territoryNounStart = WordClass(rawValue: 1 << 32)
    /// "reports", "claims": nouns of reported content between a denial and its "that".
    static let reportNoun = WordClass(rawValue: 1 << 33)
    /// "spokesman", "spokeswoman": a "spokesman for X" speaks as X.
    static let spokesNoun = WordClass(rawValue: 1 << 34)
    /// A noun of a text or act that a participle after it describes ("a resolution condemning X").
    static let documentNoun = WordClass(rawValue: 1 << 35)
    /// "new", "acting": an adjective that keeps an office the same ("Britain's new prime minister").
    static let officeAdjective = WordClass(rawValue: 1 << 36)
    /// A day of the week (`cues.tsv` `date-weekday`): never a name ("Foreign Minister Tuesday said").
    static let weekday = WordClass(rawValue: 1 << 37)
    /// A noun of resolve whose complement its owner carries out (`cues.tsv` `complement-noun`).
    static let complementNoun = WordClass(rawValue: 1 << 38)
    /// The head word of an organization's name (`cues.tsv` `organization-head`: "Initiative").
    static let organizationHead = WordClass(rawValue: 1 << 39)
    /// First words of member-list markers (`cues.tsv` `member-list`: "members", ", which includes").
    static let memberListStart = WordClass(rawValue: 1 << 40)
    /// "group", "bloc": a noun between an organization's name and its member list (`cues.tsv` `group-noun`).
    static let groupNoun = WordClass(rawValue: 1 << 41)
    /// First words of a deputy's noun (`cues.tsv` `deputy-noun`: "envoy", "spokesman", "chief of staff").
    static let deputyNounStart = WordClass(rawValue: 1 << 42)
    /// "special", "top": a word between a person's "'s" and a deputy's noun (`cues.tsv` `deputy-modifier`).
    static let deputyModifier = WordClass(rawValue: 1 << 43)
    /// "ally", "partner": a noun for the other side of a relation (`cues.tsv` `role-noun`).
    static let roleNoun = WordClass(rawValue: 1 << 44)
    /// First words of target nouns (`cues.tsv` `target-noun`: "citizens", "crew members").
    static let targetNounStart = WordClass(rawValue: 1 << 45)
    /// "drew", "faced": a verb whose object event is done to its subject (`cues.tsv` `elicit-verb`).
    static let elicitVerb = WordClass(rawValue: 1 << 46)
    /// A control-object verb that only asks for its infinitive ("urge", "ask"; `cues.tsv`
    /// `control-object` with value `request`); "call on" is marked on "call".
    static let requestVerb = WordClass(rawValue: 1 << 47)
    /// "hit", "pounded": a verb telling where an attack landed (`cues.tsv` `impact-verb`).
    static let impactVerb = WordClass(rawValue: 1 << 48)
}

/// What the ontology knows of one word: its classes (as a lower-case word), its lexicon
/// triggers and the gazetteer surfaces it starts (as written, and lower-cased at a capital).
struct WordInfo: Hashable, Sendable {
    var classes: WordClass = []
    /// Index into `Knowledge.triggerLists`, or -1.
    var triggers: Int32 = -1
    /// Index into `Knowledge.surfaceLists` of the surfaces starting with this exact form, or -1.
    var surfaces: Int32 = -1
}

/// A hash table from words (UTF-8 bytes) to `WordInfo`, built once per ontology.
///
/// Swift's `String` hashing normalizes and runs SipHash on every lookup; this table hashes the
/// bytes with `ByteHash` and compares them with `memcmp`-like loops, which is what the per-token
/// lookups of the extractor need. Open addressing with linear probing, load factor ≤ 1/2.
struct WordTable: Sendable {
    private var slots: [Int32]
    private var keyStart: [Int32] = []
    private var keyLength: [Int32] = []
    private var bytes: [UInt8] = []
    private(set) var values: [WordInfo] = []
    private var mask: Int

    init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: -1, count: size)
        mask = size - 1
    }

    @inline(__always)
    private static func hash(_ key: UnsafeBufferPointer<UInt8>) -> Int {
        Int(truncatingIfNeeded: ByteHash.hash(UnsafeRawBufferPointer(key)))
    }

    @inline(__always)
    private func equal(_ entry: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let length = Int(keyLength[entry])
        guard length == key.count else { return false }
        let start = Int(keyStart[entry])
        return bytes.withUnsafeBufferPointer { all in
            for k in 0..<length where all[start + k] != key[k] { return false }
            return true
        }
    }

    private func find(_ key: UnsafeBufferPointer<UInt8>) -> (slot: Int, entry: Int?) {
        var slot = Self.hash(key) & mask
        while true {
            let e = Int(slots[slot])
            if e < 0 { return (slot, nil) }
            if equal(e, key) { return (slot, e) }
            slot = (slot + 1) & mask
        }
    }

    /// The entry index of `word`, if present.
    func index(_ word: String) -> Int? {
        var word = word
        return word.withUTF8 { find($0).entry }
    }

    func info(_ word: String) -> WordInfo? {
        index(word).map { values[$0] }
    }

    /// Updates the info of `word` (composed to NFC, as tokens are), adding it first when absent.
    mutating func update(_ word: String, _ change: (inout WordInfo) -> Void) {
        var word = word.utf8.allSatisfy { $0 < 128 } ? word : word.precomposedStringWithCanonicalMapping
        let existing = word.withUTF8 { find($0).entry }
        if let e = existing {
            change(&values[e])
            return
        }
        if (values.count + 1) * 2 > slots.count { grow() }
        let slot = word.withUTF8 { find($0).slot }
        keyStart.append(Int32(bytes.count))
        keyLength.append(Int32(word.utf8.count))
        bytes.append(contentsOf: word.utf8)
        var info = WordInfo()
        change(&info)
        values.append(info)
        slots[slot] = Int32(values.count - 1)
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = Array(repeating: -1, count: size)
        mask = size - 1
        for e in values.indices {
            let start = Int(keyStart[e]), length = Int(keyLength[e])
            let slot = bytes.withUnsafeBufferPointer { all in
                find(UnsafeBufferPointer(rebasing: all[start..<start + length])).slot
            }
            slots[slot] = Int32(e)
        }
    }
}
