import ArgumentParser
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

