// libFuzzer harness: RDFXMLGraphReader (kg's RDF/XML loaded back, streaming) on arbitrary
// bytes. Seeds are kg's own exports. Every input must load or be refused with an XMLError;
// a graph that loads must export again.
import Corpus
import FuzzDriver
import FuzzQuery
import KnowledgeGraph
import Ontology
import Serialization
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

/// The program's entry point (see FuzzDriver.h): runs libFuzzer with `fuzz` as the target.
@_cdecl("FuzzRDFXMLReader_main")
public func fuzzRDFXMLReaderMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in
        guard let data else { return fuzz(UnsafePointer(bitPattern: 1)!, 0) }
        return fuzz(data, size)
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    do {
        let loaded = try RDFXMLGraphReader.load(bytes: bytes, source: "fuzz.rdf", vocabulary: ontology.relations,
                                                namespace: ontology.namespace)
        let options = ExportOptions(baseIRI: loaded.baseIRI, ontologyNamespace: ontology.namespace, generator: "kg-fuzz")
        let sink = MemorySink()
        do {
            try ExportFormat.rdfxml.serializer(options: options).write(loaded.graph, to: sink)
        } catch {
            // A loaded graph the serializer refuses (e.g. an IRI it cannot write) is fine if refused cleanly.
            if "\(error)".isEmpty { fatalError("an error without a message") }
        }
    } catch let error as XMLError {
        if error.message.isEmpty { fatalError("XMLError without a message") }
    } catch {
        // Other typed errors are refusals too; they must say something.
        if "\(error)".isEmpty { fatalError("an error without a message: \(type(of: error))") }
    }
    return 0
}
