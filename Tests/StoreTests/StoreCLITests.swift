import Foundation
import SQLiteSupport
import Store
import Testing
import TestSupport

/// A store built by `kg extract --into` from the fixture articles, and their RDF/XML export.
struct Built {
    let folder: String
    let store: String
    let rdf: String
    let exports: String

    init() throws {
        folder = try TestTemporary.folder("store")
        store = folder + "/news.db"
        exports = folder + "/extracted"
        let a = try kg(["extract", articles, "--into", store, "--batch", "3"])
        #expect(a.status == 0, "\(a.stderr)")
        let b = try kg(["extract", articles, "--output", exports, "-q"])
        #expect(b.status == 0, "\(b.stderr)")
        rdf = exports + "/graph.rdf"
    }

    /// Every entity label of the store, from its `entities` view.
    func labels() throws -> [String] {
        let db = try SQLiteDatabase(path: store, mode: .readOnly)
        let q = try db.prepare("SELECT label FROM entities ORDER BY key")
        var out: [String] = []
        while try q.step() { out.append(q.text(0)) }
        return out
    }
}

@Suite(.serialized) struct StoreCLITests {
    @Test func exportOfTheStoreIsTheExtractionsExport() throws {
        let b = try Built()
        let dir = b.folder + "/exported"
        let r = try kg(["export", b.store, "--output", dir])
        #expect(r.status == 0, "\(r.stderr)")
        let extracted = try FileManager.default.contentsOfDirectory(atPath: b.exports).sorted()
        #expect(extracted.count >= 7)
        for name in extracted {
            let exported = dir + "/" + name.replacingOccurrences(of: "graph.", with: "news.")
            #expect(read(exported) == read(b.exports + "/" + name), "\(name) differs between the store and the extraction")
        }
        // Default: JSON Lines to standard output.
        let j = try kg(["export", b.store])
        #expect(j.status == 0)
        #expect(Data(j.stdout.utf8) == read(b.exports + "/graph.jsonl"))
    }

    @Test func everyReadingCommandAnswersAsOnTheRDFXMLExport() throws {
        let b = try Built()
        var commands: [[String]] = [
            ["stats"], ["stats", "--top", "3", "--format", "json"],
            ["query", "?x ?r ?y"], ["query", "?x @cooperation ?y ORDER BY weight DESC"], ["query", "?x praises ?y"],
            ["query", "?a ?r ?b . ?b ?s ?c"], ["query", "?x meetsWith|visits ?y", "--include-hypothetical"],
            ["query", "?x ?r ?y", "--since", "2023-01-01", "--format", "json"],
            ["evidence", "?", "?", "?"], ["evidence", "?", "praises", "?", "--format", "csv"],
            ["path", "China", "Japan"], ["path", "Hungary", "Iran", "--max-hops", "6"],
        ]
        for label in try b.labels() {
            commands.append(["neighbors", label, "--include-hypothetical", "--include-negated"])
            commands.append(["query", "\"\(label)\" ?r ?y"])
            commands.append(["query", "?x ?r \"\(label)\" . ?x ?s ?z"])
            commands.append(["evidence", label, "?", "?"])
        }
        for c in commands {
            let onStore = try kg([c[0], b.store] + Array(c.dropFirst()) + ["--format", "tsv"].filter { _ in !c.contains("--format") })
            let onRDF = try kg([c[0], b.rdf] + Array(c.dropFirst()) + ["--format", "tsv"].filter { _ in !c.contains("--format") })
            #expect(onStore.status == onRDF.status, "\(c)")
            #expect(onStore.stdout == onRDF.stdout, "\(c): the store answers otherwise than the RDF/XML export")
            #expect(onStore.stderr.replacingOccurrences(of: b.store, with: "G") == onRDF.stderr.replacingOccurrences(of: b.rdf, with: "G"), "\(c)")
        }
        // Unknown names fail alike.
        let u1 = try kg(["query", b.store, "Chna praises ?y"]), u2 = try kg(["query", b.rdf, "Chna praises ?y"])
        #expect(u1.status == u2.status && u1.status != 0)
        #expect(u1.stderr == u2.stderr)
        // render draws the same picture.
        let d1 = b.folder + "/r1", d2 = b.folder + "/r2"
        #expect(try kg(["render", b.store, "--output", d1, "--image", "none"]).status == 0)
        #expect(try kg(["render", b.rdf, "--output", d2, "--image", "none"]).status == 0)
        #expect(read(d1 + "/news.dot") == read(d2 + "/graph.dot") || read(d1 + "/graph.dot") == read(d2 + "/graph.dot"))
        // merge reads a store like any graph.
        let m1 = try kg(["merge", b.store, "--format", "jsonl"]), m2 = try kg(["merge", b.rdf, "--format", "jsonl"])
        #expect(m1.status == 0 && m1.stdout == m2.stdout)
    }

