/// A failure of SQLite on one database file: the file, SQLite's result code and its message.
///
/// `description` reads `FILE: MESSAGE`, the way kg names the file in every error.
public struct SQLiteError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The database file (or `:memory:`).
    public var file: String
    /// SQLite's primary result code (`SQLITE_BUSY`, `SQLITE_FULL`, …), extended codes masked off.
    public var code: Int32
    /// SQLite's own message (`sqlite3_errmsg`), or what kg was doing.
    public var message: String

    public init(file: String, code: Int32, message: String) {
        self.file = file
        self.code = code & 0xFF
        self.message = message
    }

    public var description: String { "\(file): \(message)" }

    /// Another connection holds the lock past the busy timeout (`SQLITE_BUSY`, `SQLITE_LOCKED`).
    public var isBusy: Bool { code == 5 || code == 6 }
    /// The disk or the database's page limit is full (`SQLITE_FULL`).
    public var isFull: Bool { code == 13 }
    /// The file is not a SQLite database (`SQLITE_NOTADB`).
    public var isNotADatabase: Bool { code == 26 }
}
