/// An RDF term of an N-Quads line.
enum NQTerm: Hashable, Sendable {
    case iri(String)
    case blank(String)
    /// A literal; `datatype` nil means a plain (`xsd:string`) or language-tagged literal.
    /// `language` is kept by the Turtle parser; the N-Quads line parser (kg's shards have
    /// no language tags) checks the tag and leaves it out.
    case literal(String, datatype: String?, language: String? = nil)

    /// How the term reads in a message: `<iri>`, `_:b`, `"text"`.
    var display: String {
        switch self {
        case .iri(let i): return "<\(i)>"
        case .blank(let b): return "_:\(b)"
        case .literal(let v, _, _): return "\"\(v.count > 40 ? String(v.prefix(40)) + "…" : v)\""
        }
    }
}

/// One line of N-Quads: a triple and the named graph it is in (nil in N-Triples).
struct NQuad: Sendable {
    var subject: NQTerm
    var predicate: String
    var object: NQTerm
    var graph: NQTerm?
    /// The 1-based line number in its source.
    var line: Int
}

/// A line-by-line N-Quads (RDF 1.1) parser: IRIs, blank nodes, literals with `^^datatype` or
/// `@lang`, the ECHAR and UCHAR escapes, comments. Nothing else (no relative IRIs, no
/// prefixes); an error names what was expected.
struct NQuadsLineParser {
    struct SyntaxError: Error { var message: String }

    private let bytes: UnsafeBufferPointer<UInt8>
    private var i = 0

    /// Parses one line (without its newline); nil for a blank or comment line.
    static func parse(_ line: UnsafeBufferPointer<UInt8>, number: Int) throws(SyntaxError) -> NQuad? {
        var p = NQuadsLineParser(bytes: line)
        p.skipSpace()
        if p.atEnd || p.peek == UInt8(ascii: "#") { return nil }
        let subject = try p.term(what: "a subject (<IRI> or _:blank)")
        if case .literal = subject { throw SyntaxError(message: "a subject cannot be a literal") }
        p.skipSpace()
        guard case .iri(let predicate) = try p.term(what: "a predicate <IRI>") else {
            throw SyntaxError(message: "the predicate must be an <IRI>")
        }
        p.skipSpace()
        let object = try p.term(what: "an object (<IRI>, _:blank or \"literal\")")
        p.skipSpace()
        var graph: NQTerm?
        if !p.atEnd && p.peek != UInt8(ascii: ".") {
            let g = try p.term(what: "a graph name or '.'")
            if case .literal = g { throw SyntaxError(message: "a graph name cannot be a literal") }
            graph = g
            p.skipSpace()
        }
        guard !p.atEnd, p.peek == UInt8(ascii: ".") else {
            throw SyntaxError(message: "expected '.' at the end of the statement" + (p.atEnd ? " (line ends early)" : ", found '\(p.rest(12))'"))
        }
        p.i += 1
        p.skipSpace()
        if !p.atEnd && p.peek != UInt8(ascii: "#") {
            throw SyntaxError(message: "unexpected '\(p.rest(12))' after the final '.'")
        }
        return NQuad(subject: subject, predicate: predicate, object: object, graph: graph, line: number)
    }

    private init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    private var atEnd: Bool { i >= bytes.count }
    private var peek: UInt8 { bytes[i] }

    private func rest(_ n: Int) -> String {
        String(decoding: bytes[i..<min(bytes.count, i + n)], as: UTF8.self)
    }

    private mutating func skipSpace() {
        while i < bytes.count && (bytes[i] == 32 || bytes[i] == 9 || bytes[i] == 13) { i += 1 }
    }

