import Foundation

/// What a file holds, told by its extension and its first bytes: news to extract from, or a
/// graph kg wrote. Every command decides with this one classifier, so an export is never read
/// as news text and a news file is never taken for a graph.
public enum InputKind: String, Sendable, Hashable, CaseIterable {
    /// A UTF-8 text file: one document, its id the file name without extension.
    case text
    /// An HTML page: one document, parsed with libxml2's HTML parser.
    case html
    /// JSON Lines, one document per line: `{"id", "text", "date", "url", "title"}`.
    case jsonLines
    /// kg's RDF/XML export.
    case rdfXML
    /// kg's Turtle export.
    case turtle
    /// kg's N-Triples export.
    case nTriples
    /// kg's N-Quads export (one named graph per document).
    case nQuads
    /// kg's JSON Lines export (one statement per document per line).
    case jsonStatements
    /// A kg store: a SQLite database kg writes (`kg extract --into`), `.db`/`.sqlite` or
    /// SQLite's header.
    case store

    /// News (a role) or a graph.
    public enum Role: Sendable, Hashable {
        case news
        case graph
    }

    public var role: Role {
        switch self {
        case .text, .html, .jsonLines: return .news
        case .rdfXML, .turtle, .nTriples, .nQuads, .jsonStatements, .store: return .graph
        }
    }

    /// How messages name the kind ("a kg graph (Turtle)").
    public var name: String {
        switch self {
        case .text: return "news text"
        case .html: return "an HTML page"
        case .jsonLines: return "JSON Lines documents"
        case .rdfXML: return "a kg graph (RDF/XML)"
        case .turtle: return "a kg graph (Turtle)"
        case .nTriples: return "a kg graph (N-Triples)"
        case .nQuads: return "a kg graph (N-Quads)"
        case .jsonStatements: return "a kg graph (JSON Lines statements)"
        case .store: return "a kg store (SQLite)"
        }
    }

    /// The extensions a folder walk picks up for each role.
    public static let newsExtensions: Set<String> = ["txt", "html", "htm", "jsonl"]
    public static let graphExtensions: Set<String> = ["rdf", "ttl", "nt", "nq", "jsonl", "db", "sqlite"]

    /// What the error for a file that is neither news nor a graph lists.
    public static let readable = "reads .txt, .html and .jsonl news, and kg graphs in .rdf, .ttl, .nt, .nq and .jsonl, and kg stores (.db, .sqlite)"

    /// SQLite's 16-byte file header, "SQLite format 3" and a NUL.
    public static let sqliteHeader: [UInt8] = Array("SQLite format 3".utf8) + [0]

