import ArgumentParser
import Corpus
import Foundation
import KnowledgeGraph
import Ontology
import Query
import Store
import XMLSupport

/// What every query command shares: the ontology, the output format, the filters.
struct QueryOptions: ParsableArguments {
    @OptionGroup var common: CommonOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("Output: table, tsv, csv or json (default: table on a terminal, tsv otherwise).", valueName: "format"))
    var format: String?

    @Option(name: .long, help: ArgumentHelp("Only evidence from this document id (repeatable).", valueName: "id"))
    var document: [String] = []

    @Option(name: .long, help: ArgumentHelp("Only evidence from documents dated on or after this day.", valueName: "YYYY-MM-DD"))
    var since: String?

    @Option(name: .long, help: ArgumentHelp("Only evidence from documents dated on or before this day.", valueName: "YYYY-MM-DD"))
    var until: String?

    @Option(name: .long, help: ArgumentHelp("Only statements at least this confident (0…1).", valueName: "x"))
    var minConfidence: Double = 0

    @Flag(name: .long, help: "Also negated statements (\"did not attack\").")
    var includeNegated = false

    @Flag(name: .long, help: "Also future, intended, possible and conditional statements.")
    var includeHypothetical = false

    @Flag(name: .long, help: "Print load and answer times to standard error.")
    var timing = false

    func validate() throws {
        try common.validateDate()
        if let format, ResultFormat(rawValue: format.lowercased()) == nil {
            throw ValidationError("unknown format '\(format)'; choose from \(ResultFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        try validateDateOption("--since", since)
        try validateDateOption("--until", until)
        guard (0...1).contains(minConfidence) else { throw ValidationError("--min-confidence must be from 0 to 1, not \(minConfidence)") }
    }

    var resultFormat: ResultFormat {
        if let format, let f = ResultFormat(rawValue: format.lowercased()) { return f }
        return isatty(1) == 1 ? .table : .tsv
    }

    var filter: QueryFilter {
        QueryFilter(documents: document.isEmpty ? nil : Set(document), since: since, until: until,
                    minConfidence: minConfidence, includeNegated: includeNegated, includeHypothetical: includeHypothetical)
    }

    /// Loads the graph through the common input layer: kg graphs (RDF/XML, Turtle, N-Triples,
    /// N-Quads, JSON Lines) and news to extract from, as a file, a folder, a comma-separated
    /// list or - for standard input; then the name resolver over it.
    ///
    /// A kg store answers without being read whole when `selecting` says which statements the
    /// command can match (given the names resolved): only those statements, their evidence and
    /// documents are read, with every entity for names; the query engine then answers on that
    /// graph as on the whole one. nil from `selecting` reads everything.
    func load(_ path: String, selecting: ((Graph, NameResolver, PatternParser) throws -> [StatementSelection]?)? = nil) throws -> (QueryEngine, NameResolver, PatternParser) {
        let clock = ContinuousClock()
        let begun = clock.now
        let paths = FileManager.default.fileExists(atPath: path) || path == "-" ? [path] : path.split(separator: ",").map(String.init)
        // Graphs and stores only: the ontology without what extraction alone needs.
        let ontology = try common.loadOntology(scope: onlyGraphs(paths) ? .graphs : .full)
        let start = clock.now
        if timing { note("ontology loaded in \(ms(start - begun))") }
        if let selecting, isStorePath(path) {
            let store = try GraphStore(path: path, access: .read, busyTimeout: storeBusyTimeout())
            let reader = try StoreReader(store: store, vocabulary: ontology.relations)
            let resolver = NameResolver(graph: reader.entityGraph, gazetteer: ontology.gazetteer)
            let parser = PatternParser(vocabulary: ontology.relations, resolver: resolver)
            let named = clock.now
            let graph = try reader.graph(selecting: try selecting(reader.entityGraph, resolver, parser))
            if timing {
                note("read \(graph.statements.count) statements of the store, \(graph.entities.count) actors in \(ms(clock.now - start)) (names \(ms(named - start)))")
            }
            return (QueryEngine(graph: graph, filter: filter), resolver, parser)
        }
        let (graph, failed) = try readGraph(paths: paths, date: common.date, strict: true, ontology: ontology, common: common)
        if failed { throw ExitCode.failure }
        let loaded = clock.now
        let resolver = NameResolver(graph: graph, gazetteer: ontology.gazetteer)
        if timing {
            note("loaded \(graph.statements.count) statements, \(graph.entities.count) actors in \(ms(loaded - start)) (+ names \(ms(clock.now - loaded)))")
        }
        return (QueryEngine(graph: graph, filter: filter), resolver, PatternParser(vocabulary: graph.vocabulary, resolver: resolver))
    }

    /// Whether every input is a kg graph or store (no news to extract, no standard input).
    private func onlyGraphs(_ paths: [String]) -> Bool {
        guard !paths.contains("-") else { return false }
        let (inputs, problems) = CorpusInput.expand(paths, roles: [.news, .graph])
        return problems.isEmpty && !inputs.isEmpty && inputs.allSatisfy { $0.kind.role == .graph }
    }

    func write(_ table: ResultTable) throws {
        do {
            try FileHandle.standardOutput.write(contentsOf: Data(table.render(resultFormat).utf8))
        } catch {
            throw CLIError("standard output: cannot write (\(error.localizedDescription))")
        }
    }
}

func ms(_ d: Duration) -> String {
    let (s, atto) = d.components
    return String(format: "%.3f ms", Double(s) * 1000 + Double(atto) / 1e15)
}

func note(_ message: String) {
    FileHandle.standardError.write(Data("kg: \(message)\n".utf8))
}

/// Runs a query command: pattern errors exit 64, unknown names and bad input 1.
func runningQuery(_ body: () throws -> Void) throws {
    try reportingErrors {
        do {
            try body()
        } catch let e as QueryError where e.isUsageError {
            FileHandle.standardError.write(Data("kg: error: \(e)\n".utf8))
            throw ExitCode(64)
        }
    }
}

/// The statements of a store one triple pattern can match: its bound ends by key, its relations by name.
func selection(_ subject: Term, _ relation: RelationTerm, _ object: Term, in graph: Graph) -> StatementSelection {
    func key(_ t: Term) -> String? { if case .entity(let id) = t { return graph[id].key } else { return nil } }
    var relations: [String]?
    if case .relations(let ids) = relation { relations = ids.map { graph.vocabulary[$0].name } }
    return StatementSelection(subject: key(subject), relations: relations, object: key(object))
}

/// Resolves an actor argument; "?" or "?x" means any actor.
func actor(_ name: String, _ resolver: NameResolver) throws -> EntityID? {
    name.hasPrefix("?") ? nil : try resolver.resolve(name)
}

/// What every query command writes, for its help.
let queryOutputHelp = "Writes the rows to standard output: an aligned table on a terminal, TSV otherwise (or --format table, tsv, csv, json); --timing adds times on standard error."

let graphHelp = ArgumentHelp("A kg graph (.rdf, .ttl, .nt, .nq, .jsonl), a kg store (.db, .sqlite: read only where the question needs it) or news to extract from (.txt, .html, .jsonl): a file, a folder, a comma-separated list, or - for standard input.", valueName: "graph")

extension KG {
    struct QueryCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "query",
            abstract: "Answer a pattern over a graph: who mediates in Ukraine, whom does Russia attack.",
            discussion: """
            \(queryOutputHelp)

            PATTERN is one or more triples `subject relation object` joined by ' . ' on shared \
            variables, then optionally ORDER BY and LIMIT. Subjects and objects are ?variables, \
            actor names (case-insensitive labels, aliases, keys; quote names that contain a \
            relation word) or "quoted names". Relations are names (allyOf), alternatives \
            (attacks|invades), QuadClasses (@conflict, @cooperation, @verbal-conflict, \
            @material-conflict, @verbal-cooperation, @material-cooperation, @structural) or ?variables.
            Each row also shows weight (mentions) and confidence of its weakest statement.

            Examples:
              kg query exports/xi-putin-2022-12-30.rdf '"Xi Jinping" mediates ?x'
              kg query graph.rdf '?who attacks Ukraine'
              kg query graph.rdf 'Russia ?rel ?other ORDER BY weight DESC LIMIT 5'
              kg query graph.rdf '?a allyOf ?b . ?b @conflict ?c'
              kg query corpus/ '?x attacks ?y' --since 2022-01-01 --min-confidence 0.6 --format json
              kg query news.db '?x attacks Ukraine'                # a store: only matching statements are read
            """)

        @OptionGroup var options: QueryOptions

        @Argument(help: graphHelp)
        var graph: String

        @Argument(help: ArgumentHelp("The pattern (quote it for the shell).", valueName: "pattern"))
        var pattern: [String]

        @Option(name: .long, help: ArgumentHelp("At most this many rows (overrides LIMIT).", valueName: "n"))
        var limit: Int?

        func run() throws {
            try runningQuery {
                let text = pattern.joined(separator: " ")
                let (engine, _, parser) = try options.load(graph) { entities, _, parser in
                    try parser.parse(text).triples.map { selection($0.subject, $0.relation, $0.object, in: entities) }
                }
                let clock = ContinuousClock()
                let start = clock.now
                var parsed = try parser.parse(text)
                if let limit { parsed.limit = limit }
                let table = engine.table(parsed)
                let first = clock.now - start
                if options.timing {
                    var times: [Duration] = []
                    for _ in 0..<200 {
                        let t = clock.now
                        var p = try parser.parse(text)
                        if let limit { p.limit = limit }
                        _ = engine.table(p)
                        times.append(clock.now - t)
                    }
                    times.sort()
                    note("answered \(table.rows.count) rows: first \(ms(first)), median of 200 \(ms(times[100])), min \(ms(times[0]))")
                }
                try options.write(table)
            }
        }
    }

    struct NeighborsCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "neighbors",
            abstract: "List an actor's relations, grouped by relation, with weights.",
            discussion: """
            \(queryOutputHelp)

            dir is → (the actor is the subject), ← (the object) or ↔ (a symmetric relation).

            Examples:
              kg neighbors exports/xi-putin-2022-12-30.rdf Russia
              kg neighbors graph.rdf xi --include-hypothetical --format csv
            """)

        @OptionGroup var options: QueryOptions
        @Argument(help: graphHelp) var graph: String
        @Argument(help: ArgumentHelp("The actor: a name, alias or key.", valueName: "actor")) var actor: String

        func run() throws {
            try runningQuery {
                let (engine, resolver, _) = try options.load(graph) { entities, resolver, _ in
                    [StatementSelection(subject: entities[try resolver.resolve(actor)].key)]
                }
                try options.write(engine.neighbors(try resolver.resolve(actor)))
            }
        }
    }

    struct PathCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "path",
            abstract: "Show the shortest relation paths between two actors.",
            discussion: """
            \(queryOutputHelp)

            Statements are followed in either direction; each hop lists the relations that link \
            the two actors as read from the first (→ forward, ← backward, none for symmetric).

            Examples:
              kg path exports/xi-putin-2022-12-30.rdf "Xi Jinping" "Joe Biden"
              kg path graph.rdf Russia NATO --max-hops 3
            """)

        @OptionGroup var options: QueryOptions
        @Argument(help: graphHelp) var graph: String
        @Argument(help: ArgumentHelp("Where the paths start.", valueName: "from")) var from: String
        @Argument(help: ArgumentHelp("Where they end.", valueName: "to")) var to: String

        @Option(name: .long, help: ArgumentHelp("The longest path to look for.", valueName: "n"))
        var maxHops = 4

        @Option(name: .long, help: ArgumentHelp("At most this many paths.", valueName: "n"))
        var limit = 10

        func validate() throws {
            guard maxHops >= 1 else { throw ValidationError("--max-hops must be at least 1") }
            guard limit >= 1 else { throw ValidationError("--limit must be at least 1") }
        }

        func run() throws {
            try runningQuery {
                let (engine, resolver, _) = try options.load(graph)
                let a = try resolver.resolve(from), b = try resolver.resolve(to)
                let paths = engine.paths(from: a, to: b, maxHops: maxHops, limit: limit)
                if paths.isEmpty, options.resultFormat == .table {
                    note("no path from \(engine.graph[a].label) to \(engine.graph[b].label) within \(maxHops) hops")
                }
                try options.write(engine.pathTable(paths))
            }
        }
    }

    struct EvidenceCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "evidence",
            abstract: "Show the sentences, documents and offsets behind a statement.",
            discussion: """
            \(queryOutputHelp)

            Negated and hypothetical statements are shown too, with their flags (the filters \
            --document, --since, --until and --min-confidence still apply). Any of the three may \
            be a ?variable; REL may be alternatives (attacks|invades) or a class (@conflict).

            Examples:
              kg evidence exports/xi-putin-2022-12-30.rdf Russia attacks Ukraine
              kg evidence graph.rdf xi ?rel Putin --format json
            """)

        @OptionGroup var options: QueryOptions
        @Argument(help: graphHelp) var graph: String
        @Argument(help: ArgumentHelp("The subject.", valueName: "a")) var subject: String
        @Argument(help: ArgumentHelp("The relation.", valueName: "rel")) var relation: String
        @Argument(help: ArgumentHelp("The object.", valueName: "b")) var object: String

        @Option(name: .long, help: ArgumentHelp("At most this many mentions.", valueName: "n"))
        var limit: Int?

        func run() throws {
            try runningQuery {
                var o = options
                o.includeNegated = true
                o.includeHypothetical = true
                let (engine, resolver, parser) = try o.load(graph) { entities, resolver, parser in
                    [selection(try actor(subject, resolver).map(Term.entity) ?? .variable("a"), try parser.relationTerm(relation),
                               try actor(object, resolver).map(Term.entity) ?? .variable("b"), in: entities)]
                }
                let r = try parser.relationTerm(relation)
                var table = engine.evidence(subject: try actor(subject, resolver), relation: r, object: try actor(object, resolver))
                if let limit { table.rows = Array(table.rows.prefix(limit)) }
                try options.write(table)
            }
        }
    }

    struct StatsCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "stats",
            abstract: "Count actors by type, statements by relation and QuadClass, and rank actors by degree.",
            discussion: """
            \(queryOutputHelp)

            Examples:
              kg stats exports/xi-putin-2022-12-30.rdf
              kg stats corpus/ --top 20 --format json
            """)

        @OptionGroup var options: QueryOptions
        @Argument(help: graphHelp) var graph: String

        @Option(name: .long, help: ArgumentHelp("How many actors to rank by degree.", valueName: "n"))
        var top = 10

        func run() throws {
            try runningQuery {
                // Negated and hypothetical statements are counted apart, so all are read.
                var o = options
                o.includeNegated = true
                o.includeHypothetical = true
                let (engine, _, _) = try o.load(graph)
                try options.write(engine.stats(top: top))
            }
        }
    }
}
