import CSQLite

/// A prepared statement: bind parameters (from 1), step through rows, read columns (from 0),
/// reset to run it again. Finalized when released.
public final class SQLiteStatement {
    private let statement: OpaquePointer
    /// Keeps the connection open while the statement lives.
    private let database: SQLiteDatabase

    init(_ statement: OpaquePointer, database: SQLiteDatabase) {
        self.statement = statement
        self.database = database
    }

    deinit { sqlite3_finalize(statement) }

    private func check(_ rc: Int32) throws {
        if rc != SQLITE_OK { throw database.error(rc) }
    }

    // MARK: Binding

    public func bind(_ index: Int32, _ value: Int64) throws { try check(sqlite3_bind_int64(statement, index, value)) }
    public func bind(_ index: Int32, _ value: Int) throws { try bind(index, Int64(value)) }
    public func bind(_ index: Int32, _ value: Double) throws { try check(sqlite3_bind_double(statement, index, value)) }
    public func bind(_ index: Int32, _ value: Bool) throws { try bind(index, Int64(value ? 1 : 0)) }
    public func bindNull(_ index: Int32) throws { try check(sqlite3_bind_null(statement, index)) }

    /// Binds text (copied by SQLite).
    public func bind(_ index: Int32, _ value: String) throws {
        var v = value
        let rc = v.withUTF8 { p in
            p.withMemoryRebound(to: CChar.self) { c in
                // An empty string's buffer may have no address; SQLite needs one for '' (not NULL).
                sqlite3_bind_text(statement, index, c.baseAddress ?? UnsafePointer(bitPattern: 1)!, Int32(c.count), kg_sqlite_transient())
            }
        }
        try check(rc)
    }

    /// Binds text, or NULL for nil.
    public func bind(_ index: Int32, _ value: String?) throws {
        if let value { try bind(index, value) } else { try bindNull(index) }
    }

    // MARK: Running

    /// Runs the statement to its next row.
    /// - Returns: true when a row is ready to read, false when the statement is done.
    /// - Throws: `SQLiteError` (busy, full, constraint, …); the statement is reset.
    @discardableResult
    public func step() throws -> Bool {
        let rc = sqlite3_step(statement)
        if rc == SQLITE_ROW { return true }
        if rc == SQLITE_DONE { return false }
        let error = database.error(rc)
        sqlite3_reset(statement)
        throw error
    }

    /// Runs a statement that returns no rows, then resets it and clears its bindings.
    public func run() throws {
        defer { reset() }
        while try step() {}
    }

    /// Makes the statement ready to run again, with its bindings cleared.
    public func reset() {
        sqlite3_reset(statement)
        sqlite3_clear_bindings(statement)
    }

    // MARK: Columns

    public func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(statement, column) }
    public func int(_ column: Int32) -> Int { Int(sqlite3_column_int64(statement, column)) }
    public func double(_ column: Int32) -> Double { sqlite3_column_double(statement, column) }
    public func bool(_ column: Int32) -> Bool { sqlite3_column_int64(statement, column) != 0 }
    public func isNull(_ column: Int32) -> Bool { sqlite3_column_type(statement, column) == SQLITE_NULL }

    /// A text column ("" for NULL).
    public func text(_ column: Int32) -> String {
        guard let p = sqlite3_column_text(statement, column) else { return "" }
        let n = Int(sqlite3_column_bytes(statement, column))
        return String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self)
    }

    /// A text column, nil for NULL.
    public func optionalText(_ column: Int32) -> String? {
        isNull(column) ? nil : text(column)
    }
}
