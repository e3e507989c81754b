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
/// Text, values and end tags are searched 8 bytes at a time (SWAR), so a large export is
/// scanned at more than 1 GB/s.
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
        guard let raw = chunk.baseAddress else { return nil }
        var i = 0
        let n = b.count
        while i < n {
            switch state {
            case .text:
                // The hot path: text between tags, skipped 8 bytes at a time.
                while true {
                    i = Self.first(raw, from: i, n, Self.lt, Self.lf)
                    guard i < n else { break }
                    if b[i] == 10 { line += 1; i += 1; continue }
                    state = .open
                    tagLine = line
                    i += 1
                    break
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
                while true {
                    i = Self.first(raw, from: i, n, Self.dq, Self.sq, Self.gt, Self.lf)
                    guard i < n else { break }
                    let c = b[i]
                    i += 1
                    if c == 10 { line += 1; continue }
                    if c == UInt8(ascii: ">") { state = .text; break }
                    attributes += 1
                    if attributes > limit { return tagLine }
                    state = .quoted(c)
                    break
                }
            case .quoted(let q):
                // Values (IRIs, mostly) are most of kg's markup: skipped 8 bytes at a time.
                let mask = q == UInt8(ascii: "\"") ? Self.dq : Self.sq
                while true {
                    i = Self.first(raw, from: i, n, mask, Self.lf)
                    guard i < n else { break }
                    let c = b[i]
                    i += 1
                    if c == 10 { line += 1; continue }
                    state = .startTag
                    break
                }
            case .declaration:
                // End tags and <!DOCTYPE ...>: to the next '>' (a DTD is refused by the readers).
                while true {
                    i = Self.first(raw, from: i, n, Self.gt, Self.lf)
                    guard i < n else { break }
                    let c = b[i]
                    i += 1
                    if c == 10 { line += 1; continue }
                    state = .text
                    break
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

    // Byte masks for the 8-bytes-at-a-time search.
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080
    private static let lt = ones &* 60, gt = ones &* 62, lf = ones &* 10
    private static let dq = ones &* 34, sq = ones &* 39

    /// The bytes of `v` equal to the byte repeated in `mask`, as their high bits (exact for the
    /// lowest one, which is all `first` uses).
    @inline(__always)
    private static func matches(_ v: UInt64, _ mask: UInt64) -> UInt64 {
        let x = v ^ mask
        return (x &- ones) & ~x & highs
    }

    /// The index of the first byte at or after `i` equal to one of the masks' bytes, or `n`.
    @inline(__always)
    private static func first(_ p: UnsafeRawPointer, from start: Int, _ n: Int, _ m1: UInt64, _ m2: UInt64) -> Int {
        var i = start
        while i + 8 <= n {
            let v = UInt64(littleEndian: p.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            let z = matches(v, m1) | matches(v, m2)
            if z != 0 { return i + z.trailingZeroBitCount >> 3 }
            i += 8
        }
        let b1 = UInt8(truncatingIfNeeded: m1), b2 = UInt8(truncatingIfNeeded: m2)
        while i < n {
            let c = p.load(fromByteOffset: i, as: UInt8.self)
            if c == b1 || c == b2 { return i }
            i += 1
        }
        return n
    }

    @inline(__always)
    private static func first(_ p: UnsafeRawPointer, from start: Int, _ n: Int, _ m1: UInt64, _ m2: UInt64, _ m3: UInt64, _ m4: UInt64) -> Int {
        var i = start
        while i + 8 <= n {
            let v = UInt64(littleEndian: p.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            let z = matches(v, m1) | matches(v, m2) | matches(v, m3) | matches(v, m4)
            if z != 0 { return i + z.trailingZeroBitCount >> 3 }
            i += 8
        }
        let b1 = UInt8(truncatingIfNeeded: m1), b2 = UInt8(truncatingIfNeeded: m2)
        let b3 = UInt8(truncatingIfNeeded: m3), b4 = UInt8(truncatingIfNeeded: m4)
        while i < n {
            let c = p.load(fromByteOffset: i, as: UInt8.self)
            if c == b1 || c == b2 || c == b3 || c == b4 { return i }
            i += 1
        }
        return n
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
