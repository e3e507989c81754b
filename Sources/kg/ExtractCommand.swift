import ArgumentParser
import Corpus
import Extraction
import Foundation
import KnowledgeGraph
import Ontology
import Serialization
import Store
import XMLSupport

extension KG {
    struct Extract: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Extract actor–relation–actor statements from text files, HTML pages, folders and JSON Lines.",
            discussion: """
            Inputs: a .txt file is one UTF-8 document, its id the file name without extension; an \
            .html/.htm page is one document (title and article paragraphs; scripts, styles and \
            navigation dropped; the date from the page metadata); a .jsonl file holds one document \
            per line, {"id", "text", "date", "url", "title"} (other fields ignored). A folder is \
            walked recursively for *.txt, *.html, *.htm and *.jsonl. With --stdin (or - as a \
            file), standard input is read too: JSON Lines documents, or one plain text. A kg \
            export (RDF/XML, Turtle, N-Triples, N-Quads, JSON Lines statements) is never read as \
            news: named, it is an error; in a folder, it is skipped with a warning. A document \
            read twice (same id, same text) counts once; the same id with another text is kept \
            as ID~2, with a warning.

            All documents make one graph: entities are shared, each statement keeps its evidence \
            from every document. Documents are extracted on --jobs threads (default: all cores); \
            the output is byte-identical whatever the number of jobs.

            Streaming: with --stdin as the only input and --format jsonl or nquads to standard \
            output, documents are read in batches (--batch documents, at most 8 MiB), and each \
            batch's statements are written as soon as it is extracted, so memory stays bounded \
            and output starts before the input ends (a stateless stage for Hadoop Streaming or \
            Spark's rdd.pipe()). The output is one shard for kg merge, which gives the graph of one \
            extraction of all the documents, in input order; JSON Lines lines are sorted within \
            each batch, N-Quads are written document by document in input order. Other formats, \
            --output, or files with --stdin read the whole input first.

            What it writes by default: without --output and --format, JSON Lines to standard \
            output; with --output DIR and no --format, every format, one file each in DIR \
            (graph.EXT, or FILE.EXT for a single input). Without --output, --format must name one \
            format, written to standard output. A one-line summary (documents, statements, \
            seconds) ends the run on standard error when it is a terminal or with --progress.

            A store: with --into GRAPH.db, the statements go into a kg store (SQLite, created \
            when missing) instead of an export: documents are extracted and committed --batch at \
            a time (default 500), so a store grows day by day and an interrupted run keeps every \
            batch committed before it. A document already in the store (same id, same content) \
            is skipped with a note; the same id with other content is kept as ID~2. Query the \
            store with kg query and the other reading commands, export it with kg export, or \
            read its views (events, entities, statements, evidence, documents) from pandas, R \
            or DuckDB. A store has one writer at a time: another waits up to 5 s for the lock \
            (KG_STORE_BUSY_TIMEOUT_MS), then fails naming the store; readers never wait.

            Formats: \(ExportFormat.allCases.map { "\($0.rawValue) (.\($0.fileExtension))" }.joined(separator: ", "))

            Examples:
              kg extract article.txt > statements.jsonl                     # JSON Lines
              kg extract article.txt --output out                          # every format
              kg extract corpus/*.txt --output out --format rdfxml,graphml,jsonl
              kg extract corpus/ --jobs 8 --output out --format rdfxml,nquads
              cat docs.jsonl | kg extract --stdin --format jsonl > shard.jsonl   # a stateless stage
              kg merge shard-*.jsonl --output out --format rdfxml,graphml        # combine shards
              kg extract today/ --into news.db                              # grow a store
            """)

        @OptionGroup var common: CommonOptions

        @Argument(help: ArgumentHelp("Files (.txt, .html, .htm, .jsonl) and folders to read; - for standard input.", valueName: "file-or-folder"))
        var files: [String] = []

        @Flag(name: .long, help: "Also read JSON Lines documents ({\"id\", \"text\", ...} per line) from standard input.")
        var stdin = false

        @Option(name: .shortAndLong, help: ArgumentHelp("Documents extracted at once (default: all cores).", valueName: "n"))
        var jobs: Int?

        @Option(name: .long, help: ArgumentHelp("Documents per batch when streaming --stdin (also at most 8 MiB a batch), or per transaction with --into.", valueName: "n"))
        var batch: Int = DocumentStream.defaultMaxDocuments

        @Flag(name: .shortAndLong, help: "No progress or summary on standard error.")
        var quiet = false

        @Flag(name: .long, help: "Progress and the summary line on standard error even when it is not a terminal.")
        var progress = false

        @OptionGroup var export: ExportArguments

        @Option(name: .long, help: ArgumentHelp("Add the statements to this kg store (SQLite, created when missing) instead of writing an export.", valueName: "graph.db"))
        var into: String?

        @Flag(name: .long, help: "Stop at the first unreadable file.")
        var strict = false

        func validate() throws {
            try common.validateDate()
            if files.isEmpty && !stdin {
                throw ValidationError("give files or folders to read, or --stdin for JSON Lines documents on standard input")
            }
            if let jobs, jobs < 1 {
                throw ValidationError("--jobs must be at least 1, not \(jobs)")
            }
            if quiet && progress {
                throw ValidationError("--quiet and --progress contradict each other; give one")
            }
            if batch < 1 {
                throw ValidationError("--batch must be at least 1, not \(batch)")
            }
            try export.validate()
            if into != nil && (export.output != nil || export.format != nil) {
                throw ValidationError("--into writes a store, not an export; give --into or --output/--format (export a store with kg export)")
            }
        }

        func run() throws {
            var failed = false
            let jobs = self.jobs ?? ProcessInfo.processInfo.activeProcessorCount
            try reportingErrors {
                let ontology = try common.loadOntology()
                let meter = ProgressMeter(quiet: quiet, forced: progress)
                if let into {
                    failed = try extractIntoStore(into, ontology: ontology, jobs: jobs, meter: meter)
                    return
                }
                if let format = try streamedFormat() {
                    failed = try streamStandardInput(format: format, export: export, ontology: ontology, extractor: try common.makeExtractor(ontology),
                                                     date: common.date, jobs: jobs,
                                                     batchSize: batch, strict: strict, progress: meter)
                    return
                }
                let (documents, readFailed) = try readCorpus(paths: files, stdin: stdin, date: common.date, jobs: jobs, strict: strict, ontology: ontology)
                failed = readFailed
                let graph = buildGraph(documents, ontology: ontology, extractor: try common.makeExtractor(ontology), jobs: jobs, progress: meter)
                let single = documents.count == 1 && files.count == 1 && !stdin
                    && CorpusInput.kind(ofPath: files[0]) != .jsonLines && !isFolder(files[0])
                try export.write(graph, name: single ? documents[0].info.id : "graph", ontology: ontology, progress: meter)
                meter.finish()
                meter.summary(documents: documents.count, statements: graph.statements.count)
            }
            if failed { throw ExitCode.failure }
        }

        /// Extracts the new documents of the inputs into the store at `path`, `batch` documents
        /// per extraction and transaction.
        /// - Returns: whether any input had an error.
        func extractIntoStore(_ path: String, ontology: Ontology, jobs: Int, meter: ProgressMeter) throws -> Bool {
            // The store first: a file that is no store, too new or locked fails before any work.
            var ingest = try openStoreForWriting(path)
            let (documents, failed) = try readCorpus(paths: files, stdin: stdin, date: common.date, jobs: jobs, strict: strict, ontology: ontology)
            let (admitted, problems) = ingest.admit(documents, source: files.count == 1 && !stdin ? files[0] : "the inputs")
            _ = try reportProblems(problems, strict: false)
            let extraction = ParallelExtraction(extractor: try common.makeExtractor(ontology), vocabulary: ontology.relations, jobs: jobs)
            meter.start(sizes: admitted.map { $0.text.utf8.count })
            var added = GraphStore.AddResult()
            var statements = 0
            for start in stride(from: 0, to: admitted.count, by: batch) {
                let part = Array(admitted[start..<min(start + batch, admitted.count)])
                var graph = Graph(vocabulary: ontology.relations)
                extraction.extract(part, into: &graph) { done in meter.update(done: start + done) }
                statements += graph.statements.count
                added.accumulate(try ingest.store.add(graph, documentIDs: graph.documents.map(\.id), batchSize: batch))
            }
            meter.finish()
            meter.summary(documents: admitted.count, statements: statements)
            if !quiet { note(try storeSummary(ingest, added: added, skipped: documents.count - admitted.count)) }
            return failed
        }

        /// The format to stream standard input in, when it is the only input and the one
        /// format (JSON Lines or N-Quads) goes to standard output.
        func streamedFormat() throws -> ExportFormat? {
            guard stdin, files.isEmpty, export.output == nil, into == nil else { return nil }
            let formats = try export.formats()
            return formats.count == 1 && (formats[0] == .jsonl || formats[0] == .nquads) ? formats[0] : nil
        }

        func isFolder(_ path: String) -> Bool {
            var isDir: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
        }
    }
}
