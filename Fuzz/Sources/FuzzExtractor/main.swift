// libFuzzer harness: the extraction pipeline (both relation stages, as `kg extract` runs by
// default) and every serializer on arbitrary text.
//
// The ontology is loaded once from KG_ONTOLOGY (scripts/dev/fuzz.sh sets it to ontology/).
// Input bytes are decoded as `kg extract` decodes a file: invalid UTF-8 replaced by U+FFFD
// (NUL-containing inputs are refused by the CLI, so they are skipped here too).
import Extraction
import Foundation
import KnowledgeGraph
import Ontology
import Serialization
import FuzzDriver
import Syntax
import XMLSupport

#if canImport(Glibc)
import Glibc
#endif

let ontology: Ontology = {
    guard let dir = getenv("KG_ONTOLOGY").map({ String(cString: $0) }) else {
        fatalError("set KG_ONTOLOGY to the ontology folder")
    }
    do { return try Ontology.load(directory: dir) } catch { fatalError("cannot load the ontology: \(error)") }
}()
/// The extractor `kg extract` runs by default: both relation stages, with the syntax model.
let extractor: Extractor = {
    guard let bytes = FileManager.default.contents(atPath: ontology.directory + "/syntax/en_ewt.model") else {
        fatalError("cannot read the syntax model in \(ontology.directory)/syntax")
    }
    do { return Extractor(ontology: ontology, syntax: try SyntaxModel(bytes: [UInt8](bytes)), relations: .both) } catch {
        fatalError("cannot load the syntax model: \(error)")
    }
}()
let options = ExportOptions(ontologyNamespace: ontology.namespace, generator: "kg-fuzz")

/// The program's entry point (see FuzzDriver.h): runs libFuzzer with `fuzz` as the target.
@_cdecl("FuzzExtractor_main")
public func fuzzExtractorMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in
        guard let data else { return fuzz(UnsafePointer(bitPattern: 1)!, 0) }
        return fuzz(data, size)
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    if bytes.contains(0) { return -1 }
    let text = String(decoding: bytes, as: UTF8.self)
    var graph = Graph(vocabulary: ontology.relations)
    extractor.extract(SourceDocument(id: "fuzz-doc", text: text), into: &graph)
    _ = extractor.explain(SourceDocument(id: "fuzz-doc", text: text))
    for format in ExportFormat.allCases {
        let sink = MemorySink()
        do {
            try format.serializer(options: options).write(graph, to: sink)
        } catch {
            fatalError("\(format.rawValue) export failed: \(error)")
        }
        // The XML exports must parse back.
        if format.fileExtension.hasSuffix("rdf") || format.fileExtension.hasSuffix("graphml") {
            do { _ = try XMLDocumentParser.parse(bytes: sink.bytes, source: format.rawValue) } catch {
                fatalError("\(format.rawValue) export is not well-formed: \(error)")
            }
        }
    }
    return 0
}
