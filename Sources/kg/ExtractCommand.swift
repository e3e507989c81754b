import ArgumentParser
import Corpus
import Extraction
import Foundation
import KnowledgeGraph
import Ontology
import Serialization
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
            walked recursively for *.txt, *.html, *.htm and *.jsonl. With --stdin, JSON Lines \
            documents are read from standard input too.

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

            With --output, one file per format is written to DIR (graph.EXT, or FILE.EXT for a \
            single input). Without --output, --format must name one format, written to stdout.

            Formats: \(ExportFormat.allCases.map { "\($0.rawValue) (.\($0.fileExtension))" }.joined(separator: ", "))

            Examples:
              kg extract article.txt --format jsonl > statements.jsonl
              kg extract corpus/*.txt --output out --format rdfxml,graphml,jsonl
              kg extract corpus/ --jobs 8 --output out --format rdfxml,nquads
              cat docs.jsonl | kg extract --stdin --format jsonl > shard.jsonl   # a stateless stage
              kg merge shard-*.jsonl --output out --format rdfxml,graphml        # combine shards
            """)

        @OptionGroup var common: CommonOptions

        @Argument(help: ArgumentHelp("Files (.txt, .html, .htm, .jsonl) and folders to read.", valueName: "file-or-folder"))
        var files: [String] = []

        @Flag(name: .long, help: "Also read JSON Lines documents ({\"id\", \"text\", ...} per line) from standard input.")
        var stdin = false

        @Option(name: .shortAndLong, help: ArgumentHelp("Documents extracted at once (default: all cores).", valueName: "n"))
        var jobs: Int?

        @Option(name: .long, help: ArgumentHelp("Documents per batch when streaming --stdin (also at most 8 MiB a batch).", valueName: "n"))
        var batch: Int = DocumentStream.defaultMaxDocuments

        @Flag(name: .shortAndLong, help: "No progress on standard error.")
        var quiet = false

        @OptionGroup var export: ExportArguments

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
            if batch < 1 {
                throw ValidationError("--batch must be at least 1, not \(batch)")
            }
            try export.validate()
        }

        func run() throws {
            var failed = false
            let jobs = self.jobs ?? ProcessInfo.processInfo.activeProcessorCount
            try reportingErrors {
                let ontology = try common.loadOntology()
                if let format = try streamedFormat() {
                    failed = try streamStandardInput(format: format, export: export, ontology: ontology, date: common.date, jobs: jobs,
                                                     batchSize: batch, strict: strict, progress: ProgressMeter(quiet: quiet))
                    return
                }
                let (documents, readFailed) = try readCorpus(paths: files, stdin: stdin, date: common.date, jobs: jobs, strict: strict)
                failed = readFailed
                let graph = buildGraph(documents, ontology: ontology, jobs: jobs, progress: ProgressMeter(quiet: quiet))
                let single = documents.count == 1 && files.count == 1 && !stdin
                    && CorpusInput.kind(ofPath: files[0]) != .jsonLines && !isFolder(files[0])
                try export.write(graph, name: single ? documents[0].info.id : "graph", ontology: ontology)
            }
            if failed { throw ExitCode.failure }
        }

        /// The format to stream standard input in, when it is the only input and the one
        /// format (JSON Lines or N-Quads) goes to standard output.
        func streamedFormat() throws -> ExportFormat? {
            guard stdin, files.isEmpty, export.output == nil else { return nil }
            let formats = try parseFormats(export.format)
            return formats.count == 1 && (formats[0] == .jsonl || formats[0] == .nquads) ? formats[0] : nil
        }

        func isFolder(_ path: String) -> Bool {
            var isDir: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
        }
    }
}
