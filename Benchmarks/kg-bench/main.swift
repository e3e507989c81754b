// kg-bench: micro-benchmarks of the graph core and the XML exports, driven by scripts/bench/bench.py.
//
//   kg-bench memory N            build a graph of N distinct statements; print heap bytes per statement
//   kg-bench export N DIR        build a graph of N statements with evidence, write DIR/graph.rdf and
//                                DIR/graph.graphml, print bytes and CPU seconds of each (best of 3)
//
// Output is one JSON object on stdout. Nothing here is a test: timings are never asserted.
#if canImport(Glibc)
import Glibc
#endif
import Foundation
import KnowledgeGraph
import Serialization
import XMLSupport

/// Resident bytes of the process after glibc returns its free memory to the system
/// (`malloc_trim(0)`, looked up at run time: Swift's Glibc module does not export malloc.h).
func heapInUse() -> Int {
    if let sym = dlsym(dlopen(nil, RTLD_NOW), "malloc_trim") {
        let trim = unsafeBitCast(sym, to: (@convention(c) (Int) -> Int32).self)
        _ = trim(0)
    }
    guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
    let fields = text.split(separator: " ")
    guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
    return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
}

/// Wall-clock seconds.
func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

/// CPU seconds of the calling thread (robust when other processes share the cores).
func cpuNow() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

let relationNames = ["attacks", "meetsWith", "visits", "invites", "criticizes", "supports", "accuses", "mediates",
                     "negotiatesWith", "sanctions", "threatens", "praises", "allyOf", "condemns", "callsFor",
                     "signsAgreementWith", "providesAidTo", "cooperatesWith", "demandsFrom", "hosts"]

func vocabulary() -> RelationVocabulary {
    RelationVocabulary(relationNames.enumerated().map { i, name in
        Relation(name: name, label: name, symmetric: ["meetsWith", "allyOf", "negotiatesWith", "cooperatesWith"].contains(name),
                 quadClass: 1 + i % 4, cameo: String(10 + i), plover: "", goldstein: Double(i % 10) - 5)
    })
}

/// A deterministic graph of `n` distinct statements over n/10 entities (at least 100).
/// Every `evidencePerStatement`-th statement gets a second mention; quotes and patterns come from
/// small pools, so their text is shared (as the extractor shares each sentence's string).
func build(_ n: Int, documents: Int) -> Graph {
    var g = Graph(vocabulary: vocabulary())
    let entityCount = max(100, n / 10)
    for d in 0..<documents {
        g.addDocument(DocumentInfo(id: "doc-\(d)", title: "Document \(d)", date: "2024-01-\(String(format: "%02d", 1 + d % 28))",
                                   url: "https://example.org/news/\(d)"))
    }
    var ids: [EntityID] = []
    ids.reserveCapacity(entityCount)
    for e in 0..<entityCount {
        let person = e % 2 == 0
        ids.append(g.intern(Entity(key: person ? "person-\(e)" : "C\(e)", label: person ? "Person Number \(e)" : "Country \(e)",
                                   type: person ? .person : .country, country: person ? "C\(e + 1)" : "C\(e)")))
    }
    let quotes = (0..<64).map { "Sentence \($0): the minister of Country \($0) said on Tuesday that talks with Person Number \($0 * 7) would continue next week in the capital." }
    let patterns = (0..<16).map { "lexicon.tsv:\($0 * 3 + 10) verb 'meet'; subject subject [gazetteer]; object object [gazetteer]" }
    let rcount = relationNames.count
    var i = 0
    while g.statements.count < n {
        let s = i % entityCount
        let k = i / entityCount
        let o = (s + 1 + k / rcount) % entityCount
        let r = RelationID(UInt16(k % rcount))
        let key = StatementKey(subject: ids[s], relation: r, object: ids[o], negated: i % 17 == 0, modality: i % 11 == 0 ? .future : .asserted)
        let doc = i % documents
        g.add(key, evidence: Evidence(document: doc, sentence: i % 40, start: (i % 40) * 120, end: (i % 40) * 120 + 80,
                                      quote: quotes[i % quotes.count], pattern: patterns[i % patterns.count], confidence: 0.85))
        if i % 3 == 0 {
            g.add(key, evidence: Evidence(document: (doc + 1) % documents, sentence: 2, start: 300, end: 360,
                                          quote: quotes[(i + 5) % quotes.count], pattern: patterns[(i + 1) % patterns.count], confidence: 0.7))
        }
        i += 1
    }
    return g
}

