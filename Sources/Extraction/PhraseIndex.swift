/// Phrases of lower-case words indexed by their first word, longest first.
final class PhraseIndex: Sendable {
    let byFirst: [String: [[String]]]
    let all: [[String]]
    /// The class every first word of these phrases has (`Knowledge.wordTable`).
    let start: WordClass

    init(_ phrases: [[String]], start: WordClass) {
        all = phrases
        self.start = start
        var index: [String: [[String]]] = [:]
        for p in phrases where !p.isEmpty { index[p[0], default: []].append(p) }
        for k in index.keys { index[k]!.sort { $0.count > $1.count } }
        byFirst = index
    }
}
