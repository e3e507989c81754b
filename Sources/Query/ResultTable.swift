import Foundation
import KnowledgeGraph

/// One cell of a result: text for tables, a typed value for JSON.
public enum Cell: Equatable, Sendable {
    case text(String)
    case integer(Int)
    case number(Double)
    case bool(Bool)
    /// An actor: its label, and its key (shown in JSON).
    case entity(label: String, key: String)
    case empty

    public var text: String {
        switch self {
        case .text(let s): return s
        case .integer(let n): return String(n)
        case .number(let d): return Self.decimal(d)
        case .bool(let b): return b ? "true" : "false"
        case .entity(let label, _): return label
        case .empty: return ""
        }
    }

    /// Up to 4 decimals, no trailing zeros (as the exports write numbers).
    static func decimal(_ v: Double) -> String {
        let scaled = (v * 10000).rounded()
        let n = Int(abs(scaled))
        var frac = String(n % 10000)
        while frac.count < 4 { frac = "0" + frac }
        while frac.hasSuffix("0") { frac.removeLast() }
        let sign = scaled < 0 && n != 0 ? "-" : ""
        return frac.isEmpty ? "\(sign)\(n / 10000).0" : "\(sign)\(n / 10000).\(frac)"
    }
}

/// The formats a result can be written in.
public enum ResultFormat: String, CaseIterable, Sendable {
    /// Aligned columns with a header, for a terminal.
    case table
    case tsv
    case csv
    /// An array of objects, one per row, keyed by column.
    case json
}

/// A result: named columns and rows of cells, already in their final order.
public struct ResultTable: Equatable, Sendable {
    public var columns: [String]
    public var rows: [[Cell]]
    /// In `table` format, blank a first-column cell equal to the one above (grouping).
    public var groupFirstColumn = false

    public init(columns: [String], rows: [[Cell]], groupFirstColumn: Bool = false) {
        self.columns = columns
        self.rows = rows
        self.groupFirstColumn = groupFirstColumn
    }

    /// The result as text in `format`, ending with a newline (except an empty table).
    public func render(_ format: ResultFormat) -> String {
        switch format {
        case .table: return table()
        case .tsv: return ([columns] + rows.map { $0.map(\.text) }).map { $0.map(Self.tsvField).joined(separator: "\t") + "\n" }.joined()
        case .csv: return ([columns] + rows.map { $0.map(\.text) }).map { $0.map(Self.csvField).joined(separator: ",") + "\r\n" }.joined()
        case .json: return json()
        }
    }

    static func tsvField(_ s: String) -> String {
        guard s.contains(where: { $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\\" }) else { return s }
        return s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\t", with: "\\t")
            .replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\r", with: "\\r")
    }

    static func csvField(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private func table() -> String {
        if rows.isEmpty { return "(no results)\n" }
        var cells = rows.map { $0.map { $0.text.replacingOccurrences(of: "\n", with: " ") } }
        if groupFirstColumn {
            for i in stride(from: cells.count - 1, to: 0, by: -1) where cells[i][0] == cells[i - 1][0] { cells[i][0] = "" }
        }
        var widths = columns.map(\.count)
        for row in cells { for (i, c) in row.enumerated() { widths[i] = max(widths[i], c.count) } }
        func line(_ row: [String]) -> String {
            var out = ""
            for (i, c) in row.enumerated() {
                if i == row.count - 1 { out += c; break }
                out += c + String(repeating: " ", count: widths[i] - c.count + 2)
            }
            return out + "\n"
        }
        return line(columns) + line(widths.map { String(repeating: "─", count: $0) }) + cells.map(line).joined()
    }

    private func json() -> String {
        func string(_ s: String) -> String { jsonStringLiteral(s) }
        func value(_ c: Cell) -> String {
            switch c {
            case .text(let s): return string(s)
            case .integer(let n): return String(n)
            case .number(let d): return Cell.decimal(d)
            case .bool(let b): return b ? "true" : "false"
            case .entity(let label, let key): return "{\"key\":\(string(key)),\"label\":\(string(label))}"
            case .empty: return "null"
            }
        }
        if rows.isEmpty { return "[]\n" }
        let objects = rows.map { row in
            "  {" + zip(columns, row).map { "\(string($0)):\(value($1))" }.joined(separator: ",") + "}"
        }
        return "[\n" + objects.joined(separator: ",\n") + "\n]\n"
    }
}