    @Test func addingTheSameDocumentsAgainChangesNothing() throws {
        let b = try Built()
        let before = try GraphStore(path: b.store, access: .read).counts()
        let again = try kg(["extract", articles, "--into", b.store])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stderr.contains("document 'a01-summit' is already in \(b.store) with the same content: skipped"))
        #expect(again.stderr.contains("added 0 documents"))
        let merged = try kg(["merge", b.rdf, "--into", b.store])
        #expect(merged.status == 0, "\(merged.stderr)")
        #expect(merged.stderr.contains("skipped 10 already stored"))
        let after = try GraphStore(path: b.store, access: .read).counts()
        #expect(after == before)
        #expect(Data(try kg(["export", b.store]).stdout.utf8) == read(b.exports + "/graph.jsonl"))
    }

    @Test func storesAndShardsMergeIntoAStore() throws {
        let b = try Built()
        let shard = b.folder + "/shard.jsonl"
        try Data(try kg(["export", b.store]).stdout.utf8).write(to: URL(fileURLWithPath: shard))
        // A store merged into a new store, then a JSON Lines shard of the same documents: one copy.
        let copy = b.folder + "/copy.sqlite"
        let m = try kg(["merge", b.store, "--into", copy])
        #expect(m.status == 0, "\(m.stderr)")
        let again = try kg(["merge", shard, "--into", copy])
        #expect(again.status == 0 && again.stderr.contains("skipped 10 already stored"), "\(again.stderr)")
        #expect(try kg(["export", copy, "--format", "rdfxml"]).stdout == (try kg(["export", b.store, "--format", "rdfxml"]).stdout))
        // --into is a store, not an export.
        let both = try kg(["merge", shard, "--into", copy, "--output", b.folder + "/x"])
        #expect(both.status == 64 && both.stderr.contains("--into writes a store, not an export"))
    }

    @Test func theSameIDWithOtherContentIsKeptApart() throws {
        let b = try Built()
        let other = try TestTemporary.folder("other")
        try "Russia attacked Ukraine on Monday.".write(toFile: other + "/a01-summit.txt", atomically: true, encoding: .utf8)
        let r = try kg(["extract", other + "/a01-summit.txt", "--into", b.store])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("document 'a01-summit' has other content than the document 'a01-summit' from \(b.store): both kept, this one as 'a01-summit~2'"))
        let ids = try GraphStore(path: b.store, access: .read).documents().map(\.id)
        #expect(ids.contains("a01-summit") && ids.contains("a01-summit~2"))
        let q = try kg(["evidence", b.store, "Russia", "attacks", "Ukraine", "--format", "tsv"])
        #expect(q.stdout.contains("a01-summit~2"))
    }

    @Test func orderAndBatchesDoNotChangeAnswersOrExports() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: articles).filter { $0.hasSuffix(".txt") }.sorted()
        let dir = try TestTemporary.folder("orders")
        // One run, batches of 4; then one document at a time, backwards; then halves, second first.
        #expect(try kg(["extract", articles, "--into", dir + "/a.db", "--batch", "4"]).status == 0)
        for n in names.reversed() { #expect(try kg(["extract", "\(articles)/\(n)", "--into", dir + "/b.db", "-q"]).status == 0) }
        let half = names.count / 2
        #expect(try kg(["extract"] + names[half...].map { "\(articles)/\($0)" } + ["--into", dir + "/c.db", "--batch", "1"]).status == 0)
        #expect(try kg(["extract"] + names[..<half].map { "\(articles)/\($0)" } + ["--into", dir + "/c.db", "--batch", "2"]).status == 0)
        let stores = ["a", "b", "c"].map { dir + "/\($0).db" }
        for command in [["export", "--format", "jsonl"], ["export", "--format", "rdfxml"], ["export", "--format", "csv"],
                        ["export", "--format", "nquads"], ["stats", "--format", "tsv"], ["query", "?x ?r ?y", "--format", "tsv"]] {
            let outputs = try stores.map { s in try kg([command[0], s] + Array(command.dropFirst())).stdout }
            #expect(!outputs[0].isEmpty)
            #expect(outputs[1] == outputs[0] && outputs[2] == outputs[0], "\(command)")
        }
    }

    @Test func aFileThatIsNotAStoreIsRefusedAndLeftAsItWas() throws {
        let dir = try TestTemporary.folder("notstore")
        // Another application's SQLite database.
        let other = dir + "/other.sqlite"
        let db = try SQLiteDatabase(path: other, mode: .create)
        try db.execute("CREATE TABLE t (x); INSERT INTO t VALUES (1)")
        db.close()
        // A text file named like a store.
        let text = dir + "/notes.db"
        try "just some notes".write(toFile: text, atomically: true, encoding: .utf8)
        for file in [other, text] {
            let before = read(file)
            for command in [["extract", articles, "--into", file], ["query", file, "?x ?r ?y"], ["stats", file], ["export", file]] {
                let r = try kg(command)
                #expect(r.status == 1, "\(command)")
                #expect(r.stderr.contains("kg: error: \(file): not a kg store ("), "\(command): \(r.stderr)")
            }
            #expect(read(file) == before)
        }
    }

    @Test func aStoreOfANewerSchemaIsRefusedAndLeftAsItWas() throws {
        let b = try Built()
        let db = try SQLiteDatabase(path: b.store, mode: .readWrite)
        try db.execute("PRAGMA user_version = \(Schema.version + 1)")
        db.close()
        let before = read(b.store)
        for command in [["extract", articles, "--into", b.store], ["query", b.store, "?x ?r ?y"], ["neighbors", b.store, "China"]] {
            let r = try kg(command)
            #expect(r.status == 1)
            #expect(r.stderr.contains("kg: error: \(b.store): a kg store of schema version \(Schema.version + 1), newer than this kg reads"), "\(r.stderr)")
        }
        #expect(read(b.store) == before)
    }

    @Test func aLockedStoreFailsAfterTheBusyTimeoutAndChangesNothing() throws {
        let b = try Built()
        let other = try TestTemporary.folder("more")
        try "Russia attacked Ukraine on Monday.".write(toFile: other + "/new.txt", atomically: true, encoding: .utf8)
        let before = try GraphStore(path: b.store, access: .read).counts()
        let writer = try SQLiteDatabase(path: b.store, mode: .readWrite)
        try writer.execute("BEGIN IMMEDIATE")
        let r = try kg(["extract", other, "--into", b.store], environment: ["KG_STORE_BUSY_TIMEOUT_MS": "300"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("kg: error: \(b.store): the store is locked by another writer (waited 0.3 s)"), "\(r.stderr)")
        try writer.execute("ROLLBACK")
        writer.close()
        #expect(try GraphStore(path: b.store, access: .read).counts() == before)
        // Readers are not blocked by a writer (WAL).
        let w2 = try SQLiteDatabase(path: b.store, mode: .readWrite)
        try w2.execute("BEGIN IMMEDIATE")
        #expect(try kg(["query", b.store, "?x praises ?y"]).status == 0)
        try w2.execute("ROLLBACK")
    }

    @Test func killedMidRunKeepsEveryCommittedBatch() throws {
        let input = try bigCorpus(copies: 400)
        let store = TestTemporary.path("killed", suffix: ".db")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: kgBinary())
        p.arguments = ["extract", input, "--into", store, "--batch", "20", "--jobs", "1", "-q"]
        p.standardError = FileHandle.nullDevice
        try p.run()
        // Wait for the first commit, then kill -9.
        var seen = 0
        let deadline = Date().addingTimeInterval(120)
        while seen == 0 && Date() < deadline && p.isRunning {
            usleep(20_000)
            if FileManager.default.fileExists(atPath: store), let s = try? GraphStore(path: store, access: .read) {
                seen = (try? s.counts().documents) ?? 0
                s.close()
            }
        }
        let wasRunning = p.isRunning
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        #expect(wasRunning, "kg finished before it could be killed; make the input larger")
        #expect(seen > 0)
        let s = try GraphStore(path: store, access: .read)
        #expect(try s.integrityCheck() == "ok")
        let counts = try s.counts()
        #expect(counts.documents >= seen && counts.documents < 4000)
        #expect(counts.documents % 20 == 0, "only whole batches are committed")
        // The committed documents are readable and complete: each has its statements.
        let db = try SQLiteDatabase(path: store, mode: .readOnly)
        #expect(try db.integer("SELECT count(*) FROM kg_document d WHERE NOT EXISTS (SELECT 1 FROM kg_mention m WHERE m.document = d.id)") == 0)
        #expect(try kg(["stats", store, "--format", "tsv"]).status == 0)
        // And a second run completes it.
        let r = try kg(["extract", input, "--into", store, "-q", "--batch", "1000"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try GraphStore(path: store, access: .read).counts().documents == 4000)
    }
}