    /// Classifies a file by its name and first bytes (a few KB are enough).
    ///
    /// A file that starts with SQLite's header, or named `.db`/`.sqlite` is a kg store (whether it
    /// really is one is checked when it is opened).
    /// Content decides where it is unambiguous: XML naming the RDF namespace is RDF/XML,
    /// `@prefix`/`PREFIX` is Turtle, lines of `<IRI>` terms are N-Triples or N-Quads (by the
    /// number of terms), a JSON line with `"subject"` and `"predicate"` is kg's JSON Lines and one
    /// with `"text"` a document. Otherwise the extension decides: `.txt` (or none) is text, `.html`
    /// and `.htm` HTML, `.rdf`/`.owl` RDF/XML, `.ttl` Turtle, `.nt` N-Triples, `.nq` N-Quads.
    /// - Parameters:
    ///   - path: the file's name, nil for standard input.
    ///   - prefix: its first bytes.
    ///   - prefer: the role of a `.jsonl` file whose first line says neither (a command that
    ///     reads only graphs reads it as kg's JSON Lines, so each bad line is reported).
    /// - Returns: nil when the file is neither news nor a kg graph (a PDF, GraphML, CSV, …).
    /// - Complexity: O(n) in the length of `prefix`.
    public static func classify(path: String?, prefix: [UInt8], prefer: Role = .news) -> InputKind? {
        let ext = path.map { ($0 as NSString).pathExtension.lowercased() } ?? ""
        if prefix.starts(with: sqliteHeader) { return .store }
        if ["db", "sqlite", "sqlite3"].contains(ext) { return .store }
        if prefix.contains(0) {
            // Binary: a news file's reader says where; anything else is neither.
            switch ext {
            case "txt", "text": return .text
            case "html", "htm", "xhtml": return .html
            default: return nil
            }
        }
        switch sniff(prefix) {
        case .graph(let kind): return kind
        case .json(let documents?):
            return documents ? .jsonLines : .jsonStatements
        case .json(nil) where ["", "jsonl", "ndjson"].contains(ext):
            // JSON whose first line says neither (a bad line): what the command reads, so each
            // line's error is reported.
            return prefer == .graph ? .jsonStatements : .jsonLines
        case .xml(let rdf):
            if rdf { return .rdfXML }
            if ["html", "htm", "xhtml"].contains(ext) { return .html }
            return ["", "txt", "text"].contains(ext) ? .text : nil
        case .html:
            return .html
        case .plain, .json(nil):
            switch ext {
            case "", "txt", "text": return .text
            case "html", "htm", "xhtml": return .html
            // A news extension whose content is not news (a .jsonl that is not JSON) is still
            // read as what its name says, so its errors are reported line by line.
            case "jsonl", "ndjson": return prefer == .graph ? .jsonStatements : .jsonLines
            case "ttl": return .turtle
            case "nt": return .nTriples
            case "nq": return .nQuads
            case "rdf", "owl": return .rdfXML
            default: return nil
            }
        }
    }

    /// Reads the first 8 KiB of a file for `classify`.
    public static func prefix(ofFile path: String) -> [UInt8]? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        return [UInt8]((try? handle.read(upToCount: 8192)) ?? Data())
    }

    private enum Sniffed {
        case graph(InputKind)
        /// JSON Lines: of documents (true), of statements (false), or a first line that says neither (nil).
        case json(documents: Bool?)
        case xml(rdf: Bool)
        case html
        case plain
    }

    private static func sniff(_ bytes: [UInt8]) -> Sniffed {
        var i = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
        func isSpace(_ b: UInt8) -> Bool { b == 32 || b == 9 || b == 10 || b == 13 }
        // Skip blank space and '#' comment lines (Turtle, N-Triples and N-Quads allow them).
        while i < bytes.count {
            if isSpace(bytes[i]) {
                i += 1
            } else if bytes[i] == UInt8(ascii: "#") {
                while i < bytes.count && bytes[i] != 10 { i += 1 }
            } else {
                break
            }
        }
        guard i < bytes.count else { return .plain }
        let rest = bytes[i...]
        if rest.first == UInt8(ascii: "{") {
            let firstLine = String(decoding: rest.prefix { $0 != 10 }, as: UTF8.self)
            if firstLine.contains("\"subject\""), firstLine.contains("\"predicate\"") { return .json(documents: false) }
            if firstLine.contains("\"text\"") { return .json(documents: true) }
            return .json(documents: nil)
        }
        let lower = String(decoding: rest.prefix(16), as: UTF8.self).lowercased()
        if lower.hasPrefix("<!doctype html") || lower.hasPrefix("<html") { return .html }
        // The graph formats by content (GraphFormat); Turtle only with a directive, since news
        // text may well start with "(Reuters)" or "[Update]".
        switch GraphFormat.detect(content: bytes) {
        case .rdfXML?: return .graph(.rdfXML)
        case .nTriples?: return .graph(.nTriples)
        case .nQuads?: return .graph(.nQuads)
        case .turtle? where ["@prefix", "@base", "prefix", "base"].contains(where: { lower.hasPrefix($0) }): return .graph(.turtle)
        default: break
        }
        if rest.first == UInt8(ascii: "<"), let next = rest.dropFirst().first,
           next == UInt8(ascii: "?") || next == UInt8(ascii: "!") || Self.isNameStart(next) {
            return .xml(rdf: false)
        }
        return .plain
    }

    private static func isNameStart(_ b: UInt8) -> Bool {
        (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z") || b == UInt8(ascii: "_") || b >= 0x80
    }
}
