import Foundation
import KnowledgeGraph
import Ontology

/// Resolves what a user types ("xi", "Moscow", "RUS") to an entity of a graph.
///
/// Names come from the graph (labels, keys, aliases — also in a graph loaded from RDF/XML, which
/// carries them as `skos:altLabel`) and, when given, from the gazetteer entry with the same key
/// (aliases, seats of government, demonyms), so "Moscow" finds Russia. Matching ignores case,
/// diacritics, repeated spaces and a leading "the".
public struct NameResolver: Sendable {
    private let graph: Graph
    /// Normalized name → entities it names.
    private var byName: [String: [EntityID]] = [:]
    /// Every (normalized name, entity), for word matches and suggestions.
    private var names: [(String, EntityID)] = []

    /// - Complexity: O(entities + gazetteer entries).
    public init(graph: Graph, gazetteer: [GazetteerEntry] = []) {
        self.graph = graph
        var extra: [String: [String]] = [:]
        for g in gazetteer where graph.entityID(key: g.entity.key) != nil {
            extra[g.entity.key] = [g.entity.label] + g.entity.aliases + g.seats + g.demonyms
        }
        for i in graph.entities.indices {
            let id = EntityID(UInt32(i))
            let e = graph[id]
            for name in [e.label, e.key] + e.aliases + (extra[e.key] ?? []) {
                let n = Self.normalize(name)
                guard !n.isEmpty else { continue }
                if byName[n]?.contains(id) != true {
                    byName[n, default: []].append(id)
                    names.append((n, id))
                }
            }
        }
    }

    /// Lower-cased, without diacritics, single spaces, no leading "the ".
    /// - Complexity: O(n); an ASCII name is lower-cased and spaced byte by byte (no Foundation
    ///   folding, which dominated loading 20,000 names), with the same result.
    static func normalize(_ s: String) -> String {
        var bytes = s
        if let fast = bytes.withUTF8(asciiNormalize) { return fast }
        var n = s.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        if n.hasPrefix("the ") { n.removeFirst(4) }
        return n
    }

    /// `normalize` of an ASCII name, or nil when the name has other bytes or control characters
    /// other than tab, line feed, vertical tab, form feed and carriage return (which are spaces).
    private static func asciiNormalize(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var space = false
        for b in bytes {
            guard b < 0x80 else { return nil }
            if b == 0x20 || (b >= 0x09 && b <= 0x0D) {
                space = !out.isEmpty
                continue
            }
            guard b >= 0x20 && b != 0x7F else { return nil }
            if space { out.append(0x20) }
            space = false
            out.append(b >= 0x41 && b <= 0x5A ? b + 0x20 : b)
        }
        if out.starts(with: Array("the ".utf8)) { out.removeFirst(4) }
        return String(decoding: out, as: UTF8.self)
    }

    /// The entity `name` stands for.
    ///
    /// An exact name (label, key, alias) wins; otherwise a name whose words contain the words
    /// typed ("xi" → "Xi Jinping") when exactly one entity has one.
    /// - Throws: `QueryError.unknownActor` with the closest name as a suggestion, or
    ///   `QueryError.ambiguousActor` listing the candidates.
    /// - Complexity: O(1) for an exact name, O(names) otherwise.
    public func resolve(_ name: String) throws -> EntityID {
        let n = Self.normalize(name)
        if let ids = byName[n] {
            if ids.count == 1 { return ids[0] }
            throw QueryError.ambiguousActor(name, candidates: labels(ids))
        }
        let words = n.split(separator: " ")
        var found: [EntityID] = []
        if !words.isEmpty {
            for (candidate, id) in names where !found.contains(id) {
                let cw = candidate.split(separator: " ")
                guard cw.count >= words.count else { continue }
                if (0...(cw.count - words.count)).contains(where: { cw[$0..<($0 + words.count)].elementsEqual(words) }) {
                    found.append(id)
                }
            }
        }
        if found.count == 1 { return found[0] }
        if found.count > 1 { throw QueryError.ambiguousActor(name, candidates: labels(found)) }
        throw QueryError.unknownActor(name, suggestion: suggestion(n))
    }

    private func labels(_ ids: [EntityID]) -> [String] {
        ids.map { "\(graph[$0].label) (\(graph[$0].key))" }.sorted()
    }

    /// The label of the entity with the closest name, if close enough to be a typo.
    private func suggestion(_ n: String) -> String? {
        var best: (Int, String)?
        let limit = max(2, n.count / 3)
        for (candidate, id) in names {
            guard abs(candidate.count - n.count) <= limit else { continue }
            let d = editDistance(Array(candidate), Array(n), limit: limit)
            let label = graph[id].label
            if d <= limit, best == nil || (d, label) < best! { best = (d, label) }
        }
        return best?.1
    }
}

/// Levenshtein distance, giving up (returning `limit + 1`) once it exceeds `limit`.
func editDistance(_ a: [Character], _ b: [Character], limit: Int) -> Int {
    if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        var rowMin = i
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            rowMin = min(rowMin, current[j])
        }
        if rowMin > limit { return limit + 1 }
        swap(&previous, &current)
    }
    return previous[b.count]
}
