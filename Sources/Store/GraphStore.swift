import Foundation
import KnowledgeGraph
import SQLiteSupport

/// A kg graph kept in a SQLite file (`Schema`), grown document by document and read back as a
/// `Graph`, whole or only the statements a query can match.
///
/// Writing: `add` writes a graph's documents in transactions of a few documents each, in WAL
/// mode, so a killed run leaves a consistent store with every batch committed before it.
/// Reading builds graphs in a canonical order (documents by id, entities by key, statements in
/// `Graph.sortedStatements` order, evidence by document, then span), so the answers and exports
/// of a store do not depend on the order documents were added in.
///
/// One connection; use a store from one thread at a time.
public final class GraphStore {
    /// Read only, or read and write (a missing file is created).
    public enum Access: Sendable {
        case read
        case write
    }

    /// The file, as given.
    public let path: String
    let database: SQLiteDatabase
    let busyTimeout: Int32
    /// Whether `kg_mention` has the mentions' actor codes (`subject_code`, `object_code`): a
    /// store written before them has not until it is opened to write, which adds them.
    private(set) var hasMentionCodes = true

    /// Opens a store, checking it is one kg can read (and creating it for `.write` when the file
    /// is missing or empty). Nothing is changed in a file that is not a kg store or is too new.
    /// - Parameter busyTimeout: milliseconds to wait for another writer before `StoreError.locked`.
    /// - Throws: `StoreError`: `.notAStore`, `.newerSchema`, `.locked`, `.full`, `.sqlite`.
    public init(path: String, access: Access, busyTimeout: Int32 = 5000) throws {
        self.path = path
        self.busyTimeout = busyTimeout
        var isDir: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDir)
        if exists && isDir.boolValue { throw StoreError.notAStore(file: path, reason: "a folder") }
        if !exists && access == .read {
            throw StoreError.sqlite(SQLiteError(file: path, code: 14, message: "no such file"))
        }
        do {
            database = try SQLiteDatabase(path: path, mode: access == .read ? .readOnly : (exists ? .readWrite : .create),
                                          busyTimeout: busyTimeout)
        } catch let e as SQLiteError {
            let missingFolder = !FileManager.default.fileExists(atPath: (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent)
            throw StoreError.sqlite(SQLiteError(file: path, code: e.code, message: missingFolder ? "cannot create the store: no such folder" : "cannot open: \(e.message)"))
        }
        try wrapping { try check(access: access) }
    }

    /// Runs `body`, turning SQLite errors into `StoreError`s.
    func wrapping<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw StoreError.from(error, busyTimeout: busyTimeout)
        }
    }

    /// Checks the mark and the version; creates the schema in an empty database opened to write.
    private func check(access: Access) throws {
        let applicationID = try database.integer("PRAGMA application_id") ?? 0
        let version = try database.integer("PRAGMA user_version") ?? 0
        if applicationID != Int64(Schema.applicationID) {
            let objects = try database.integer("SELECT count(*) FROM sqlite_master") ?? 0
            guard applicationID == 0 && objects == 0 && access == .write else {
                throw StoreError.notAStore(file: path, reason: applicationID == 0 && objects == 0
                    ? "an empty SQLite database" : "a SQLite database of another application")
            }
            try create()
            return
        }
        if version > Int64(Schema.version) { throw StoreError.newerSchema(file: path, version: Int(version)) }
        hasMentionCodes = try database.integer("SELECT count(*) FROM pragma_table_info('kg_mention') WHERE name = 'subject_code'") == 1
        if access == .write {
            try database.execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL")
            if !hasMentionCodes { try addMentionCodes() }
        }
    }

    /// Adds the mentions' actor codes to a store written before them (their mentions keep no
    /// code: the views fall back to the entities' codes), and remakes the views that show them.
    /// Older kg versions read the store as before: they never ask for the new columns.
    private func addMentionCodes() throws {
        try database.transaction {
            try database.execute("""
                ALTER TABLE kg_mention ADD COLUMN subject_code TEXT;
                ALTER TABLE kg_mention ADD COLUMN object_code TEXT;
                DROP VIEW IF EXISTS events;
                DROP VIEW IF EXISTS evidence;
                """)
            try database.execute(Schema.mentionViews)
        }
        hasMentionCodes = true
    }

    /// Writes schema version 1 into an empty database, in one transaction.
    private func create() throws {
        try database.execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL")
        try database.transaction {
            try database.execute(Schema.create)
            try database.execute("PRAGMA application_id = \(Schema.applicationID); PRAGMA user_version = \(Schema.version)")
            let meta = try database.prepare("INSERT INTO kg_meta (key, value) VALUES (?, ?)")
            for (k, v) in [("schema", "\(Schema.version)"), ("sqlite", SQLiteDatabase.libraryVersion)] {
                try meta.bind(1, k)
                try meta.bind(2, v)
                try meta.run()
            }
        }
    }

    /// Runs raw SQL on the store's connection (tests and maintenance: `PRAGMA max_page_count`).
    public func execute(_ sql: String) throws {
        try wrapping { try database.execute(sql) }
    }

    /// Closes the connection.
    public func close() { database.close() }

    /// The documents of the store, in no particular order.
    /// - Complexity: O(documents).
    public func documents() throws -> [DocumentInfo] {
        try wrapping {
            let q = try database.prepare("SELECT key, title, date, url, digest FROM kg_document")
            var out: [DocumentInfo] = []
            while try q.step() {
                out.append(DocumentInfo(id: q.text(0), title: q.optionalText(1), date: q.optionalText(2),
                                        url: q.optionalText(3), digest: q.optionalText(4)))
            }
            return out
        }
    }

    /// How many documents, entities, statements and mentions the store holds.
    public func counts() throws -> (documents: Int, entities: Int, statements: Int, mentions: Int) {
        try wrapping {
            func n(_ table: String) throws -> Int { Int(try database.integer("SELECT count(*) FROM \(table)") ?? 0) }
            return (try n("kg_document"), try n("kg_entity"), try n("kg_statement"), try n("kg_mention"))
        }
    }

    /// Whether the store passes SQLite's `PRAGMA integrity_check`.
    public func integrityCheck() throws -> String {
        try wrapping {
            let q = try database.prepare("PRAGMA integrity_check")
            var lines: [String] = []
            while try q.step() { lines.append(q.text(0)) }
            return lines.joined(separator: "\n")
        }
    }
}
