import ArgumentParser
import Extraction
import Foundation
import KnowledgeGraph
import Ontology
import Serialization
import XMLSupport

/// The version written into every export.
let kgVersion = "0.1.0"

@main
struct KG: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kg",
        abstract: "Build a knowledge graph of actors and relations from news articles.",
        discussion: """
        With no subcommand, kg builds the graph of its bundled sample article and writes it to \
        exports/ (RDF/XML, GraphML, yEd GraphML and JSON Lines).

        Examples:
          kg
          kg extract article.txt --format jsonl
          kg extract a.txt b.txt --output out --format rdfxml,graphml
          kg explain article.txt
        """,
        version: kgVersion,
        subcommands: [Sample.self, Extract.self, Explain.self],
        defaultSubcommand: Sample.self
    )
}

/// Options every command shares.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Ontology folder (kg.owl, lexicon, gazetteer).", valueName: "dir"))
    var ontology: String?

    @Option(name: .long, help: ArgumentHelp("Article date (YYYY-MM-DD), to pick office holders; default: a date in the text.", valueName: "date"))
    var date: String?

    func validateDate() throws {
        if let date {
            let parts = date.split(separator: "-")
            guard parts.count == 3, parts[0].count == 4, parts.allSatisfy({ Int($0) != nil }),
                  let m = Int(parts[1]), (1...12).contains(m), let d = Int(parts[2]), (1...31).contains(d) else {
                throw ValidationError("--date must be YYYY-MM-DD, not '\(date)'")
            }
        }
    }

    func loadOntology() throws -> Ontology {
        guard let dir = Ontology.locate(explicit: ontology, executable: CommandLine.arguments.first) else {
            throw CLIError("cannot find the ontology folder; pass --ontology DIR or set KG_ONTOLOGY")
        }
        return try Ontology.load(directory: dir)
    }
}

/// A failure reported as `kg: error: MESSAGE` with exit code 1.
struct CLIError: Error, CustomStringConvertible {
    var description: String
    init(_ message: String) { description = message }
}

/// Reads an input file as a document: UTF-8 (invalid bytes replaced, with a warning), no NULs.
func readDocument(_ path: String, date: String?) throws -> SourceDocument {
    guard let data = FileManager.default.contents(atPath: path) else {
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDir) {
            throw CLIError("\(path): \(isDir.boolValue ? "is a folder, not a file" : "cannot be read (permission denied?)")")
        }
        throw CLIError("\(path): no such file")
    }
    let bytes = [UInt8](data)
    if let nul = bytes.firstIndex(of: 0) {
        throw CLIError("\(path): binary file (NUL byte at offset \(nul)); expected UTF-8 text")
    }
    var text = String(decoding: bytes, as: UTF8.self)
    if String(validating: bytes, as: UTF8.self) == nil {
        var offset = 0
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let s): offset += UTF8.width(s)
            case .emptyInput: break loop
            case .error: break loop
            }
        }
        warn("\(path): invalid UTF-8 at byte offset \(offset); invalid bytes replaced with U+FFFD")
        text = String(decoding: bytes, as: UTF8.self)
    }
    let name = URL(fileURLWithPath: path).lastPathComponent
    let id = name.split(separator: ".").count > 1 ? String(name[..<name.lastIndex(of: ".")!]) : name
    return SourceDocument(id: id, text: text, date: date)
}

