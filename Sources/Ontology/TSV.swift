import Foundation

/// An error in a file of `ontology/`, with its place.
public struct OntologyError: Error, CustomStringConvertible, Sendable {
    public var file: String
    public var line: Int?
    public var message: String

    public init(file: String, line: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        if let line { return "\(file):\(line): \(message)" }
        return "\(file): \(message)"
    }
}

/// A row of a tab-separated file, with named columns and its line number.
public struct TSVRow: Sendable {
    public let file: String
    public let line: Int
    let values: [String: String]

    /// The value of `column`, or "" when the row is short.
    public subscript(column: String) -> String { values[column] ?? "" }

    /// The `|`-separated values of `column`, without empty ones.
    public func list(_ column: String) -> [String] {
        self[column].split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    public func error(_ message: String) -> OntologyError {
        OntologyError(file: file, line: line, message: message)
    }
}

/// Reads tab-separated files with a header line; `#` starts a comment line.
enum TSV {
    static func read(_ path: String, required: [String]) throws -> [TSVRow] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw OntologyError(file: path, message: "cannot read the file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw OntologyError(file: path, message: "not valid UTF-8")
        }
        var header: [String]? = nil
        var rows: [TSVRow] = []
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            if line.trimmingCharacters(in: .whitespaces).isEmpty || line.hasPrefix("#") { continue }
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard let columns = header else {
                header = cells
                for column in required where !cells.contains(column) {
                    throw OntologyError(file: path, line: i + 1, message: "missing column '\(column)' in the header")
                }
                continue
            }
            if cells.count > columns.count {
                throw OntologyError(file: path, line: i + 1,
                                    message: "\(cells.count) cells but the header has \(columns.count) columns")
            }
            var values: [String: String] = [:]
            for (c, v) in zip(columns, cells) { values[c] = v }
            let row = TSVRow(file: path, line: i + 1, values: values)
            for column in required where column == required.first && row[column].isEmpty {
                throw row.error("empty '\(column)'")
            }
            rows.append(row)
        }
        if header == nil { throw OntologyError(file: path, message: "the file is empty (a header line is expected)") }
        return rows
    }
}
