import Corpus
import Extraction
import Foundation
import KnowledgeGraph
import Serialization
import XMLSupport
import SQLiteSupport
@testable import Store
import Testing
import TestSupport

/// The graph `kg extract` builds of some fixture articles.
func extracted(_ names: [String]) throws -> Graph {
    let extractor = Extractor(ontology: ontology)
    var graph = Graph(vocabulary: ontology.relations)
    for n in names {
        let text = try String(contentsOfFile: "\(articles)/\(n)", encoding: .utf8)
        extractor.extract(SourceDocument(id: (n as NSString).deletingPathExtension, text: text, date: nil), into: &graph)
    }
    return graph
}

let someArticles = ["a01-summit.txt", "a02-sanctions.txt", "a05-mediation.txt", "a08-talks.txt"]

@Suite struct StoreTests {
    @Test func aStoreIsToldBySQLitesHeaderOrItsName() {
        let header = InputKind.sqliteHeader + [UInt8](repeating: 0, count: 84)
        #expect(header.count == 100 && InputKind.sqliteHeader.count == 16)
        #expect(InputKind.classify(path: "graph.bin", prefix: header) == .store)
        #expect(InputKind.classify(path: nil, prefix: header) == .store)
        #expect(InputKind.classify(path: "news.db", prefix: []) == .store)
        #expect(InputKind.classify(path: "news.sqlite", prefix: Array("text".utf8)) == .store)
        #expect(InputKind.store.role == .graph)
        #expect(InputKind.classify(path: "news.txt", prefix: Array("SQLite format 2".utf8)) == .text)
    }

    @Test func aGraphReadBackIsTheGraphWritten() throws {
        let graph = try extracted(someArticles)
        let path = TestTemporary.path("roundtrip", suffix: ".db")
        let store = try GraphStore(path: path, access: .write)
        let result = try store.add(graph, documentIDs: graph.documents.map(\.id), batchSize: 1)
        #expect(result.batches == someArticles.count && result.documents == someArticles.count)
        let back = try StoreReader(store: store, vocabulary: ontology.relations).graph()
        #expect(back.checkInvariants())
        let options = ExportOptions(baseIRI: ExportOptions.defaultBaseIRI, ontologyNamespace: ontology.namespace, generator: "kg test")
        for format in ExportFormat.allCases {
            let a = MemorySink(), b = MemorySink()
            try format.serializer(options: options).write(graph, to: a)
            try format.serializer(options: options).write(back, to: b)
            #expect(a.bytes == b.bytes, "\(format.rawValue)")
        }
        #expect(try store.integrityCheck() == "ok")
        let db = try SQLiteDatabase(path: path, mode: .readOnly)
        #expect(try db.integer("PRAGMA application_id") == Int64(Schema.applicationID))
        #expect(try db.integer("PRAGMA user_version") == Int64(Schema.version))
        #expect(try db.integer("SELECT count(*) FROM kg_mention") == Int64(graph.statements.reduce(0) { $0 + $1.weight }))
    }

    /// A graph whose mentions have role codes: "Sudanese forces" is SDNMIL, "Sudan" SDN.
    func codedGraph(_ id: String = "codes") -> Graph {
        var graph = Graph(vocabulary: ontology.relations)
        Extractor(ontology: ontology).extract(SourceDocument(id: id, text: "Sudanese forces shelled Chad. Later, Sudan attacked Chad again.",
                                                             date: "2023-05-24"), into: &graph)
        return graph
    }

    func mentionCodes(_ graph: Graph) -> [[String?]] {
        graph.sortedStatements.flatMap(\.evidence).map { [$0.subjectCode, $0.objectCode] }
    }

    @Test func mentionCodesComeBackAndFillTheViews() throws {
        let graph = codedGraph()
        #expect(mentionCodes(graph) == [["SDNMIL", "TCD"], ["SDN", "TCD"]])
        let path = TestTemporary.path("codes", suffix: ".db")
        let store = try GraphStore(path: path, access: .write)
        _ = try store.add(graph, documentIDs: graph.documents.map(\.id), batchSize: 1)
        let back = try StoreReader(store: store, vocabulary: ontology.relations).graph()
        #expect(mentionCodes(back) == mentionCodes(graph))
        let db = try SQLiteDatabase(path: path, mode: .readOnly)
        let events = try db.prepare("SELECT Actor1Code, Actor2Code FROM events")
        #expect(try events.step() && events.text(0) == "SDNMIL" && events.text(1) == "TCD")
        #expect(try db.integer("SELECT count(*) FROM evidence WHERE subject_code = 'SDN' AND object_code = 'TCD'") == 1)
    }