func warn(_ message: String) {
    FileHandle.standardError.write(Data("kg: warning: \(message)\n".utf8))
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

/// Builds the graph of some documents.
func buildGraph(_ documents: [SourceDocument], ontology: Ontology) -> Graph {
    let extractor = Extractor(ontology: ontology)
    var graph = Graph(vocabulary: ontology.relations)
    for d in documents { extractor.extract(d, into: &graph) }
    return graph
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

extension KG {
    struct Sample: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sample",
            abstract: "Build the graph of the bundled sample article into exports/ (the default command).")

        @OptionGroup var common: CommonOptions

        @Option(name: .long, help: ArgumentHelp("Where to write the exports.", valueName: "dir"))
        var output: String?

        func run() throws {
            try common.validateDate()
            try reportingErrors {
                let ontology = try common.loadOntology()
                guard let url = Bundle.module.url(forResource: "xi-putin-2022-12-30", withExtension: "txt") else {
                    throw CLIError("the bundled sample article is missing from this build")
                }
                let document = try readDocument(url.path, date: common.date)
                let graph = buildGraph([document], ontology: ontology)
                let out = output ?? URL(fileURLWithPath: ontology.directory).deletingLastPathComponent().appendingPathComponent("exports").path
                let options = ExportOptions(ontologyNamespace: ontology.namespace, generator: "kg \(kgVersion)")
                let files = try export(graph, formats: ExportFormat.allCases, directory: out, name: document.info.id, options: options)
                let positive = graph.statements.filter(\.isPositive).count
                print("kg: \(graph.entities.count) actors, \(graph.statements.count) statements (\(positive) positive) from \(document.info.id)")
                for f in files { print("  wrote \(f)") }
            }
        }
    }

    struct Extract: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Extract actor–relation–actor statements from text files.",
            discussion: """
            Each FILE is a UTF-8 text document; its id is the file name without extension.
            With --output, one file per format is written to DIR (graph.EXT, or FILE.EXT for a
            single input). Without --output, --format must name one format, written to stdout.

            Formats: \(ExportFormat.allCases.map { "\($0.rawValue) (.\($0.fileExtension))" }.joined(separator: ", "))

            Examples:
              kg extract article.txt --format jsonl > statements.jsonl
              kg extract corpus/*.txt --output out --format rdfxml,graphml,jsonl
            """)

        @OptionGroup var common: CommonOptions

        @Argument(help: ArgumentHelp("Text files to read.", valueName: "file"))
        var files: [String]

        @Option(name: .shortAndLong, help: ArgumentHelp("Folder to write one file per format to.", valueName: "dir"))
        var output: String?

        @Option(name: .shortAndLong, help: ArgumentHelp("Comma-separated formats.", valueName: "formats"))
        var format: String = "rdfxml,graphml,jsonl"

        @Option(name: .long, help: ArgumentHelp("Base IRI of entities, documents and statements.", valueName: "iri"))
        var baseIRI: String = ExportOptions.defaultBaseIRI

        @Flag(name: .long, help: "Stop at the first unreadable file.")
        var strict = false

        func validate() throws {
            try common.validateDate()
            let formats = try parseFormats(format)
            if output == nil && formats.count != 1 {
                throw ValidationError("without --output, --format must name exactly one format (e.g. --format jsonl)")
            }
            guard baseIRI.hasSuffix("/") || baseIRI.hasSuffix("#"), baseIRI.contains(":"),
                  !baseIRI.contains(where: { $0 == " " || $0 == "<" || $0 == ">" || $0 == "\"" }) else {
                throw ValidationError("--base-iri must be an absolute IRI ending with '/' or '#', not '\(baseIRI)'")
            }
        }

        func run() throws {
            let formats = try parseFormats(format)
            var failed = false
            try reportingErrors {
                let ontology = try common.loadOntology()
                var documents: [SourceDocument] = []
                for path in files {
                    do {
                        documents.append(try readDocument(path, date: common.date))
                    } catch {
                        FileHandle.standardError.write(Data("kg: error: \(error)\n".utf8))
                        failed = true
                        if strict { throw ExitCode.failure }
                    }
                }
                let graph = buildGraph(documents, ontology: ontology)
                let options = ExportOptions(baseIRI: baseIRI, ontologyNamespace: ontology.namespace, generator: "kg \(kgVersion)")
                if let output {
                    let name = documents.count == 1 && files.count == 1 ? documents[0].info.id : "graph"
                    _ = try export(graph, formats: formats, directory: output, name: name, options: options)
                } else {
                    let sink = FileSink(descriptor: 1, name: "standard output")
                    try formats[0].serializer(options: options).write(graph, to: sink)
                }
            }
            if failed { throw ExitCode.failure }
        }
    }

    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show, sentence by sentence, the actors, coreference and patterns behind each statement.",
            discussion: """
            Example:
              kg explain article.txt
            """)

        @OptionGroup var common: CommonOptions

        @Argument(help: ArgumentHelp("Text files to explain.", valueName: "file"))
        var files: [String]

        func run() throws {
            try common.validateDate()
            try reportingErrors {
                let ontology = try common.loadOntology()
                let extractor = Extractor(ontology: ontology)
                for path in files {
                    let document = try readDocument(path, date: common.date)
                    let report = extractor.explain(document)
                    var out = "# \(document.info.id)"
                    if let issuer = report.issuer { out += "  (we = \(issuer))" }
                    out += "\n"
                    for s in report.sentences {
                        out += "\n[\(s.index)] \(s.text)\n"
                        for m in s.mentions {
                            let target = m.entities.isEmpty ? "?" : m.entities.joined(separator: ", ")
                            out += "    actor  '\(m.text)' → \(target)  (\(m.kind.rawValue): \(m.note))\n"
                        }
                        for r in s.relations {
                            var flags = r.negated ? " NEGATED" : ""
                            if r.modality != .asserted { flags += " \(r.modality.rawValue)" }
                            out += "    ⇒ \(r.subject) \(r.relation) \(r.object)\(flags)  conf=\(decimal(r.confidence))\n"
                            out += "        because \(r.pattern)\n"
                        }
                    }
                    let sink = FileSink(descriptor: 1, name: "standard output")
                    try sink.write(out)
                    try sink.finish()
                }
            }
        }
    }
}
