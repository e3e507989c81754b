import KnowledgeGraph

extension QueryEngine {
    func cell(_ id: EntityID) -> Cell { .entity(label: graph[id].label, key: graph[id].key) }

    func cell(_ b: Binding) -> Cell {
        switch b {
        case .entity(let id): return cell(id)
        case .relation(let r): return .text(graph.vocabulary[r].name)
        }
    }

    /// A pattern's answers as a table: one column per variable, then the row's weight and
    /// confidence (its weakest matched statement). Identical rows merge; the order is the
    /// pattern's ORDER BY, then every column ascending (labels, then keys), so it is stable.
    public func table(_ pattern: Pattern) -> ResultTable {
        let variables = pattern.variables
        struct Row { var values: [Binding]; var weight: Int; var confidence: Double }
        var merged: [[Binding]: Row] = [:]
        for s in solve(pattern) {
            if let old = merged[s.values] {
                merged[s.values] = Row(values: s.values, weight: max(old.weight, s.weight), confidence: max(old.confidence, s.confidence))
            } else {
                merged[s.values] = Row(values: s.values, weight: s.weight, confidence: s.confidence)
            }
        }
        func text(_ b: Binding) -> (String, String) {
            switch b {
            case .entity(let id): return (graph[id].label, graph[id].key)
            case .relation(let r): return (graph.vocabulary[r].name, "")
            }
        }
        func compare(_ a: Row, _ b: Row) -> Bool {
            for k in pattern.order {
                var order: Bool?
                switch k.key {
                case "weight": if a.weight != b.weight { order = a.weight < b.weight }
                case "confidence": if a.confidence != b.confidence { order = a.confidence < b.confidence }
                default:
                    let i = variables.firstIndex(of: String(k.key.dropFirst()))!
                    let (x, y) = (text(a.values[i]), text(b.values[i]))
                    if x != y { order = x < y }
                }
                if let order { return k.descending ? !order : order }
            }
            for i in variables.indices {
                let (x, y) = (text(a.values[i]), text(b.values[i]))
                if x != y { return x < y }
            }
            return false
        }
        var rows = merged.values.sorted(by: compare)
        if let limit = pattern.limit { rows = Array(rows.prefix(limit)) }
        return ResultTable(columns: variables.map { "?" + $0 } + ["weight", "confidence"],
                           rows: rows.map { r in r.values.map(cell) + [.integer(r.weight), .number(r.confidence)] })
    }

    /// The actor's relations grouped by relation: direction (→ out, ← in, ↔ symmetric), the other
    /// actor, weight and confidence; by relation, direction, weight (descending), then label.
    /// - Complexity: O(degree) lookups in the subject and object indexes.
    public func neighbors(_ id: EntityID) -> ResultTable {
        var rows: [(String, String, EntityID, StatementView)] = []
        for (s, r, o, v) in candidates(subject: id, relations: nil, object: nil) {
            rows.append((graph.vocabulary[r].name, graph.vocabulary[r].symmetric ? "↔" : "→", o, v))
            _ = s
        }
        for (s, r, _, v) in candidates(subject: nil, relations: nil, object: id) where !graph.vocabulary[r].symmetric {
            rows.append((graph.vocabulary[r].name, "←", s, v))
        }
        rows.sort { a, b in
            if a.0 != b.0 { return a.0 < b.0 }
            if a.1 != b.1 { return a.1 < b.1 }
            if a.3.weight != b.3.weight { return a.3.weight > b.3.weight }
            return (graph[a.2].label, graph[a.2].key) < (graph[b.2].label, graph[b.2].key)
        }
        let flags = filter.includeNegated || filter.includeHypothetical
        return ResultTable(columns: ["relation", "dir", "actor", "weight", "confidence"] + (flags ? ["negated", "modality"] : []),
                           rows: rows.map { r in
                               [.text(r.0), .text(r.1), cell(r.2), .integer(r.3.weight), .number(r.3.confidence)]
                                   + (flags ? [.bool(r.3.statement.negated), .text(r.3.statement.modality.rawValue)] : [])
                           },
                           groupFirstColumn: true)
    }

    /// One hop of a path: from, the relations that link it (as read from `from`), to.
    public struct Hop: Equatable, Sendable {
        public var from: EntityID
        public var relations: [String]
        public var to: EntityID
    }

    /// The shortest paths from `a` to `b` over statements in either direction, at most
    /// `maxHops` long, at most `limit` of them, in the order of their actors' labels.
    /// - Complexity: breadth-first search, O(statements visited).
    public func paths(from a: EntityID, to b: EntityID, maxHops: Int, limit: Int) -> [[Hop]] {
        guard a != b else { return [] }
        // Relations linking each reached pair, as read from the first actor.
        var links: [EntityID: [EntityID: Set<String>]] = [:]
        func neighbors(_ x: EntityID) -> [EntityID: Set<String>] {
            var out: [EntityID: Set<String>] = [:]
            for (_, r, o, _) in candidates(subject: x, relations: nil, object: nil) where o != x {
                out[o, default: []].insert(graph.vocabulary[r].name + (graph.vocabulary[r].symmetric ? "" : " →"))
            }
            for (s, r, _, _) in candidates(subject: nil, relations: nil, object: x) where s != x && !graph.vocabulary[r].symmetric {
                out[s, default: []].insert("← " + graph.vocabulary[r].name)
            }
            return out
        }
        var depth: [EntityID: Int] = [a: 0]
        var parents: [EntityID: [EntityID]] = [:]
        var frontier = [a]
        var hops = 0
        while !frontier.isEmpty, depth[b] == nil, hops < maxHops {
            hops += 1
            var next: [EntityID] = []
            for x in frontier {
                let n = neighbors(x)
                links[x] = n
                for (y, _) in n {
                    if depth[y] == nil { depth[y] = hops; next.append(y) }
                    if depth[y] == hops { parents[y, default: []].append(x) }
                }
            }
            frontier = next
        }
        guard depth[b] != nil else { return [] }
        var paths: [[EntityID]] = []
        func walk(_ node: EntityID, _ suffix: [EntityID]) {
            if paths.count >= 10_000 { return }
            if node == a { paths.append([a] + suffix); return }
            for p in parents[node] ?? [] { walk(p, [node] + suffix) }
        }
        walk(b, [])
        func key(_ p: [EntityID]) -> [String] { p.map { graph[$0].label + "\u{0}" + graph[$0].key } }
        paths.sort { key($0).lexicographicallyPrecedes(key($1)) }
        return paths.prefix(limit).map { p in
            (0..<(p.count - 1)).map { i in Hop(from: p[i], relations: (links[p[i]]?[p[i + 1]] ?? []).sorted(), to: p[i + 1]) }
        }
    }

