import ArgumentParser
import Corpus
import Extraction
import Foundation
import KnowledgeGraph
import Ontology
import Serialization
import Syntax
import XMLSupport

/// Options every command shares.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Ontology folder (kg.owl, lexicon, gazetteer).", valueName: "dir"))
    var ontology: String?

    @Option(name: .long, help: ArgumentHelp("Article date (YYYY-MM-DD), to pick office holders; default: a date in the text.", valueName: "date"))
    var date: String?

    @Option(name: .long, help: ArgumentHelp(
        "How relations are found: both (the default: named constructions over the dependency parse, merged with patterns over tokens; the most recall and precision), patterns (over tokens only: about 7 times faster, less recall) or constructions (over the parse only; experimental).",
        valueName: "stage"))
    var relations: Extractor.RelationStage = .both

    func validateDate() throws {
        try validateDateOption("--date", date)
    }

    /// The extractor the options ask for; with `parse` (kg explain), or with the constructions
    /// stage, the syntax model of the ontology (`syntax/en_ewt.model`) is loaded too.
    func makeExtractor(_ ontology: Ontology, parse: Bool = false) throws -> Extractor {
        try kg.makeExtractor(ontology, relations: relations, parse: parse)
    }

    /// - Parameter scope: `.graphs` when every input is a graph or a store (faster: no lexicon,
    ///   places or converted dictionaries).
    func loadOntology(scope: Ontology.Scope = .full) throws -> Ontology {
        guard let dir = Ontology.locate(explicit: ontology, executable: CommandLine.arguments.first) else {
            throw CLIError("cannot find the ontology folder; pass --ontology DIR or set KG_ONTOLOGY")
        }
        return try Ontology.load(directory: dir, scope: scope)
    }
}

/// Checks a `YYYY-MM-DD` option value with the calendar (2022-02-30 is not a day).
/// - Throws: `ValidationError` (exit 64) naming the option and the value.
func validateDateOption(_ name: String, _ value: String?) throws {
    guard let value else { return }
    guard CalendarDate(iso: value) != nil else {
        let shape = value.utf8.count == 10 && value.split(separator: "-", omittingEmptySubsequences: false).map(\.count) == [4, 2, 2]
            && value.allSatisfy { $0 == "-" || $0.isASCII && $0.isNumber }
        throw ValidationError(shape ? "\(name) '\(value)' is not a day of the calendar" : "\(name) must be a date YYYY-MM-DD, not '\(value)'")
    }
}

/// The syntax model of the ontology folder (`syntax/en_ewt.model`).
func loadSyntaxModel(_ ontology: Ontology) throws -> SyntaxModel {
    try loadSyntaxModel(path: ontology.directory + "/syntax/en_ewt.model")
}

/// A syntax model file.
func loadSyntaxModel(path: String) throws -> SyntaxModel {
    guard let data = FileManager.default.contents(atPath: path) else { throw CLIError("\(path): cannot read the syntax model") }
    do { return try SyntaxModel(bytes: [UInt8](data)) } catch { throw CLIError("\(path): \(error)") }
}

/// A failure reported as `kg: error: MESSAGE` with exit code 1.
struct CLIError: Error, CustomStringConvertible {
    var description: String
    init(_ message: String) { description = message }
}

func warn(_ message: String) {
    FileHandle.standardError.write(Data("kg: warning: \(message)\n".utf8))
}

/// Where and how a command writes its graph: `--output`, `--format`, `--base-iri`.
struct ExportArguments: ParsableArguments {
    @Option(name: .shortAndLong, help: ArgumentHelp("Folder to write one file per format to.", valueName: "dir"))
    var output: String?

    @Option(name: .shortAndLong, help: ArgumentHelp(
        "Comma-separated formats (\(ExportFormat.allCases.map(\.rawValue).joined(separator: ", "))). Default: jsonl to standard output; with --output, every format.",
        valueName: "formats"))
    var format: String?

    @Option(name: .long, help: ArgumentHelp("Base IRI of entities, documents and statements.", valueName: "iri"))
    var baseIRI: String = ExportOptions.defaultBaseIRI

    /// The formats asked for, or the default: JSON Lines to standard output, every format to a folder.
    func formats() throws -> [ExportFormat] {
        if let format { return try parseFormats(format) }
        return output == nil ? [.jsonl] : ExportFormat.allCases
    }