    private mutating func term(what: String) throws(SyntaxError) -> NQTerm {
        guard !atEnd else { throw SyntaxError(message: "expected \(what), the line ends early") }
        switch peek {
        case UInt8(ascii: "<"): return .iri(try iri())
        case UInt8(ascii: "_"):
            guard i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: ":") else { break }
            i += 2
            let start = i
            while i < bytes.count && bytes[i] != 32 && bytes[i] != 9 && bytes[i] != UInt8(ascii: "<") && bytes[i] != UInt8(ascii: "\"") { i += 1 }
            // A label may contain '.', but not end with one (that is the statement's end).
            while i > start && bytes[i - 1] == UInt8(ascii: ".") { i -= 1 }
            guard i > start else { throw SyntaxError(message: "a blank node '_:' needs a label") }
            return .blank(String(decoding: bytes[start..<i], as: UTF8.self))
        case UInt8(ascii: "\""): return try literal()
        default: break
        }
        throw SyntaxError(message: "expected \(what), found '\(rest(12))'")
    }

    private mutating func iri() throws(SyntaxError) -> String {
        i += 1
        var out: [UInt8] = []
        while true {
            guard i < bytes.count else { throw SyntaxError(message: "an IRI is not closed with '>'") }
            let b = bytes[i]
            if b == UInt8(ascii: ">") { i += 1; break }
            if b == UInt8(ascii: "\\") {
                appendScalar(try uchar(), to: &out)
                continue
            }
            if b <= 0x20 || b == UInt8(ascii: "<") || b == UInt8(ascii: "\"") {
                throw SyntaxError(message: "an IRI cannot contain \(b <= 0x20 ? "a space or control character" : "'\(Character(Unicode.Scalar(b)))'")")
            }
            out.append(b)
            i += 1
        }
        guard let s = String(validating: out, as: UTF8.self) else { throw SyntaxError(message: "invalid UTF-8 in an IRI") }
        guard s.contains(":") else { throw SyntaxError(message: "<\(s)> is not an absolute IRI") }
        return s
    }

    private mutating func literal() throws(SyntaxError) -> NQTerm {
        i += 1
        var out: [UInt8] = []
        while true {
            guard i < bytes.count else { throw SyntaxError(message: "a literal is not closed with '\"'") }
            let b = bytes[i]
            if b == UInt8(ascii: "\"") { i += 1; break }
            if b == 10 || b == 13 { throw SyntaxError(message: "a raw line break in a literal; write it as \\n") }
            if b == UInt8(ascii: "\\") {
                guard i + 1 < bytes.count else { throw SyntaxError(message: "a literal ends with a lone '\\'") }
                if let simple = unescaped(bytes[i + 1]) {
                    out.append(simple)
                    i += 2
                } else {
                    appendScalar(try uchar(), to: &out)
                }
                continue
            }
            out.append(b)
            i += 1
        }
        guard let value = String(validating: out, as: UTF8.self) else { throw SyntaxError(message: "invalid UTF-8 in a literal") }
        if i + 1 < bytes.count && bytes[i] == UInt8(ascii: "^") && bytes[i + 1] == UInt8(ascii: "^") {
            i += 2
            guard i < bytes.count, bytes[i] == UInt8(ascii: "<") else { throw SyntaxError(message: "expected a datatype <IRI> after '^^'") }
            return .literal(value, datatype: try iri())
        }
        if i < bytes.count && bytes[i] == UInt8(ascii: "@") {
            i += 1
            let start = i
            while i < bytes.count, bytes[i] == UInt8(ascii: "-") || (bytes[i] < 128 && (Character(Unicode.Scalar(bytes[i])).isLetter || Character(Unicode.Scalar(bytes[i])).isNumber)) { i += 1 }
            guard i > start else { throw SyntaxError(message: "a language tag '@' needs a tag") }
        }
        return .literal(value, datatype: nil)
    }

    /// `\uXXXX` or `\UXXXXXXXX` at `i`.
    private mutating func uchar() throws(SyntaxError) -> Unicode.Scalar {
        guard i + 1 < bytes.count else { throw SyntaxError(message: "a lone '\\'") }
        let n: Int
        switch bytes[i + 1] {
        case UInt8(ascii: "u"): n = 4
        case UInt8(ascii: "U"): n = 8
        default: throw SyntaxError(message: "unknown escape '\\\(Character(Unicode.Scalar(bytes[i + 1])))'")
        }
        // Hex digits only ("+041" would parse as a number).
        guard i + 2 + n <= bytes.count,
              bytes[(i + 2)..<(i + 2 + n)].allSatisfy({ ($0 >= 48 && $0 <= 57) || (($0 | 0x20) >= 97 && ($0 | 0x20) <= 102) }),
              let v = UInt32(String(decoding: bytes[(i + 2)..<(i + 2 + n)], as: UTF8.self), radix: 16),
              let scalar = Unicode.Scalar(v) else {
            throw SyntaxError(message: "a bad \\\(n == 4 ? "u" : "U") escape; expected \(n) hex digits of a Unicode scalar")
        }
        i += 2 + n
        return scalar
    }

}

/// The byte a string escape (`ECHAR` of N-Triples, N-Quads and Turtle) stands for: `\t`, `\b`,
/// `\n`, `\r`, `\f`, `\"`, `\'`, `\\`; nil for any other letter (`\u`/`\U` are read apart).
func unescaped(_ e: UInt8) -> UInt8? {
    switch e {
    case UInt8(ascii: "t"): return 9
    case UInt8(ascii: "b"): return 8
    case UInt8(ascii: "n"): return 10
    case UInt8(ascii: "r"): return 13
    case UInt8(ascii: "f"): return 12
    case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "\\"): return e
    default: return nil
    }
}

/// Appends the UTF-8 of a scalar read from a `\u` or `\U` escape.
func appendScalar(_ s: Unicode.Scalar, to out: inout [UInt8]) {
    out.append(contentsOf: String(Character(s)).utf8)
}

/// Decodes `%XX` escapes (as `iriEscape` writes them); nil when an escape is malformed or the
/// bytes are not UTF-8.
func percentDecode(_ s: Substring) -> String? {
    guard s.contains("%") else { return String(s) }
    var out: [UInt8] = []
    let u = Array(s.utf8)
    var i = 0
    while i < u.count {
        if u[i] == UInt8(ascii: "%") {
            guard i + 2 < u.count, let v = UInt8(String(decoding: u[(i + 1)...(i + 2)], as: UTF8.self), radix: 16) else { return nil }
            out.append(v)
            i += 3
        } else {
            out.append(u[i])
            i += 1
        }
    }
    return String(validating: out, as: UTF8.self)
}