/// Counts bytes and drops them.
final class CountingSink: ByteSink {
    var count = 0
    func write(_ bytes: UnsafeRawBufferPointer) throws { count += bytes.count }
    func finish() throws {}
    func abandon() {}
}

let args = CommandLine.arguments
guard args.count >= 3, let n = Int(args[2]), n > 0 else {
    FileHandle.standardError.write(Data("usage: kg-bench memory N | kg-bench export N DIR | kg-bench xmlscan N DIR\n".utf8))
    exit(64)
}
switch args[1] {
case "memory":
    let before = heapInUse()
    let t0 = now()
    let g = build(n, documents: 1000)
    let t1 = now()
    let bytes = heapInUse() - before
    let statements = g.statements.count
    let evidence = g.statements.reduce(0) { $0 + $1.evidence.count }
    print("{\"statements\":\(statements),\"entities\":\(g.entities.count),\"evidence\":\(evidence),\"residentBytes\":\(bytes),\"bytesPerStatement\":\(Double(bytes) / Double(statements)),\"buildSeconds\":\(t1 - t0)}")
    withExtendedLifetime(g) {}
case "export":
    guard args.count == 4 else { exit(64) }
    let dir = args[3]
    // 20 documents: the RDF exports name the extraction run after all document ids (RDFNaming.run),
    // an IRI that grows with the corpus and repeats on every statement; many documents would make
    // the file mostly that IRI and the throughput meaningless.
    let g = build(n, documents: 20)
    let options = ExportOptions(ontologyNamespace: "https://w3id.org/kg-news/ontology#", generator: "kg-bench")
    var out = "{\"statements\":\(g.statements.count)"
    for (name, format) in [("rdfxml", ExportFormat.rdfxml), ("graphml", .graphml)] {
        var best = Double.infinity
        var size = 0
        for _ in 0..<3 {
            let sink = CountingSink()
            let t0 = cpuNow()
            do { try format.serializer(options: options).write(g, to: sink) } catch {
                FileHandle.standardError.write(Data("kg-bench: \(error)\n".utf8))
                exit(1)
            }
            best = min(best, cpuNow() - t0)
            size = sink.count
        }
        do {
            let sink = try FileSink(atomicPath: dir + "/graph." + format.fileExtension)
            try format.serializer(options: options).write(g, to: sink)
        } catch {
            FileHandle.standardError.write(Data("kg-bench: \(error)\n".utf8))
            exit(1)
        }
        out += ",\"\(name)\":{\"bytes\":\(size),\"seconds\":\(best)}"
    }
    print(out + "}")
case "xmlscan":
    // The attribute pre-scan of XMLStreamReader (XMLAttributeScanner) against a whole streamed
    // read of the same RDF/XML file (which includes the pre-scan): CPU seconds, best of 3.
    guard args.count == 4 else { exit(64) }
    let path = args[3] + "/scan.rdf"
    let g = build(n, documents: 20)
    let options = ExportOptions(ontologyNamespace: "https://w3id.org/kg-news/ontology#", generator: "kg-bench")
    do {
        let sink = try FileSink(atomicPath: path)
        try ExportFormat.rdfxml.serializer(options: options).write(g, to: sink)
        let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        var scan = Double.infinity, read = Double.infinity
        for _ in 0..<3 {
            guard let h = FileHandle(forReadingAtPath: path) else { exit(1) }
            var scanner = XMLAttributeScanner()
            let t0 = cpuNow()
            while let chunk = try h.read(upToCount: 1 << 16), !chunk.isEmpty {
                if chunk.withUnsafeBytes({ scanner.scan($0) }) != nil { exit(1) }
            }
            scan = min(scan, cpuNow() - t0)
            try h.close()
            let t1 = cpuNow()
            let r = try XMLStreamReader(file: path)
            var nodes = 0
            while try r.read() { nodes += 1 }
            read = min(read, cpuNow() - t1)
        }
        try? FileManager.default.removeItem(atPath: path)
        let mb = Double(size) / 1e6
        print("{\"bytes\":\(size),\"scanSeconds\":\(scan),\"scanMBps\":\(mb / scan),\"readSeconds\":\(read),\"readMBps\":\(mb / read),\"scanShare\":\(scan / read)}")
    } catch {
        FileHandle.standardError.write(Data("kg-bench: \(error)\n".utf8))
        exit(1)
    }
default:
    FileHandle.standardError.write(Data("kg-bench: unknown benchmark '\(args[1])'\n".utf8))
    exit(64)
}