    func validate() throws {
        let formats = try formats()
        if output == nil && formats.count != 1 {
            throw ValidationError("without --output, --format must name exactly one format (e.g. --format jsonl)")
        }
        guard baseIRI.hasSuffix("/") || baseIRI.hasSuffix("#"), baseIRI.contains(":"),
              !baseIRI.contains(where: { $0 == " " || $0 == "<" || $0 == ">" || $0 == "\"" }) else {
            throw ValidationError("--base-iri must be an absolute IRI ending with '/' or '#', not '\(baseIRI)'")
        }
    }

    /// Writes `graph`: one file per format to `--output` (NAME.EXT), or the one format to stdout.
    /// - Parameter progress: shows which export is being written.
    func write(_ graph: Graph, name: String, ontology: Ontology, progress: ProgressMeter? = nil) throws {
        let formats = try formats()
        let options = ExportOptions(baseIRI: baseIRI, ontologyNamespace: ontology.namespace, generator: "kg \(kgVersion)")
        if let output {
            _ = try export(graph, formats: formats, directory: output, name: name, options: options, progress: progress)
        } else {
            progress?.exporting(formats[0].rawValue + " to standard output", index: 0, of: 1)
            let sink = FileSink(descriptor: 1, name: "standard output")
            try formats[0].serializer(options: options).write(graph, to: sink)
        }
    }
}

