/// A linear pre-scan of XML bytes that refuses an element with more than `limit` attributes
/// before libxml2 parses it.
///
/// libxml2's attribute handling grows faster than quadratically with the attributes of one
/// element (10,000 take 0.3 s, 40,000 take 8 s, 100,000 minutes), so a 1.5 MB document could keep
/// a reader busy for minutes. kg writes at most a handful of attributes per element (RDF/XML,
/// GraphML, OWL), so `defaultLimit` (256) is far above anything legitimate.
///
/// The scanner counts the quoted values of each start tag (each attribute has exactly one),
/// skipping comments, CDATA sections, processing instructions, declarations and end tags, so a
/// `>` or `=` inside a quoted value, a comment or CDATA does not confuse it. It is a state
/// machine fed chunk by chunk (`scan(_:)`), so a file is scanned with the same buffered reads
/// that feed the parser; a tag may be split anywhere between chunks.
///
/// - Complexity: O(n) in the bytes scanned, O(1) memory.
public struct XMLAttributeScanner: Sendable {
    /// The most attributes an element may have unless told otherwise.
    public static let defaultLimit = 256

    public let limit: Int
    /// The 1-based line of the next byte.
    public private(set) var line = 1

    private enum State: Sendable {
        case text
        /// After '<': what follows tells the kind of markup.
        case open
        /// After "<!": matched `k` bytes of "--" (comment) or "[CDATA[" (CDATA).
        case bang(Int, comment: Bool)
        case startTag
        case quoted(UInt8)
        /// Inside markup whose end is '>' (end tags, declarations).
        case declaration
        /// Inside a comment; `dashes` consecutive '-' seen.
        case comment(dashes: Int)
        /// Inside CDATA; `brackets` consecutive ']' seen.
        case cdata(brackets: Int)
        /// Inside a processing instruction; whether the last byte was '?'.
        case instruction(question: Bool)
    }

    private var state = State.text
    private var attributes = 0
    private var tagLine = 1

    public init(limit: Int = XMLAttributeScanner.defaultLimit) { self.limit = limit }

    /// Scans the next chunk of the document.
    /// - Returns: the line of the start tag that has more than `limit` attributes, or nil.
    ///   Once it has returned a line, the scanner is not to be fed again.
    public mutating func scan(_ chunk: UnsafeRawBufferPointer) -> Int? {
        let b = chunk.bindMemory(to: UInt8.self)
        var i = 0
        let n = b.count
        while i < n {
            switch state {
            case .text:
                // The hot path: text between tags.
                while i < n {
                    let c = b[i]
                    if c == 10 { line += 1 } else if c == 60 { break } // '<'
                    i += 1
                }
                if i < n {
                    state = .open
                    tagLine = line
                    i += 1
                }
                continue
            case .open:
                let c = b[i]
                switch c {
                case UInt8(ascii: "?"): state = .instruction(question: false); i += 1
                case UInt8(ascii: "!"): state = .bang(0, comment: false); i += 1
                case UInt8(ascii: "/"): state = .declaration; i += 1
                default:
                    attributes = 0
                    state = .startTag
                }
            case .bang(let k, let isComment):
                let c = b[i]
                let comment = Array("--".utf8), cdata = Array("[CDATA[".utf8)
                if k == 0 {
                    if c == UInt8(ascii: "-") { state = .bang(1, comment: true) } else if c == UInt8(ascii: "[") { state = .bang(1, comment: false) } else { state = .declaration; continue }
                    i += 1
                } else if isComment {
                    if c == comment[k] { state = .comment(dashes: 0); i += 1 } else { state = .declaration }
                } else if c == cdata[k] {
                    i += 1
                    state = k + 1 == cdata.count ? .cdata(brackets: 0) : .bang(k + 1, comment: false)
                } else {
                    state = .declaration
                }
            case .startTag:
                while i < n {
                    let c = b[i]
                    if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
                        attributes += 1
                        if attributes > limit { return tagLine }
                        state = .quoted(c)
                        i += 1
                        break
                    }
                    if c == UInt8(ascii: ">") { state = .text; i += 1; break }
                    if c == 10 { line += 1 }
                    i += 1
                }
            case .quoted(let q):
                while i < n {
                    let c = b[i]
                    i += 1
                    if c == q { state = .startTag; break }
                    if c == 10 { line += 1 }
                }
            case .declaration:
                // End tags and <!DOCTYPE ...>: to the next '>' (a DTD is refused by the readers).
                while i < n {
                    let c = b[i]
                    i += 1
                    if c == UInt8(ascii: ">") { state = .text; break }
                    if c == 10 { line += 1 }
                }
            case .comment(var dashes):
                while i < n {
                    let c = b[i]
                    i += 1
                    if c == UInt8(ascii: ">") && dashes >= 2 { state = .text; break }
                    dashes = c == UInt8(ascii: "-") ? dashes + 1 : 0
                    if c == 10 { line += 1 }
                }
                if case .comment = state { state = .comment(dashes: dashes) }
            case .cdata(var brackets):
                while i < n {
                    let c = b[i]
                    i += 1
                    if c == UInt8(ascii: ">") && brackets >= 2 { state = .text; break }
                    brackets = c == UInt8(ascii: "]") ? brackets + 1 : 0
                    if c == 10 { line += 1 }
                }
                if case .cdata = state { state = .cdata(brackets: brackets) }
            case .instruction(var question):
                while i < n {
                    let c = b[i]
                    i += 1
                    if c == UInt8(ascii: ">") && question { state = .text; break }
                    question = c == UInt8(ascii: "?")
                    if c == 10 { line += 1 }
                }
                if case .instruction = state { state = .instruction(question: question) }
            }
        }
        return nil
    }

    /// The error for an element refused at `line`.
    public func error(source: String?, line: Int) -> XMLError {
        XMLError(source: source, line: line, message: "element with more than \(limit) attributes; refused before parsing (kg writes at most a handful per element)")
    }

    /// Scans a whole document held in memory.
    /// - Throws: `XMLError` with the source and line of the first element with too many attributes.
    public static func check(_ bytes: UnsafeRawBufferPointer, source: String?, limit: Int = defaultLimit) throws {
        var s = XMLAttributeScanner(limit: limit)
        if let line = s.scan(bytes) { throw s.error(source: source, line: line) }
    }

    /// Scans a whole document held in memory.
    public static func check(_ bytes: [UInt8], source: String?, limit: Int = defaultLimit) throws {
        try bytes.withUnsafeBytes { try check($0, source: source, limit: limit) }
    }
}
