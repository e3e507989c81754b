import Extraction
import Foundation
import KnowledgeGraph
import XMLSupport

/// The documents read from one input, with what was wrong along the way.
public struct CorpusBatch: Sendable {
    public var documents: [SourceDocument] = []
    public var problems: [CorpusProblem] = []

    public init(documents: [SourceDocument] = [], problems: [CorpusProblem] = []) {
        self.documents = documents
        self.problems = problems
    }

    /// Whether any problem is an error (a dropped file or line).
    public var hasErrors: Bool { problems.contains { !$0.isWarning } }
}

/// Reads corpus inputs into documents: text files, HTML pages and JSON Lines of documents.
///
/// Nothing here prints; problems are returned with their place, and good documents of a
/// partly bad input are still returned.
public enum DocumentReader {
    /// Reads one input. `date` is the default date of documents that give none.
    public static func read(_ input: CorpusInput, date: String? = nil) -> CorpusBatch {
        let path = input.path
        guard let data = FileManager.default.contents(atPath: path) else {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDir) {
                return CorpusBatch(problems: [CorpusProblem(source: path, message: isDir.boolValue ? "is a folder, not a file" : "cannot be read (permission denied?)")])
            }
            return CorpusBatch(problems: [CorpusProblem(source: path, message: "no such file")])
        }
        switch input.kind {
        case .text: return readText([UInt8](data), source: path, date: date)
        case .html: return readHTML([UInt8](data), source: path, date: date)
        case .jsonLines: return readJSONLines(data, source: path, date: date)
        case .rdfXML, .turtle, .nTriples, .nQuads, .jsonStatements, .store:
            return CorpusBatch(problems: [CorpusProblem(source: path, message: CorpusInput.roleMismatch(input.kind))])
        }
    }

    /// The document id of a file: its name without the last extension.
    public static func documentID(path: String) -> String {
        let name = (path as NSString).lastPathComponent
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }

    /// A text file: UTF-8 (invalid bytes replaced, with a warning), no NUL bytes.
    public static func readText(_ bytes: [UInt8], source: String, date: String?) -> CorpusBatch {
        var batch = CorpusBatch()
        guard let text = decode(bytes, source: source, into: &batch) else { return batch }
        batch.documents.append(SourceDocument(id: documentID(path: source), text: text, date: date))
        return batch
    }

    /// An HTML page: title and article paragraphs; the date from the page metadata when present.
    public static func readHTML(_ bytes: [UInt8], source: String, date: String?) -> CorpusBatch {
        var batch = CorpusBatch()
        if let nul = bytes.firstIndex(of: 0) {
            batch.problems.append(CorpusProblem(source: source, message: "binary file (NUL byte at offset \(nul)); expected an HTML page"))
            return batch
        }
        do {
            let page = try HTMLDocument.parse(bytes: bytes, source: source)
            let text = page.text
            if text.isEmpty {
                batch.problems.append(CorpusProblem(source: source, message: "HTML page has no title or paragraphs to read"))
                return batch
            }
            // The page's metadata date, when it is a day of the calendar (HTMLDocument reads its shape only).
            let pageDate = page.date.flatMap { CalendarDate(iso: $0)?.iso }
            if let d = page.date, pageDate == nil {
                batch.problems.append(CorpusProblem(source: source, message: "the page's date '\(d)' is not a day of the calendar; ignored", isWarning: true))
            }
            batch.documents.append(SourceDocument(id: documentID(path: source), text: text, date: pageDate ?? date,
                                                  title: page.title, url: page.url))
        } catch {
            batch.problems.append(CorpusProblem(source: source, message: "\(error)".replacingOccurrences(of: source + ": ", with: "")))
        }
        return batch
    }

    /// JSON Lines of documents: `{"id": "...", "text": "...", "date": "YYYY-MM-DD", "url": "...",
    /// "title": "..."}`, `id` and `text` required, unknown fields ignored, blank lines skipped.
    /// A bad line is reported as `SOURCE:LINE: ...` and skipped; the other lines still count.
    /// - Complexity: O(n) in the size of the input.
    public static func readJSONLines(_ data: Data, source: String, date: String?) -> CorpusBatch {
        var batch = CorpusBatch()
        var lineNumber = 0
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            var start = 0
            while start < bytes.count {
                lineNumber += 1
                var end = start
                while end < bytes.count && bytes[end] != 10 { end += 1 }
                let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
                start = end + 1
                if line.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 13 }) { continue }
                switch parseDocumentLine(line, date: date) {
                case .success(let d): batch.documents.append(d)
                case .failure(let p):
                    batch.problems.append(CorpusProblem(source: source, line: lineNumber, message: p.message))
                }
            }
        }
        return batch
    }

    struct LineError: Error { var message: String }

    static func parseDocumentLine(_ line: UnsafeBufferPointer<UInt8>, date: String?) -> Result<SourceDocument, LineError> {
        if String(validating: line, as: UTF8.self) == nil {
            return .failure(LineError(message: "invalid UTF-8; JSON Lines must be UTF-8"))
        }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(line), options: [])
        } catch {
            return .failure(LineError(message: "not JSON (\(jsonReason(error)))"))
        }
        guard let fields = object as? [String: Any] else {
            return .failure(LineError(message: "expected a JSON object {\"id\": ..., \"text\": ...}"))
        }
        func string(_ name: String) -> Result<String?, LineError> {
            switch fields[name] {
            case nil, is NSNull: return .success(nil)
            case let s as String: return .success(s)
            default: return .failure(LineError(message: "\"\(name)\" must be a string"))
            }
        }
        let id: String
        switch fields["id"] {
        case let s as String where !s.isEmpty: id = s
        case let n as Int: id = String(n)
        case nil, is NSNull: return .failure(LineError(message: "no \"id\"; every document needs an id"))
        default: return .failure(LineError(message: "\"id\" must be a non-empty string"))
        }
        guard case .success(let text?) = string("text") else {
            if case .failure(let e) = string("text") { return .failure(e) }
            return .failure(LineError(message: "no \"text\" in document '\(id)'"))
        }
        if text.unicodeScalars.contains("\u{0}") {
            return .failure(LineError(message: "\"text\" of document '\(id)' contains a NUL character"))
        }
        var docDate = date
        switch string("date") {
        case .failure(let e): return .failure(e)
        case .success(let d?):
            guard let iso = isoDate(d) else {
                return .failure(LineError(message: "\"date\" must be a day YYYY-MM-DD (or an ISO 8601 date-time) of the calendar, not '\(d)'"))
            }
            docDate = iso
        case .success(nil): break
        }
        var url: String?, title: String?
        switch string("url") { case .failure(let e): return .failure(e); case .success(let u): url = u }
        switch string("title") { case .failure(let e): return .failure(e); case .success(let t): title = t }
        if let u = url, u.isEmpty || u.contains(where: { $0 == " " || $0 == "<" || $0 == ">" || $0 == "\"" }) || !u.contains(":") {
            return .failure(LineError(message: "\"url\" must be an absolute URL without spaces, not '\(u)'"))
        }
        return .success(SourceDocument(id: id, text: text, date: docDate, title: title?.isEmpty == true ? nil : title, url: url))
    }

    /// "2022-12-30" or "2022-12-30T08:00:00Z" → "2022-12-30"; nil when not a day of the calendar.
    static func isoDate(_ s: String) -> String? {
        CalendarDate(isoPrefix: s)?.iso
    }

    static func jsonReason(_ error: Error) -> String {
        let ns = error as NSError
        if let d = ns.userInfo[NSDebugDescriptionErrorKey] as? String { return d }
        return ns.localizedDescription
    }

    /// Decodes UTF-8 text; NUL bytes are an error, invalid UTF-8 a warning (replaced by U+FFFD).
    static func decode(_ bytes: [UInt8], source: String, into batch: inout CorpusBatch) -> String? {
        if let nul = bytes.firstIndex(of: 0) {
            batch.problems.append(CorpusProblem(source: source, message: "binary file (NUL byte at offset \(nul)); expected UTF-8 text"))
            return nil
        }
        if let valid = String(validating: bytes, as: UTF8.self) { return valid }
        var offset = 0
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let s): offset += UTF8.width(s)
            case .emptyInput, .error: break loop
            }
        }
        batch.problems.append(CorpusProblem(source: source, message: "invalid UTF-8 at byte offset \(offset); invalid bytes replaced with U+FFFD", isWarning: true))
        return String(decoding: bytes, as: UTF8.self)
    }
}