    @Test func aStoreWrittenBeforeMentionCodesIsReadAndUpgradedOnWrite() throws {
        let path = TestTemporary.path("old", suffix: ".db")
        let old = codedGraph("old")
        do {
            let store = try GraphStore(path: path, access: .write)
            _ = try store.add(old, documentIDs: old.documents.map(\.id), batchSize: 1)
            store.close()
            // What a store of kg before the mention codes has: no columns, views on the entities' codes.
            let db = try SQLiteDatabase(path: path, mode: .readWrite)
            try db.execute("""
                DROP VIEW events; DROP VIEW evidence;
                ALTER TABLE kg_mention DROP COLUMN subject_code; ALTER TABLE kg_mention DROP COLUMN object_code;
                """)
            try db.execute(Schema.mentionViews.replacingOccurrences(of: "coalesce(m.subject_code, a.code)", with: "a.code")
                .replacingOccurrences(of: "coalesce(m.object_code, b.code)", with: "b.code")
                .replacingOccurrences(of: ", m.subject_code, m.object_code", with: ""))
            db.close()
        }
        // Read only: the mentions have no codes, the rest is there.
        let reading = try GraphStore(path: path, access: .read)
        let read = try StoreReader(store: reading, vocabulary: ontology.relations).graph()
        #expect(read.statements.count == old.statements.count)
        #expect(mentionCodes(read) == [[nil, nil], [nil, nil]])
        reading.close()
        // Opened to write, it gets the columns and views; new mentions keep their codes.
        let writing = try GraphStore(path: path, access: .write)
        let new = codedGraph("new")
        _ = try writing.add(new, documentIDs: new.documents.map(\.id), batchSize: 1)
        let back = try StoreReader(store: writing, vocabulary: ontology.relations).graph()
        #expect(Set(back.sortedStatements.flatMap(\.evidence).map { "\(back.documents[$0.document].id) \($0.subjectCode ?? "-")" })
                == ["old -", "new SDNMIL", "new SDN"])
        let db = try SQLiteDatabase(path: path, mode: .readOnly)
        let events = try db.prepare("SELECT document, Actor1Code FROM events ORDER BY document")
        var rows: [String] = []
        while try events.step() { rows.append("\(events.text(0)) \(events.text(1))") }
        // The old document's event falls back to the entity's code.
        #expect(rows == ["new SDNMIL", "old SDN"])
        #expect(try writing.integrityCheck() == "ok")
    }

    @Test func aSelectionReadsOnlyWhatItCanMatch() throws {
        let graph = try extracted(someArticles)
        let store = try GraphStore(path: TestTemporary.path("select", suffix: ".db"), access: .write)
        try store.add(graph, documentIDs: graph.documents.map(\.id))
        let reader = try StoreReader(store: store, vocabulary: ontology.relations)
        let whole = try reader.graph()
        let china = try #require(whole.entityID(key: "CHN"))
        let part = try reader.graph(selecting: [StatementSelection(subject: "CHN")])
        #expect(part.entities.map(\.key) == reader.entityGraph.entities.map(\.key), "every entity, for names")
        let touching = whole.statements.filter { $0.subject == china || $0.object == china }
        #expect(part.statements.count == touching.count && !touching.isEmpty)
        #expect(part.documents.count <= whole.documents.count)
        let none = try reader.graph(selecting: [StatementSelection(subject: "no-such-actor")])
        #expect(none.statements.isEmpty)
        #expect(try reader.graph(selecting: [StatementSelection()]).statements.count == whole.statements.count)
    }

    @Test func aFullDiskRollsBackTheBatchAndKeepsTheStore() throws {
        let path = TestTemporary.path("full", suffix: ".db")
        let first = try extracted(["a01-summit.txt"])
        let store = try GraphStore(path: path, access: .write)
        try store.add(first, documentIDs: first.documents.map(\.id))
        let before = try store.counts()
        // No page more than it has now: the next batch cannot fit.
        let pages = try #require(try store.database.integer("PRAGMA page_count"))
        try store.execute("PRAGMA max_page_count = \(pages)")
        let more = try extracted(someArticles.filter { $0 != "a01-summit.txt" } + ["a03-border.txt", "a04-aid.txt", "a06-visit.txt"])
        #expect(throws: StoreError.full(file: path)) {
            try store.add(more, documentIDs: more.documents.map(\.id), batchSize: 100)
        }
        #expect(StoreError.full(file: path).description.hasPrefix("\(path): the disk is full"))
        #expect(try store.counts() == before)
        #expect(try store.integrityCheck() == "ok")
    }

    @Test func busyAndFullSQLiteErrorsBecomeStoreErrorsNamingTheFile() {
        let busy = SQLiteError(file: "/x/news.db", code: 5, message: "database is locked")
        #expect(StoreError.from(busy, busyTimeout: 2000) as? StoreError == .locked(file: "/x/news.db", seconds: 2))
        let full = SQLiteError(file: "/x/news.db", code: 13 | (3 << 8), message: "database or disk is full")
        #expect(StoreError.from(full, busyTimeout: 0) as? StoreError == .full(file: "/x/news.db"))
        #expect(StoreError.newerSchema(file: "/x/news.db", version: 9).description.hasPrefix("/x/news.db: a kg store of schema version 9"))
    }
}

