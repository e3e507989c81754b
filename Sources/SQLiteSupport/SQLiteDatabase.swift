import CSQLite

/// One connection to a SQLite database file: open with flags, run SQL, prepare statements,
/// transactions. Every failure throws a `SQLiteError` naming the file.
///
/// Not thread-safe: one connection belongs to one thread at a time (SQLite's default
/// serialized mode is not relied on).
public final class SQLiteDatabase {
    /// How to open the file.
    public enum Mode: Sendable {
        /// Read only; the file must exist.
        case readOnly
        /// Read and write; the file must exist.
        case readWrite
        /// Read and write, created when missing.
        case create
    }

    /// The path the database was opened with (what errors name).
    public let path: String
    private var handle: OpaquePointer?

    /// Opens `path`. Nothing is read yet: a file that is not a database fails at the first statement.
    /// - Parameter busyTimeout: how long to wait for another connection's lock before `SQLITE_BUSY`.
    /// - Throws: `SQLiteError` (`SQLITE_CANTOPEN` for a missing file or folder, …).
    public init(path: String, mode: Mode, busyTimeout milliseconds: Int32 = 5000) throws {
        self.path = path
        var flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        switch mode {
        case .readOnly: flags |= SQLITE_OPEN_READONLY
        case .readWrite: flags |= SQLITE_OPEN_READWRITE
        case .create: flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
        }
        var db: OpaquePointer?
        let rc = sqlite3_open_v2(path, &db, flags, nil)
        handle = db
        guard rc == SQLITE_OK else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(rc))
            sqlite3_close_v2(db)
            handle = nil
            throw SQLiteError(file: path, code: rc, message: message)
        }
        sqlite3_busy_timeout(db, milliseconds)
    }

    deinit { close() }

    /// Closes the connection (statements not finalized yet are closed with it).
    public func close() {
        if let handle { sqlite3_close_v2(handle) }
        handle = nil
    }

    /// The error of the last call, with SQLite's message.
    func error(_ rc: Int32, _ context: String? = nil) -> SQLiteError {
        let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(rc))
        return SQLiteError(file: path, code: rc, message: context.map { "\($0): \(message)" } ?? message)
    }

    /// Runs SQL without results (several statements separated by `;`).
    public func execute(_ sql: String) throws {
        var message: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(handle, sql, nil, nil, &message)
        if rc != SQLITE_OK {
            let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(rc))
            sqlite3_free(message)
            throw SQLiteError(file: path, code: rc, message: text)
        }
    }

    /// A prepared statement of one SQL statement.
    public func prepare(_ sql: String) throws -> SQLiteStatement {
        var statement: OpaquePointer?
        let rc = sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard rc == SQLITE_OK, let statement else { throw error(rc) }
        return SQLiteStatement(statement, database: self)
    }

    /// The first column of the first row of a query, as an integer (nil without a row or for NULL).
    public func integer(_ sql: String) throws -> Int64? {
        let s = try prepare(sql)
        guard try s.step() else { return nil }
        return s.isNull(0) ? nil : s.int64(0)
    }

    /// Runs `body` in a transaction: committed when it returns, rolled back when it throws.
    /// - Parameter immediate: take the write lock at the start (`BEGIN IMMEDIATE`), so a busy
    ///   store fails before any work rather than at the first write.
    public func transaction<T>(immediate: Bool = true, _ body: () throws -> T) throws -> T {
        try execute(immediate ? "BEGIN IMMEDIATE" : "BEGIN")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            if sqlite3_get_autocommit(handle) == 0 { try? execute("ROLLBACK") }
            throw error
        }
    }

    /// The rowid of the last row inserted on this connection.
    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// The SQLite library's version ("3.40.1").
    public static var libraryVersion: String { String(cString: sqlite3_libversion()) }
}
