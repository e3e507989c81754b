import Extraction
import Foundation
import KnowledgeGraph
import Ontology

/// The one input layer of every command: files and folders (walked recursively) and `-` for
/// standard input, each classified by `InputKind`; news read into documents, kg graphs read
/// back, and both combined into one graph with the same rules everywhere.
///
/// Nothing here prints: problems come back in input order with their place, and the caller
/// decides what is fatal (`--strict`) and how to print.
public struct InputReader: Sendable {
    public let ontology: Ontology
    /// The default date of documents that give none (`--date`).
    public var date: String?
    /// Threads for reading files and extracting documents.
    public var jobs: Int
    /// Makes the extractor of news inputs, asked only when there are some (loading a syntax
    /// model takes a moment); an error is reported as a problem of the news inputs.
    public var makeExtractor: @Sendable () throws -> Extractor

    public init(ontology: Ontology, date: String? = nil, jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
                extractor: (@Sendable () throws -> Extractor)? = nil) {
        self.makeExtractor = extractor ?? { Extractor(ontology: ontology) }
        self.ontology = ontology
        self.date = date
        self.jobs = max(1, jobs)
    }

    /// The news documents of `paths` (and of standard input: JSON Lines documents, or one plain
    /// text), in input order, each document once (`DocumentLedger`: a repeated document is
    /// skipped, the same id with other content renamed, both with a warning).
    /// - Parameter stdin: also read standard input (`--stdin`), as `-` among the paths does.
    /// - Returns: documents and problems (a kg graph among the paths is an error naming it).
    public func documents(paths: [String], stdin: Bool = false) -> (documents: [SourceDocument], problems: [CorpusProblem]) {
        var (expanded, problems) = CorpusInput.expand(paths, roles: [.news])
        if stdin && !expanded.contains(where: { $0.path == "-" }) { expanded.append(CorpusInput(path: "-", kind: .jsonLines)) }
        let inputs = expanded
        var batches: [CorpusBatch] = []
        orderedMap(count: inputs.count, jobs: jobs, { i in readNews(inputs[i]) }) { _, b in batches.append(b) }
        var ledger = DocumentLedger()
        var documents: [SourceDocument] = []
        for (input, batch) in zip(inputs, batches) {
            problems += batch.problems
            let (kept, warnings) = ledger.admit(batch.documents, source: input.source)
            documents += kept
            problems += warnings
        }
        return (documents, problems)
    }

    /// One news input; standard input is JSON Lines documents when it starts with `{`, a kg
    /// graph is refused, anything else is one text document with the id `stdin`.
    func readNews(_ input: CorpusInput) -> CorpusBatch {
        guard input.path == "-" else { return DocumentReader.read(input, date: date) }
        let data = FileHandle.standardInput.readDataToEndOfFile()
        return newsFromStandardInput(data, kind: InputKind.classify(path: nil, prefix: [UInt8](data.prefix(8192))))
    }

    /// Standard input's news: JSON Lines documents, an HTML page, or one text with the id
    /// `stdin`; a kg graph is refused.
    private func newsFromStandardInput(_ data: Data, kind: InputKind?) -> CorpusBatch {
        switch kind {
        case .jsonLines?:
            return DocumentReader.readJSONLines(data, source: "<stdin>", date: date)
        case .html?:
            return DocumentReader.readHTML([UInt8](data), source: "<stdin>", date: date)
        case let kind? where kind.role == .graph:
            return CorpusBatch(problems: [CorpusProblem(source: "<stdin>", message: CorpusInput.roleMismatch(kind))])
        default:
            var batch = DocumentReader.readText([UInt8](data), source: "<stdin>", date: date)
            for i in batch.documents.indices { batch.documents[i].info.id = "stdin" }
            return batch
        }
    }

    /// One graph of everything `paths` hold: kg graphs read back and news extracted, merged
    /// with `GraphInputReader`'s rules (a document already in the graph is not counted twice).
    /// - Parameters:
    ///   - roles: what the command reads (`[.graph]` for `kg merge`, both for queries).
    ///   - progress: documents extracted so far, of the news documents.
    /// - Returns: the graph and the problems, in input order.
    public func graph(paths: [String], roles: Set<InputKind.Role> = [.news, .graph],
                      progress: (Int) -> Void = { _ in }) -> (graph: Graph, problems: [CorpusProblem]) {
        var (inputs, problems) = CorpusInput.expand(paths, roles: roles)
        var reader = GraphInputReader(ontology: ontology)
        var news: [CorpusInput] = []
        for input in inputs {
            if input.path == "-" {
                // Standard input is read once: as a graph when it is one, else as news.
                let data = FileHandle.standardInput.readDataToEndOfFile()
                let sniffed = InputKind.classify(path: nil, prefix: [UInt8](data.prefix(8192)), prefer: roles.contains(.news) ? .news : .graph)
                if let s = sniffed, s.role == .graph {
                    problems += reader.read(data, kind: s, source: "<stdin>")
                } else if roles.contains(.news) {
                    let batch = newsFromStandardInput(data, kind: sniffed)
                    problems += batch.problems
                    problems += extract(batch.documents, into: &reader, source: "<stdin>", progress: progress)
                } else {
                    problems.append(CorpusProblem(source: "<stdin>", message: sniffed.map(CorpusInput.roleMismatch) ?? "not a kg graph (\(InputKind.readable))"))
                }
                continue
            }
            if input.kind.role == .graph {
                problems += reader.read(input)
            } else {
                news.append(input)
            }
        }
        if !news.isEmpty {
            let paths = news.map(\.path)
            let (documents, newsProblems) = InputReader(ontology: ontology, date: date, jobs: jobs).documents(paths: paths)
            problems += newsProblems
            problems += extract(documents, into: &reader, source: paths.count == 1 ? paths[0] : "the news inputs", progress: progress)
        }
        return (reader.graph, problems)
    }

    private func extract(_ documents: [SourceDocument], into reader: inout GraphInputReader, source: String,
                         progress: (Int) -> Void) -> [CorpusProblem] {
        guard !documents.isEmpty else { return [] }
        let extractor: Extractor
        do { extractor = try makeExtractor() } catch { return [CorpusProblem(source: source, message: "\(error)")] }
        let extraction = ParallelExtraction(extractor: extractor, vocabulary: ontology.relations, jobs: jobs)
        var part = Graph(vocabulary: ontology.relations)
        extraction.extract(documents, into: &part, progress: progress)
        return reader.merge(part, source: source)
    }
}