/// A 1 MB tmpfs, when the tests run as root and may mount one (a real full disk).
let smallDisk: String? = {
    guard getuid() == 0, onPath("mount"), let dir = try? TestTemporary.folder("tmpfs") else { return nil }
    guard let r = try? run("mount", ["-t", "tmpfs", "-o", "size=1m", "tmpfs", dir]), r.status == 0 else { return nil }
    return dir
}()

@Suite(.serialized) struct StoreEnvironmentTests {
    @Test(.enabled(if: smallDisk != nil, "needs root and mount(8) for a 1 MB tmpfs (the max_page_count test covers SQLITE_FULL without it)"))
    func aFullDiskFailsNamingTheStoreAndChangesNothing() throws {
        let disk = try #require(smallDisk)
        defer { _ = try? run("umount", [disk]) }
        let store = disk + "/news.db"
        #expect(try kg(["extract", articles + "/a01-summit.txt", "--into", store, "-q"]).status == 0)
        let before = try GraphStore(path: store, access: .read).counts()
        let input = try bigCorpus(copies: 400)
        let r = try kg(["extract", input, "--into", store, "--batch", "100000", "--jobs", "2"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("kg: error: \(store): the disk is full"), "\(r.stderr)")
        let s = try GraphStore(path: store, access: .read)
        #expect(try s.counts() == before)
        #expect(try s.integrityCheck() == "ok")
    }

    @Test(.enabled(if: onPath("python3"), "needs python3 (its sqlite3 module) to read the views as a user would"))
    func theViewsAreReadableWithoutKg() throws {
        let b = try Built()
        let script = """
        import csv, sqlite3, sys
        con = sqlite3.connect("file:" + sys.argv[1] + "?mode=ro", uri=True)
        cur = con.execute("select * from events")
        print(",".join(d[0] for d in cur.description))
        rows = cur.fetchall()
        key = lambda r: (r[0] or "", r[1], r[9], r[10], str(r[14]), r[18], r[20])
        mine = sorted(key(tuple("" if v is None else v for v in r)) for r in rows)
        with open(sys.argv[2], newline="", encoding="utf-8") as f:
            theirs = sorted(key(r) for r in list(csv.reader(f))[1:])
        print("events match the CSV export" if mine == theirs else f"events differ: {mine} != {theirs}")
        for view in ["entities", "statements", "evidence", "documents"]:
            print(view, con.execute(f"select count(*) from {view}").fetchone()[0])
        try:
            import pandas as pd
            print("pandas", pd.read_sql("select * from events", con).shape[0])
        except ImportError:
            print("pandas", len(rows))
        """
        let r = try run("python3", ["-c", script, b.store, b.exports + "/graph.csv"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == (CSVSerializer.columns + ["statement"]).joined(separator: ","))
        #expect(lines.contains("events match the CSV export"), "\(r.stdout)")
        #expect(lines.contains("entities 28") && lines.contains("statements 38") && lines.contains("evidence 40") && lines.contains("documents 10"), "\(r.stdout)")
        let csvRows = String(decoding: read(b.exports + "/graph.csv"), as: UTF8.self).split(separator: "\r\n").count - 1
        #expect(lines.contains("pandas \(csvRows)"))
    }

    @Test(.enabled(if: onPath("sqlite3"), "needs the sqlite3 shell"))
    func theSQLiteShellReadsTheStore() throws {
        let b = try Built()
        let r = try run("sqlite3", ["-readonly", b.store, "PRAGMA integrity_check; PRAGMA application_id; PRAGMA user_version; SELECT count(*) FROM events; SELECT key FROM entities WHERE key = 'CHN'"])
        #expect(r.status == 0, "\(r.stderr)")
        let csvRows = String(decoding: read(b.exports + "/graph.csv"), as: UTF8.self).split(separator: "\r\n").count - 1
        #expect(r.stdout == "ok\n\(Schema.applicationID)\n\(Schema.version)\n\(csvRows)\nCHN\n", "\(r.stdout)")
    }
}
