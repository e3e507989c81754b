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

/// The pattern and confidence of a mention, interned together (exact: the confidence keeps its bits).
struct Provenance: Hashable, Sendable {
    var pattern: String
    var confidenceBits: UInt64
}