    /// Paths as a table: path number, hop number, from, relations, to.
    public func pathTable(_ paths: [[Hop]]) -> ResultTable {
        var rows: [[Cell]] = []
        for (n, path) in paths.enumerated() {
            for (i, h) in path.enumerated() {
                rows.append([.integer(n + 1), .integer(i + 1), cell(h.from), .text(h.relations.joined(separator: ", ")), cell(h.to)])
            }
        }
        return ResultTable(columns: ["path", "hop", "from", "relation", "to"], rows: rows, groupFirstColumn: true)
    }

    /// Every mention behind the statements matching (a, relation, b), in either direction for
    /// symmetric relations: polarity, modality, document, date, sentence, offsets, confidence,
    /// pattern and quote; by document id, then offset.
    public func evidence(subject a: EntityID?, relation: RelationTerm, object b: EntityID?) -> ResultTable {
        var relations: [RelationID]?
        if case .relations(let ids) = relation { relations = ids }
        var rows: [(StatementView, Evidence)] = []
        var seen = Set<StatementKey>()
        for (_, _, _, v) in candidates(subject: a, relations: relations, object: b) where seen.insert(v.statement.key).inserted {
            for e in v.evidence { rows.append((v, e)) }
        }
        rows.sort { x, y in
            let dx = graph.documents[x.1.document].id, dy = graph.documents[y.1.document].id
            if dx != dy { return dx < dy }
            if (x.1.start, x.1.end) != (y.1.start, y.1.end) { return (x.1.start, x.1.end) < (y.1.start, y.1.end) }
            return graph.vocabulary[x.0.statement.relation].name < graph.vocabulary[y.0.statement.relation].name
        }
        return ResultTable(
            columns: ["subject", "relation", "object", "negated", "modality", "document", "date", "sentence", "start", "end", "confidence", "pattern", "quote"],
            rows: rows.map { v, e in
                let s = v.statement, d = graph.documents[e.document]
                return [cell(s.subject), .text(graph.vocabulary[s.relation].name), cell(s.object), .bool(s.negated),
                        .text(s.modality.rawValue), .text(d.id), d.date.map(Cell.text) ?? .empty, .integer(e.sentence),
                        .integer(e.start), .integer(e.end), .number(e.confidence), .text(e.pattern), .text(e.quote)]
            })
    }

    /// Counts: documents, actors, statements and mentions; actors by type; statements by relation
    /// and by QuadClass; the `top` actors by degree (distinct statements touching them).
    public func stats(top: Int) -> ResultTable {
        var views: [StatementView] = []
        for s in graph.statements { if let v = view(s) { views.append(v) } }
        var rows: [[Cell]] = []
        func add(_ section: String, _ name: String, _ n: Int) { rows.append([.text(section), .text(name), .integer(n)]) }
        add("graph", "documents", graph.documents.count)
        add("graph", "actors", graph.entities.count)
        add("graph", "statements", views.count)
        add("graph", "positive", views.filter { $0.statement.isPositive }.count)
        add("graph", "negated", views.filter { $0.statement.negated }.count)
        add("graph", "hypothetical", views.filter { $0.statement.modality != .asserted }.count)
        add("graph", "mentions", views.map(\.weight).reduce(0, +))
        var types: [String: Int] = [:]
        for e in graph.entities { types[e.type.rawValue, default: 0] += 1 }
        for (t, n) in types.sorted(by: { $0.key < $1.key }) { add("type", t, n) }
        var relations: [String: Int] = [:], classes: [Int: Int] = [:]
        var degree: [EntityID: Int] = [:]
        for v in views {
            let r = graph.vocabulary[v.statement.relation]
            relations[r.name, default: 0] += 1
            classes[r.quadClass, default: 0] += 1
            degree[v.statement.subject, default: 0] += 1
            if v.statement.object != v.statement.subject { degree[v.statement.object, default: 0] += 1 }
        }
        for (r, n) in relations.sorted(by: { ($1.value, $0.key) < ($0.value, $1.key) }) { add("relation", r, n) }
        let classNames = [0: "structural", 1: "verbal-cooperation", 2: "material-cooperation", 3: "verbal-conflict", 4: "material-conflict"]
        for (c, n) in classes.sorted(by: { $0.key < $1.key }) { add("quadClass", "\(c) \(classNames[c] ?? "")", n) }
        let ranked = degree.sorted { a, b in
            a.value != b.value ? a.value > b.value : (graph[a.key].label, graph[a.key].key) < (graph[b.key].label, graph[b.key].key)
        }
        for (id, n) in ranked.prefix(top) { rows.append([.text("degree"), cell(id), .integer(n)]) }
        return ResultTable(columns: ["section", "name", "count"], rows: rows, groupFirstColumn: true)
    }
}
