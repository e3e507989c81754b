import SQLiteSupport

/// Why a store cannot be opened, read or written; every case names the file.
public enum StoreError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The file is not a kg store: not SQLite at all, or another application's database.
    case notAStore(file: String, reason: String)
    /// A store of a newer schema version than this kg reads.
    case newerSchema(file: String, version: Int)
    /// Another connection kept the write lock past the busy timeout.
    case locked(file: String, seconds: Double)
    /// The disk (or the store's page limit) is full; the batch being written was rolled back.
    case full(file: String)
    /// Any other SQLite failure.
    case sqlite(SQLiteError)

    /// The file the error is about.
    public var file: String {
        switch self {
        case .notAStore(let f, _), .newerSchema(let f, _), .locked(let f, _), .full(let f): return f
        case .sqlite(let e): return e.file
        }
    }

    /// What went wrong and the fix, without the file name.
    public var message: String {
        switch self {
        case .notAStore(_, let reason):
            return "not a kg store (\(reason)); give a store kg created, or a new file name to create one"
        case .newerSchema(_, let version):
            return "a kg store of schema version \(version), newer than this kg reads (\(Schema.version)); use a newer kg"
        case .locked(_, let seconds):
            return "the store is locked by another writer (waited \(seconds) s); try again when it is done"
        case .full:
            return "the disk is full (or the store reached its size limit); the batch being written was rolled back, batches before it are kept"
        case .sqlite(let e):
            return e.message
        }
    }

    public var description: String { "\(file): \(message)" }

    /// The store error for a SQLite failure: busy, full and not-a-database get their own case.
    static func from(_ error: Error, busyTimeout: Int32) -> Error {
        guard let e = error as? SQLiteError else { return error }
        if e.isBusy { return StoreError.locked(file: e.file, seconds: Double(busyTimeout) / 1000) }
        if e.isFull { return StoreError.full(file: e.file) }
        if e.isNotADatabase { return StoreError.notAStore(file: e.file, reason: "not a SQLite database") }
        return StoreError.sqlite(e)
    }
}
