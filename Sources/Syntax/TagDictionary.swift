/// The tags each frequent training word was seen with (as a bit set over the tag inventory),
/// keyed by the hash of the word's lower-case form. It gives the tagger look-ahead: the
/// possible tags of the next words.
public struct TagDictionary: Sendable, Equatable {
    var classesByWord: [UInt64: UInt64]

    init(classesByWord: [UInt64: UInt64] = [:]) { self.classesByWord = classesByWord }

    /// Builds the dictionary from tagged words (lower-case hash, tag), keeping words seen at
    /// least `minCount` times and tags making up at least `minShare` of a word's occurrences.
    static func build(_ occurrences: [(word: UInt64, tag: Int)], minCount: Int, minShare: Double) -> TagDictionary {
        var counts: [UInt64: [Int: Int]] = [:]
        for (w, t) in occurrences { counts[w, default: [:]][t, default: 0] += 1 }
        var result: [UInt64: UInt64] = [:]
        for (w, tags) in counts {
            let total = tags.values.reduce(0, +)
            guard total >= minCount else { continue }
            var bits: UInt64 = 0
            for (t, n) in tags where Double(n) >= minShare * Double(total) { bits |= 1 << UInt64(t & 63) }
            result[w] = bits
        }
        return TagDictionary(classesByWord: result)
    }

    /// The tag set of a word, by the hash of its lower-case form (`WordContext.lower`) or of its
    /// exact form (`WordContext.form`); 0 if unknown.
    @inline(__always) func classes(of lowerHash: UInt64) -> UInt64 { classesByWord[lowerHash] ?? 0 }

    public var count: Int { classesByWord.count }
}
