/// Phrases of lower-case words indexed by their first word, longest first.
struct PhraseIndex: Sendable {
    let byFirst: [String: [[String]]]
    let all: [[String]]

    init(_ phrases: [[String]]) {
        all = phrases
        var index: [String: [[String]]] = [:]
        for p in phrases where !p.isEmpty { index[p[0], default: []].append(p) }
        for k in index.keys { index[k]!.sort { $0.count > $1.count } }
        byFirst = index
    }
}
