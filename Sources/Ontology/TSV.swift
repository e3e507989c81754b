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
    /// The column index of each header name, shared by the rows of one file.
    let columns: [String: Int]
    let cells: [String]

    /// The value of `column`, or "" when the row is short or has no such column.
    public subscript(column: String) -> String {
        guard let i = columns[column], i < cells.count else { return "" }
        return cells[i]
    }

    /// The `|`-separated values of `column`, trimmed, without empty ones.
    public func list(_ column: String) -> [String] {
        self[column].split(separator: "|").compactMap { value in
            let scalars = value.unicodeScalars
            guard let first = scalars.firstIndex(where: { !TSV.isWhitespace($0) }),
                  let last = scalars.lastIndex(where: { !TSV.isWhitespace($0) }) else { return nil }
            return String(scalars[first...last])
        }
    }

    public func error(_ message: String) -> OntologyError {
        OntologyError(file: file, line: line, message: message)
    }
}

/// Reads tab-separated files with a header line; `#` starts a comment line.
enum TSV {
    /// Reads `path`. With `exactHeader` the file must follow the gazetteer's format
    /// (`ontology/gazetteer/README.md`): no byte-order mark, LF line endings with a final LF,
    /// that header, no comment or empty line, every row with as many cells as the header, and
    /// no cell with surrounding whitespace or quotes. Otherwise comments and empty lines are
    /// skipped and the header must contain the `required` columns.
    /// - Throws: `OntologyError` naming the file and the line.
    /// - Complexity: O(bytes of the file).
    static func read(_ path: String, required: [String], exactHeader: [String]? = nil) throws -> [TSVRow] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw OntologyError(file: path, message: "cannot read the file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw OntologyError(file: path, message: "not valid UTF-8")
        }
        let strict = exactHeader != nil
        if strict {
            if text.hasPrefix("\u{FEFF}") {
                throw OntologyError(file: path, line: 1, message: "byte-order mark found; save the file as UTF-8 without one")
            }
            // Bytes, not Characters: "\r\n" is one Character, so it neither splits nor ends with "\n".
            if let cr = text.utf8.firstIndex(of: 13) {
                let line = text.utf8[..<cr].reduce(1) { $1 == 10 ? $0 + 1 : $0 }
                throw OntologyError(file: path, line: line, message: "CR found; use LF line endings")
            }
            if !text.isEmpty && text.utf8.last != 10 {
                let last = text.split(separator: "\n", omittingEmptySubsequences: false).count
                throw OntologyError(file: path, line: last, message: "the last line is not terminated by LF")
            }
        }
        var header: [String]? = nil
        var index: [String: Int] = [:]
        var rows: [TSVRow] = []
        // Split on bytes, not Characters: no grapheme breaking over the whole file.
        var lines = text.utf8.split(separator: 10, omittingEmptySubsequences: false).map { Substring($0) }
        if strict, lines.last?.isEmpty == true { lines.removeLast() }
        for (i, raw) in lines.enumerated() {
            if strict {
                if raw.unicodeScalars.allSatisfy(isWhitespace) { throw OntologyError(file: path, line: i + 1, message: "empty line") }
                if raw.hasPrefix("#") { throw OntologyError(file: path, line: i + 1, message: "comment line; the gazetteer's tables have none") }
            }
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            if line.unicodeScalars.allSatisfy(isWhitespace) || line.hasPrefix("#") { continue }
            let cells = line.utf8.split(separator: 9, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
            guard let columns = header else {
                header = cells
                for (k, c) in cells.enumerated() where index[c] == nil { index[c] = k }
                if let exactHeader, cells != exactHeader {
                    throw OntologyError(file: path, line: i + 1,
                                        message: "the header must be '\(exactHeader.joined(separator: "\\t"))'")
                }
                for column in required where !cells.contains(column) {
                    throw OntologyError(file: path, line: i + 1, message: "missing column '\(column)' in the header")
                }
                continue
            }
            if cells.count > columns.count || (strict && cells.count != columns.count) {
                throw OntologyError(file: path, line: i + 1,
                                    message: "\(cells.count) cells but the header has \(columns.count) columns")
            }
            for (c, v) in zip(columns, cells) where strict {
                // Scalars, not Characters: no grapheme breaking on every cell.
                if let first = v.unicodeScalars.first, let last = v.unicodeScalars.last {
                    if isWhitespace(first) || isWhitespace(last) {
                        throw OntologyError(file: path, line: i + 1, message: "\(c): surrounding whitespace in '\(v)'")
                    }
                    if first == "\"" && last == "\"" && v.utf8.count > 1 {
                        throw OntologyError(file: path, line: i + 1, message: "\(c): quoted value '\(v)'; the files use no quoting")
                    }
                }
            }
            let row = TSVRow(file: path, line: i + 1, columns: index, cells: cells)
            for column in required where column == required.first && row[column].isEmpty {
                throw row.error("empty '\(column)'")
            }
            rows.append(row)
        }
        if header == nil { throw OntologyError(file: path, message: "the file is empty (a header line is expected)") }
        return rows
    }

    /// Unicode whitespace, with the common ASCII answer first (no property lookup).
    @inline(__always)
    static func isWhitespace(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 { return s.value == 0x20 || (0x09...0x0D).contains(s.value) }
        return s.properties.isWhitespace
    }
}