/// Parses "rdfxml,graphml" into formats.
func parseFormats(_ list: String) throws -> [ExportFormat] {
    var formats: [ExportFormat] = []
    for name in list.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) {
        guard let f = ExportFormat(rawValue: name) else {
            throw ValidationError("unknown format '\(name)'; choose from \(ExportFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if !formats.contains(f) { formats.append(f) }
    }
    guard !formats.isEmpty else { throw ValidationError("--format needs at least one format") }
    return formats
}

/// The extractor of a relation stage; with `parse` (kg explain), or with a stage that reads
/// the parse, the syntax model of the ontology (`syntax/en_ewt.model`) is loaded too.
func makeExtractor(_ ontology: Ontology, relations: Extractor.RelationStage, parse: Bool = false) throws -> Extractor {
    guard parse || relations != .patterns else { return Extractor(ontology: ontology) }
    return Extractor(ontology: ontology, syntax: try loadSyntaxModel(ontology), relations: relations)
}

/// Builds the graph of some documents on `jobs` threads; the result does not depend on `jobs`.
func buildGraph(_ documents: [SourceDocument], ontology: Ontology, extractor: Extractor? = nil, jobs: Int = 1,
                progress: ProgressMeter? = nil) -> Graph {
    let extraction = ParallelExtraction(extractor: extractor ?? Extractor(ontology: ontology), vocabulary: ontology.relations, jobs: jobs)
    var graph = Graph(vocabulary: ontology.relations)
    progress?.start(sizes: documents.map { $0.text.utf8.count })
    extraction.extract(documents, into: &graph) { done in progress?.update(done: done) }
    progress?.finish()
    return graph
}

/// Prints a corpus problem as `kg: error: …` or `kg: warning: …`.
func report(_ problem: CorpusProblem) {
    if problem.isWarning {
        warn(problem.description)
    } else {
        FileHandle.standardError.write(Data("kg: error: \(problem)\n".utf8))
    }
}

/// Prints each problem; at the first error, throws `ExitCode.failure` when `strict`.
/// - Returns: whether any problem was an error.
func reportProblems(_ problems: [CorpusProblem], strict: Bool) throws -> Bool {
    var failed = false
    for p in problems {
        report(p)
        if !p.isWarning {
            failed = true
            if strict { throw ExitCode.failure }
        }
    }
    return failed
}

/// Reads the news documents of every input (files, folders, `-` or `--stdin`) through the
/// common input layer (`InputReader`), on `jobs` threads, in input order.
/// - Returns: the documents, and whether any input or line had an error.
/// - Throws: `ExitCode.failure` at the first error when `strict`.
func readCorpus(paths: [String], stdin: Bool, date: String?, jobs: Int, strict: Bool, ontology: Ontology) throws -> (documents: [SourceDocument], failed: Bool) {
    let (documents, problems) = InputReader(ontology: ontology, date: date, jobs: jobs).documents(paths: paths, stdin: stdin)
    return (documents, try reportProblems(problems, strict: strict))
}

/// The graph of every input through the common input layer: kg graphs read back (RDF/XML,
/// Turtle, N-Triples, N-Quads, JSON Lines), news extracted, merged with one set of rules.
/// - Returns: the graph, and whether any input had an error.
func readGraph(paths: [String], roles: Set<InputKind.Role> = [.news, .graph], date: String?, jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
               strict: Bool, ontology: Ontology, common: CommonOptions? = nil, progress: ProgressMeter? = nil) throws -> (graph: Graph, failed: Bool) {
    var extractor: (@Sendable () throws -> Extractor)? = nil
    if let relations = common?.relations { extractor = { try makeExtractor(ontology, relations: relations) } }
    let (graph, problems) = InputReader(ontology: ontology, date: date, jobs: jobs, extractor: extractor).graph(paths: paths, roles: roles) { progress?.update(done: $0) }
    return (graph, try reportProblems(problems, strict: strict))
}

/// Extracts the JSON Lines documents of standard input batch by batch (`DocumentStream`) and
/// writes each batch's statements to standard output as soon as they are ready, so memory
/// stays bounded and output starts before the input ends.
///
/// JSON Lines: a batch is extracted on `jobs` threads into one graph, merged in input order,
/// and written as one export whose `documentIndex` numbers continue those of the batches
/// before, so `kg merge` of the whole output orders documents as one extraction would.
/// N-Quads: each document's named graph is written on its own, in input order (N-Quads say
/// nothing of input order, so this is the order `kg merge` keeps). The output depends on the
/// input and `batchSize`, not on `jobs` or timing.
/// - Returns: whether any line was bad.
/// - Throws: `ExitCode.failure` at the first bad line when `strict`; a write or export error.
func streamStandardInput(format: ExportFormat, export: ExportArguments, ontology: Ontology, extractor: Extractor, date: String?, jobs: Int,
                         batchSize: Int, strict: Bool, progress: ProgressMeter) throws -> Bool {
    let options = ExportOptions(baseIRI: export.baseIRI, ontologyNamespace: ontology.namespace, generator: "kg \(kgVersion)")
    let extraction = ParallelExtraction(extractor: extractor, vocabulary: ontology.relations, jobs: jobs)
    var stream = DocumentStream.descriptor(0, date: date, maxDocuments: batchSize)
    let out = StandardOutput()
    var failed = false
    var done = 0, bytes = 0, statements = 0
    /// Documents with statements in the batches written so far: the next `documentIndex`.
    var documentsBefore = 0
    progress.startStream()
    defer {
        progress.finish()
        progress.summary(documents: done, statements: statements)
    }
    // A document id seen in an earlier batch: the same content is skipped, other content renamed.
    var ledger = DocumentLedger()
    while let batch = stream.next() {
        if try reportProblems(batch.problems, strict: strict) { failed = true }
        let (documents, warnings) = ledger.admit(batch.documents, source: "<stdin>")
        for w in warnings { report(w) }
        switch format {
        case .nquads:
            var failure: Error?
            orderedMap(count: documents.count, jobs: jobs, { i -> Result<(bytes: [UInt8], statements: Int), Error> in
                let sink = MemorySink()
                return Result {
                    let graph = extraction.graph(of: documents[i])
                    try NQuadsSerializer(options: options).write(graph, to: sink)
                    return (sink.bytes, graph.statements.count)
                }
            }) { i, result in
                guard failure == nil else { return }
                do {
                    let (bytes, n) = try result.get()
                    try out.write(bytes)
                    statements += n
                } catch {
                    failure = error
                }
                done += 1
                bytes += documents[i].text.utf8.count
                progress.update(streamed: done, bytes: bytes)
            }
            if let failure { throw failure }
        default:
            var graph = Graph(vocabulary: ontology.relations)
            extraction.extract(documents, into: &graph) { n in progress.update(streamed: done + n, bytes: bytes) }
            done += documents.count
            bytes += documents.reduce(0) { $0 + $1.text.utf8.count }
            let sink = MemorySink()
            try JSONLinesSerializer(options: options, documentIndexOffset: documentsBefore).write(graph, to: sink)
            try out.write(sink.bytes)
            statements += graph.statements.count
            documentsBefore += JSONLinesSerializer.indexedDocuments(of: graph)
        }
    }
    if let problem = stream.readFailure {
        report(problem)
        failed = true
    }
    return failed
}

/// Standard output written through directly, batch by batch (not buffered to the end).
final class StandardOutput {
    func write(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { raw in Glibc.write(1, raw.baseAddress! + offset, raw.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                throw CLIError("standard output: write failed: \(String(cString: strerror(errno)))")
            }
            offset += n
        }
    }
}

/// Documents done of total, rate and time left on standard error, then the exports being
/// written, and a one-line summary at the end: redrawn in place on a terminal, or as plain
/// lines (at most one a second) when `--progress` asks for it elsewhere.
final class ProgressMeter {
    private let enabled: Bool
    /// Whether standard error is a terminal (redraw with \r) rather than a log (whole lines).
    private let interactive: Bool
    private let begun = Date()
    private var total = 0
    /// Bytes of text in the first i documents, for the MB/s figure.
    private var bytesBefore: [Int] = [0]
    private var started = Date()
    private var lastDraw = Date.distantPast

    /// A meter that draws when standard error is a terminal or `forced` (`--progress`), unless `quiet`.
    init(quiet: Bool, forced: Bool = false) {
        interactive = isatty(2) == 1
        enabled = !quiet && (interactive || forced)
    }

    /// Draws `line`: in place on a terminal, as a new line (at most one a second) in a log.
    private func draw(_ line: String, force: Bool = false) {
        let now = Date()
        guard force || now.timeIntervalSince(lastDraw) >= (interactive ? 0.2 : 1) else { return }
        lastDraw = now
        FileHandle.standardError.write(Data((interactive ? "\r\u{1B}[K\(line)" : line + "\n").utf8))
    }

    /// The export phase: which file (or stream) is being written.
    func exporting(_ what: String, index: Int, of count: Int) {
        guard enabled else { return }
        draw("kg: writing \(what) (\(index + 1)/\(count))", force: true)
    }

    /// The last line: documents, statements and seconds since the command started.
    func summary(documents: Int, statements: Int) {
        guard enabled else { return }
        if interactive { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        let seconds = Date().timeIntervalSince(begun)
        FileHandle.standardError.write(Data("kg: \(documents) documents, \(statements) statements in \(String(format: "%.2f", seconds)) s\n".utf8))
    }

    func start(sizes: [Int]) {
        total = sizes.count
        bytesBefore = [0]
        bytesBefore.reserveCapacity(sizes.count + 1)
        for s in sizes { bytesBefore.append(bytesBefore[bytesBefore.count - 1] + s) }
        started = Date()
    }

    func update(done: Int) {
        guard enabled else { return }
        let now = Date()
        let elapsed = max(now.timeIntervalSince(started), 1e-6)
        let rate = Double(done) / elapsed
        let left = rate > 0 ? Double(total - done) / rate : 0
        let mb = Double(bytesBefore[min(done, bytesBefore.count - 1)]) / 1_000_000 / elapsed
        draw("kg: \(done)/\(total) documents, \(Self.fixed(rate)) docs/s, \(Self.fixed(mb)) MB/s, \(Self.clock(left)) left", force: done == total)
    }

    /// Starts a count of documents whose total is unknown (a stream).
    func startStream() {
        total = 0
        started = Date()
    }

    /// Documents done and bytes of text so far of a stream, with the rates.
    func update(streamed done: Int, bytes: Int) {
        guard enabled else { return }
        let elapsed = max(Date().timeIntervalSince(started), 1e-6)
        draw("kg: \(done) documents, \(Self.fixed(Double(done) / elapsed)) docs/s, \(Self.fixed(Double(bytes) / 1_000_000 / elapsed)) MB/s")
    }

    /// Clears the line drawn in place (the summary follows).
    func finish() {
        guard enabled, interactive else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }

    /// One decimal, or two below 1 ("0.04", "3.2").
    static func fixed(_ v: Double) -> String {
        String(format: v < 1 ? "%.2f" : "%.1f", v)
    }

    static func clock(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return s >= 3600 ? "\(s / 3600)h\(String(format: "%02d", (s / 60) % 60))m" : "\(s / 60):\(String(format: "%02d", s % 60))"
    }
}

/// Writes each format to DIR/NAME.EXT atomically.
func export(_ graph: Graph, formats: [ExportFormat], directory: String, name: String, options: ExportOptions,
            progress: ProgressMeter? = nil) throws -> [String] {
    var isDir: ObjCBool = false
    if !FileManager.default.fileExists(atPath: directory, isDirectory: &isDir) {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw CLIError("\(directory): cannot create the folder")
        }
    } else if !isDir.boolValue {
        throw CLIError("\(directory): exists and is not a folder")
    }
    var written: [String] = []
    for f in formats {
        let path = "\(directory)/\(name).\(f.fileExtension)"
        progress?.exporting(path, index: written.count, of: formats.count)
        let sink = try FileSink(atomicPath: path)
        try f.serializer(options: options).write(graph, to: sink)
        written.append(path)
    }
    return written
}

/// Runs `body`, turning library errors into `kg: error:` lines and exit code 1.
func reportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let e as ValidationError {
        throw e
    } catch let e as ExitCode {
        throw e
    } catch {
        FileHandle.standardError.write(Data("kg: error: \(error)\n".utf8))
        throw ExitCode.failure
    }
}

