/// What the model knows of words beyond its weights: the tags each frequent training word was
/// seen with (as a bit set over the tag inventory), keyed by the hash of the word's lower-case
/// form or its exact form, which gives the tagger look-ahead (the possible tags of the next
/// words); and each word's cluster from unlabelled text (Brown clusters, keyed by the
/// lower-case hash), which tells the tagger and the parser how a word unseen in training
/// behaves.
public struct TagDictionary: Sendable, Equatable {
    var classesByWord: [UInt64: UInt64]
    /// A cluster's low bits are the first steps of its path in the cluster tree, so `c & 0xF`
    /// is the cluster's ancestor four steps from the top.
    var clustersByWord: [UInt64: UInt32]

    init(classesByWord: [UInt64: UInt64] = [:], clustersByWord: [UInt64: UInt32] = [:]) {
        self.classesByWord = classesByWord
        self.clustersByWord = clustersByWord
    }

    /// Builds the dictionary from tagged words (lower-case hash, tag), keeping words seen at
    /// least `minCount` times and tags making up at least `minShare` of a word's occurrences.
    static func build(_ occurrences: [(word: UInt64, tag: Int)], minCount: Int, minShare: Double,
                      clusters: [UInt64: UInt32] = [:]) -> TagDictionary {
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
        return TagDictionary(classesByWord: result, clustersByWord: clusters)
    }

    /// The word clusters of a cluster list (`scripts/data/convert-brown-clusters.py`: word,
    /// cluster, log probability): per lower-case form (`WordContext.lower`), the cluster of
    /// its most probable spelling.
    /// - Complexity: O(total length of the words).
    public static func clusters(_ list: [(word: String, cluster: UInt32, logProbability: Double)]) -> [UInt64: UInt32] {
        var best: [UInt64: (UInt32, Double)] = [:]
        let empty = TagDictionary()
        for entry in list where entry.cluster != 0 {
            let key = WordContext(words: [entry.word], dictionary: empty).lower[0]
            if let old = best[key], old.1 >= entry.logProbability { continue }
            best[key] = (entry.cluster, entry.logProbability)
        }
        return best.mapValues { $0.0 }
    }

    /// The tag set of a word, by the hash of its lower-case form (`WordContext.lower`) or of its
    /// exact form (`WordContext.form`); 0 if unknown.
    @inline(__always) func classes(of lowerHash: UInt64) -> UInt64 { classesByWord[lowerHash] ?? 0 }

    /// The cluster of a word by the hash of its lower-case form; nil if unknown.
    @inline(__always) func cluster(of lowerHash: UInt64) -> UInt32? { clustersByWord.isEmpty ? nil : clustersByWord[lowerHash] }

    public var count: Int { classesByWord.count }
    public var clusterCount: Int { clustersByWord.count }
}
