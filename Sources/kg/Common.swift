import ArgumentParser
import Corpus
import Extraction
import Foundation
import KnowledgeGraph
import Ontology
import Serialization
import XMLSupport

/// Options every command shares.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Ontology folder (kg.owl, lexicon, gazetteer).", valueName: "dir"))
    var ontology: String?

    @Option(name: .long, help: ArgumentHelp("Article date (YYYY-MM-DD), to pick office holders; default: a date in the text.", valueName: "date"))
    var date: String?

    func validateDate() throws {
        try validateDateOption("--date", date)
    }

    func loadOntology() throws -> Ontology {
        guard let dir = Ontology.locate(explicit: ontology, executable: CommandLine.arguments.first) else {
            throw CLIError("cannot find the ontology folder; pass --ontology DIR or set KG_ONTOLOGY")
        }
        return try Ontology.load(directory: dir)
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

/// A failure reported as `kg: error: MESSAGE` with exit code 1.
struct CLIError: Error, CustomStringConvertible {
    var description: String
    init(_ message: String) { description = message }
}

/// Reads a text file as a document, the way `kg extract` reads one (UTF-8 with invalid bytes
/// replaced and a warning, no NUL bytes); warnings go to standard error, errors are thrown.
func readDocument(_ path: String, date: String?) throws -> SourceDocument {
    let batch = DocumentReader.read(CorpusInput(path: path, kind: .text), date: date)
    for problem in batch.problems where problem.isWarning { warn("\(problem)") }
    if let error = batch.problems.first(where: { !$0.isWarning }) { throw CLIError("\(error)") }
    guard let document = batch.documents.first else { throw CLIError("\(path): no document") }
    return document
}

func warn(_ message: String) {
    FileHandle.standardError.write(Data("kg: warning: \(message)\n".utf8))
}

/// Where and how a command writes its graph: `--output`, `--format`, `--base-iri`.
struct ExportArguments: ParsableArguments {
    @Option(name: .shortAndLong, help: ArgumentHelp("Folder to write one file per format to.", valueName: "dir"))
    var output: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("Comma-separated formats.", valueName: "formats"))
    var format: String = "rdfxml,graphml,jsonl"

    @Option(name: .long, help: ArgumentHelp("Base IRI of entities, documents and statements.", valueName: "iri"))
    var baseIRI: String = ExportOptions.defaultBaseIRI

    func validate() throws {
        let formats = try parseFormats(format)
        if output == nil && formats.count != 1 {
            throw ValidationError("without --output, --format must name exactly one format (e.g. --format jsonl)")
        }
        guard baseIRI.hasSuffix("/") || baseIRI.hasSuffix("#"), baseIRI.contains(":"),
              !baseIRI.contains(where: { $0 == " " || $0 == "<" || $0 == ">" || $0 == "\"" }) else {
            throw ValidationError("--base-iri must be an absolute IRI ending with '/' or '#', not '\(baseIRI)'")
        }
    }

    /// Writes `graph`: one file per format to `--output` (NAME.EXT), or the one format to stdout.
    func write(_ graph: Graph, name: String, ontology: Ontology) throws {
        let formats = try parseFormats(format)
        let options = ExportOptions(baseIRI: baseIRI, ontologyNamespace: ontology.namespace, generator: "kg \(kgVersion)")
        if let output {
            _ = try export(graph, formats: formats, directory: output, name: name, options: options)
        } else {
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

/// Builds the graph of some documents on `jobs` threads; the result does not depend on `jobs`.
func buildGraph(_ documents: [SourceDocument], ontology: Ontology, jobs: Int = 1, progress: ProgressMeter? = nil) -> Graph {
    let extraction = ParallelExtraction(extractor: Extractor(ontology: ontology), vocabulary: ontology.relations, jobs: jobs)
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

/// Reads every input (files, folders, standard input) on `jobs` threads, in input order.
/// - Returns: the documents, and whether any input or line had an error.
/// - Throws: `ExitCode.failure` at the first error when `strict`.
func readCorpus(paths: [String], stdin: Bool, date: String?, jobs: Int, strict: Bool) throws -> (documents: [SourceDocument], failed: Bool) {
    var failed = false
    var documents: [SourceDocument] = []
    func take(_ batch: CorpusBatch) throws {
        for p in batch.problems {
            report(p)
            if !p.isWarning {
                failed = true
                if strict { throw ExitCode.failure }
            }
        }
        documents += batch.documents
    }
    let (inputs, problems) = CorpusInput.expand(paths)
    try take(CorpusBatch(problems: problems))
    var batches: [CorpusBatch] = []
    orderedMap(count: inputs.count, jobs: jobs, { DocumentReader.read(inputs[$0], date: date) }) { _, b in batches.append(b) }
    for b in batches { try take(b) }
    if stdin {
        let data = FileHandle.standardInput.readDataToEndOfFile()
        try take(DocumentReader.readJSONLines(data, source: "<stdin>", date: date))
    }
    var seen: [String: Int] = [:]
    for d in documents { seen[d.info.id, default: 0] += 1 }
    for (id, n) in seen.sorted(by: { $0.key < $1.key }) where n > 1 {
        warn("document id '\(id)' occurs \(n) times; their statements are merged into one document")
    }
    return (documents, failed)
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
func streamStandardInput(format: ExportFormat, export: ExportArguments, ontology: Ontology, date: String?, jobs: Int,
                         batchSize: Int, strict: Bool, progress: ProgressMeter) throws -> Bool {
    let options = ExportOptions(baseIRI: export.baseIRI, ontologyNamespace: ontology.namespace, generator: "kg \(kgVersion)")
    let extraction = ParallelExtraction(extractor: Extractor(ontology: ontology), vocabulary: ontology.relations, jobs: jobs)
    var stream = DocumentStream.descriptor(0, date: date, maxDocuments: batchSize)
    let out = StandardOutput()
    var failed = false
    var done = 0, bytes = 0
    /// Documents with statements in the batches written so far: the next `documentIndex`.
    var documentsBefore = 0
    progress.startStream()
    defer { progress.finish() }
    while let batch = stream.next() {
        for p in batch.problems {
            report(p)
            if !p.isWarning {
                failed = true
                if strict { throw ExitCode.failure }
            }
        }
        let documents = batch.documents
        switch format {
        case .nquads:
            var failure: Error?
            orderedMap(count: documents.count, jobs: jobs, { i -> Result<[UInt8], Error> in
                let sink = MemorySink()
                return Result { try NQuadsSerializer(options: options).write(extraction.graph(of: documents[i]), to: sink); return sink.bytes }
            }) { i, result in
                guard failure == nil else { return }
                do {
                    try out.write(try result.get())
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

/// Documents done of total, rate and time left on standard error, when it is a terminal.
final class ProgressMeter {
    private let enabled: Bool
    private var total = 0
    /// Bytes of text in the first i documents, for the MB/s figure.
    private var bytesBefore: [Int] = [0]
    private var started = Date()
    private var lastDraw = Date.distantPast

    /// A meter that draws only when standard error is a terminal and `quiet` is false.
    init(quiet: Bool) {
        enabled = !quiet && isatty(2) == 1
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
        guard done == total || now.timeIntervalSince(lastDraw) >= 0.2 else { return }
        lastDraw = now
        let elapsed = max(now.timeIntervalSince(started), 1e-6)
        let rate = Double(done) / elapsed
        let left = rate > 0 ? Double(total - done) / rate : 0
        let mb = Double(bytesBefore[min(done, bytesBefore.count - 1)]) / 1_000_000 / elapsed
        let line = "kg: \(done)/\(total) documents, \(Self.fixed(rate)) docs/s, \(Self.fixed(mb)) MB/s, \(Self.clock(left)) left"
        FileHandle.standardError.write(Data("\r\u{1B}[K\(line)".utf8))
    }

    /// Starts a count of documents whose total is unknown (a stream).
    func startStream() {
        total = 0
        started = Date()
    }

    /// Documents done and bytes of text so far of a stream, with the rates.
    func update(streamed done: Int, bytes: Int) {
        guard enabled else { return }
        let now = Date()
        guard now.timeIntervalSince(lastDraw) >= 0.2 else { return }
        lastDraw = now
        let elapsed = max(now.timeIntervalSince(started), 1e-6)
        let line = "kg: \(done) documents, \(Self.fixed(Double(done) / elapsed)) docs/s, \(Self.fixed(Double(bytes) / 1_000_000 / elapsed)) MB/s"
        FileHandle.standardError.write(Data("\r\u{1B}[K\(line)".utf8))
    }

    func finish() {
        guard enabled else { return }
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
func export(_ graph: Graph, formats: [ExportFormat], directory: String, name: String, options: ExportOptions) throws -> [String] {
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

