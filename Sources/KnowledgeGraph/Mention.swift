/// One mention in the columnar mention table: 28 bytes instead of an `Evidence` (72 bytes and
/// two strings). Quote and pattern-with-confidence are interned; mentions of one statement are
/// chained backwards from the statement's last mention.
struct Mention: Sendable {
    /// `UInt32.max` marks an evidence whose integers do not fit: `sentence` is then its index in
    /// the store's `overflow`.
    var document: UInt32
    var sentence: UInt32
    var start: UInt32
    var end: UInt32
    var quote: UInt32
    var provenance: UInt32
    /// The statement's previous mention, or `none`.
    var previous: UInt32
}

/// The pattern and confidence of a mention with its actors' codes, interned together (exact:
/// the confidence keeps its bits). The codes are few (`RUS`, `SDNMIL`), so they cost no byte per mention.
struct Provenance: Hashable, Sendable {
    var pattern: String
    var confidenceBits: UInt64
    var subjectCode: String? = nil
    var objectCode: String? = nil

    func hash(into hasher: inout Hasher) {
        ExactText(pattern).hash(into: &hasher)
        hasher.combine(confidenceBits)
        hasher.combine(subjectCode)
        hasher.combine(objectCode)
    }

    static func == (a: Provenance, b: Provenance) -> Bool {
        a.confidenceBits == b.confidenceBits && a.subjectCode == b.subjectCode && a.objectCode == b.objectCode
            && ExactText(a.pattern) == ExactText(b.pattern)
    }
}

/// A string compared and hashed by its UTF-8 bytes, as written.
///
/// `String`'s own hashing and equality follow Unicode canonical equivalence, which normalizes
/// every non-ASCII string on each lookup; the store interns quotes and patterns exactly as the
/// text has them, so byte equality is both the right meaning and much cheaper.
struct ExactText: Hashable, Sendable {
    var text: String

    init(_ text: String) { self.text = text }

    func hash(into hasher: inout Hasher) {
        var t = text
        hasher.combine(t.withUTF8 { ByteHash.hash(UnsafeRawBufferPointer($0)) })
    }

    static func == (a: ExactText, b: ExactText) -> Bool {
        var x = a.text, y = b.text
        return x.withUTF8 { p in y.withUTF8 { q in p.count == q.count && p.elementsEqual(q) } }
    }
}

/// When and where the event of a mention happened (`Evidence.eventDate`, `Evidence.place`).
struct EventSetting: Hashable, Sendable {
    var date: String?
    var place: Place?
}

/// A quote with the setting of its events: the key quotes are interned by.
struct QuoteKey: Hashable, Sendable {
    var text: ExactText
    var setting: EventSetting
}
