/// A W3C Turtle 1.1 parser (https://www.w3.org/TR/turtle/) producing triples (`NQuad` with no
/// graph name).
///
/// The whole grammar: `@prefix`/`@base` and SPARQL-style `PREFIX`/`BASE`, IRIs with `\u`/`\U`
/// escapes, relative IRIs resolved against the base (RFC 3986 section 5.2), prefixed names with
/// `%XX` and `\`-escaped local names, `a`, predicate lists (`;`) and object lists (`,`), string
/// literals in the four quote forms with ECHAR and UCHAR escapes, language tags, `^^` datatypes,
/// integer, decimal, double and boolean shorthands (typed `xsd:` literals), blank nodes `_:x`,
/// `[]` and `[ ... ]` property lists, collections `( ... )` as `rdf:first`/`rdf:rest` lists, and
/// `#` comments.
///
/// Parsing stops at the first error, which carries the 1-based line and names what was expected
/// and what was found. Blank nodes written `[ ]` or made for collections get labels starting
/// with `.` (`.g1`), which no `_:label` can, so they never clash with the document's own.
///
/// - Complexity: O(n) in the size of the input; nesting of `[ ]` and `( )` is limited to
///   `maxDepth` levels, so hostile input cannot exhaust the stack.
struct TurtleParser {
    struct SyntaxError: Error, Equatable {
        var line: Int
        var message: String
    }

    /// The deepest nesting of `[ ]` and `( )` accepted.
    static let maxDepth = 64

    static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    static let xsd = "http://www.w3.org/2001/XMLSchema#"

    private let bytes: UnsafeBufferPointer<UInt8>
    private var i = 0
    private var line = 1
    private var depth = 0
    private var base: String?
    private var prefixes: [String: String] = [:]
    private var generated = 0
    private var triples: [NQuad] = []

    /// Parses a whole Turtle document.
    /// - Parameter base: the base IRI until an `@base` sets one (nil: relative IRIs are errors).
    /// - Throws: `SyntaxError` at the first error.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, base: String? = nil) throws(SyntaxError) -> [NQuad] {
        var p = TurtleParser(bytes: bytes)
        p.base = base
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { p.i = 3 }
        try p.document()
        return p.triples
    }

    /// Parses Turtle held in a byte array (tests, small inputs).
    static func parse(_ bytes: [UInt8], base: String? = nil) throws(SyntaxError) -> [NQuad] {
        do {
            return try bytes.withUnsafeBufferPointer { try parse($0, base: base) }
        } catch let e as SyntaxError {
            throw e
        } catch {
            throw SyntaxError(line: 1, message: "\(error)")
        }
    }

    private init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    // MARK: - Statements

    private mutating func document() throws(SyntaxError) {
        while true {
            skipSpace()
            guard i < bytes.count else { return }
            try statement()
        }
    }

    private mutating func statement() throws(SyntaxError) {
        if peek == UInt8(ascii: "@") {
            i += 1
            if keyword("prefix", caseInsensitive: false) {
                try prefixDeclaration()
                try expectDot(after: "an @prefix declaration")
            } else if keyword("base", caseInsensitive: false) {
                try baseDeclaration()
                try expectDot(after: "an @base declaration")
            } else {
                throw error("expected '@prefix' or '@base'", found: true)
            }
            return
        }
        switch peek | 0x20 {
        case UInt8(ascii: "p"): if keyword("PREFIX", caseInsensitive: true) { return try prefixDeclaration() }
        case UInt8(ascii: "b"): if keyword("BASE", caseInsensitive: true) { return try baseDeclaration() }
        default: break
        }
        try triplesStatement()
        try expectDot(after: "a statement")
    }

    /// A directive keyword at `i`, followed by something that cannot continue a name.
    private mutating func keyword(_ word: String, caseInsensitive: Bool) -> Bool {
        let w = Array(word.utf8)
        guard i + w.count <= bytes.count else { return false }
        for k in 0..<w.count {
            let b = bytes[i + k]
            let same = caseInsensitive ? (b | 0x20) == (w[k] | 0x20) : b == w[k]
            if !same { return false }
        }
        if i + w.count < bytes.count {
            // `PREFIX:local` or `based:x` is a prefixed name, not a directive.
            let next = bytes[i + w.count]
            let ends = next == 32 || next == 9 || next == 10 || next == 13 || next == UInt8(ascii: "<") || next == UInt8(ascii: "#")
                || (!caseInsensitive && next == UInt8(ascii: ":"))
            if !ends { return false }
        }
        i += w.count
        return true
    }

    private mutating func prefixDeclaration() throws(SyntaxError) {
        skipSpace()
        let start = i
        if i < bytes.count && peek != UInt8(ascii: ":") { try prefixName() }
        guard i < bytes.count, peek == UInt8(ascii: ":") else {
            throw error("expected a prefix name ending in ':' (such as 'ex:')", found: true)
        }
        let name = String(decoding: bytes[start..<i], as: UTF8.self)
        i += 1
        skipSpace()
        guard i < bytes.count, peek == UInt8(ascii: "<") else { throw error("expected an <IRI> for prefix '\(name):'", found: true) }
        prefixes[name] = try iriRef()
    }

    private mutating func baseDeclaration() throws(SyntaxError) {
        skipSpace()
        guard i < bytes.count, peek == UInt8(ascii: "<") else { throw error("expected a base <IRI>", found: true) }
        base = try iriRef()
    }

    private mutating func expectDot(after what: String) throws(SyntaxError) {
        skipSpace()
        guard i < bytes.count, peek == UInt8(ascii: ".") else {
            throw error("expected '.' at the end of \(what)", found: true)
        }
        i += 1
    }

    private mutating func triplesStatement() throws(SyntaxError) {
        if peek == UInt8(ascii: "[") {
            // `[ ... ] .` alone, or `[ ... ] predicate object .`; `[]` is a plain blank node.
            let subject = try blankNodePropertyList()
            skipSpace()
            if i < bytes.count && peek != UInt8(ascii: ".") { try predicateObjectList(subject) }
            return
        }
        let subject: NQTerm
        switch peek {
        case UInt8(ascii: "("): subject = try collection()
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            throw error("a subject cannot be a literal")
        default:
            subject = try iriOrBlank(what: "a subject (<IRI>, prefixed name, _:blank, [ or ()")
        }
        try predicateObjectList(subject)
    }

    private mutating func predicateObjectList(_ subject: NQTerm) throws(SyntaxError) {
        while true {
            skipSpace()
            let predicate = try verb()
            try objectList(subject, predicate)
            skipSpace()
            guard i < bytes.count, peek == UInt8(ascii: ";") else { return }
            // One or more ';', and the list may end after them.
            while i < bytes.count && peek == UInt8(ascii: ";") {
                i += 1
                skipSpace()
            }
            guard i < bytes.count else { return }
            if peek == UInt8(ascii: ".") || peek == UInt8(ascii: "]") { return }
        }
    }

    private mutating func objectList(_ subject: NQTerm, _ predicate: String) throws(SyntaxError) {
        while true {
            skipSpace()
            let o = try object()
            triples.append(NQuad(subject: subject, predicate: predicate, object: o, graph: nil, line: line))
            skipSpace()
            guard i < bytes.count, peek == UInt8(ascii: ",") else { return }
            i += 1
        }
    }

    private mutating func verb() throws(SyntaxError) -> String {
        guard i < bytes.count else { throw error("expected a predicate, the input ends early") }
        if peek == UInt8(ascii: "a"), i + 1 == bytes.count || isDelimiter(bytes[i + 1]) {
            i += 1
            return Self.rdf + "type"
        }
        switch peek {
        case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "_"), UInt8(ascii: "["), UInt8(ascii: "("):
            throw error("expected a predicate (<IRI>, prefixed name or 'a')", found: true)
        default:
            guard case .iri(let p) = try iriOrBlank(what: "a predicate (<IRI>, prefixed name or 'a')") else {
                throw error("a predicate must be an IRI")
            }
            return p
        }
    }

    private func isDelimiter(_ b: UInt8) -> Bool {
        b == 32 || b == 9 || b == 10 || b == 13 || b == UInt8(ascii: "<") || b == UInt8(ascii: "\"") || b == UInt8(ascii: "'")
            || b == UInt8(ascii: "[") || b == UInt8(ascii: "(") || b == UInt8(ascii: "_") || b == UInt8(ascii: "#")
    }

    private mutating func object() throws(SyntaxError) -> NQTerm {
        guard i < bytes.count else { throw error("expected an object, the input ends early") }
        switch peek {
        case UInt8(ascii: "\""), UInt8(ascii: "'"): return try rdfLiteral()
        case UInt8(ascii: "["): return try blankNodePropertyList()
        case UInt8(ascii: "("): return try collection()
        case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return try numericLiteral()
        default:
            if peek == UInt8(ascii: "t") && word("true") { return .literal("true", datatype: Self.xsd + "boolean") }
            if peek == UInt8(ascii: "f") && word("false") { return .literal("false", datatype: Self.xsd + "boolean") }
            return try iriOrBlank(what: "an object (<IRI>, prefixed name, _:blank, literal, [ or ()")
        }
    }

    /// `true`/`false` as a whole token (not the prefix `true:` or a name `trueish:`).
    private mutating func word(_ w: String) -> Bool {
        let u = Array(w.utf8)
        guard i + u.count <= bytes.count, bytes[i..<(i + u.count)].elementsEqual(u) else { return false }
        if i + u.count < bytes.count {
            let next = bytes[i + u.count]
            if next == UInt8(ascii: ":") || next == UInt8(ascii: "_") || next == UInt8(ascii: "-") || next >= 0x80
                || (next < 0x80 && (Character(Unicode.Scalar(next)).isLetter || Character(Unicode.Scalar(next)).isNumber)) {
                return false
            }
        }
        i += u.count
        return true
    }

    private mutating func enter(_ what: String) throws(SyntaxError) {
        depth += 1
        if depth > Self.maxDepth {
            throw error("\(what) nested more than \(Self.maxDepth) levels deep; kg refuses deeper nesting of [ ] and ( )")
        }
    }

    private mutating func fresh() -> NQTerm {
        generated += 1
        return .blank(".g\(generated)")
    }

    private mutating func blankNodePropertyList() throws(SyntaxError) -> NQTerm {
        try enter("'['")
        defer { depth -= 1 }
        i += 1
        let node = fresh()
        skipSpace()
        if i < bytes.count && peek == UInt8(ascii: "]") {
            i += 1
            return node
        }
        try predicateObjectList(node)
        skipSpace()
        guard i < bytes.count, peek == UInt8(ascii: "]") else { throw error("expected ']' to close '['", found: true) }
        i += 1
        return node
    }

    private mutating func collection() throws(SyntaxError) -> NQTerm {
        try enter("'('")
        defer { depth -= 1 }
        i += 1
        var head: NQTerm?
        var last: NQTerm?
        while true {
            skipSpace()
            guard i < bytes.count else { throw error("expected ')' to close '(', the input ends early") }
            if peek == UInt8(ascii: ")") {
                i += 1
                break
            }
            let node = fresh()
            if let last {
                triples.append(NQuad(subject: last, predicate: Self.rdf + "rest", object: node, graph: nil, line: line))
            } else {
                head = node
            }
            let item = try object()
            triples.append(NQuad(subject: node, predicate: Self.rdf + "first", object: item, graph: nil, line: line))
            last = node
        }
        let nilList = NQTerm.iri(Self.rdf + "nil")
        guard let head, let last else { return nilList }
        triples.append(NQuad(subject: last, predicate: Self.rdf + "rest", object: nilList, graph: nil, line: line))
        return head
    }

    // MARK: - Terms

    private mutating func iriOrBlank(what: String) throws(SyntaxError) -> NQTerm {
        guard i < bytes.count else { throw error("expected \(what), the input ends early") }
        if peek == UInt8(ascii: "<") { return .iri(try iriRef()) }
        if peek == UInt8(ascii: "_"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: ":") { return try blankLabel() }
        if peek == UInt8(ascii: ":") || isNameStart(at: i) { return .iri(try prefixedName()) }
        throw error("expected \(what)", found: true)
    }

    /// `<...>`: UCHAR escapes decoded, resolved against the base.
    private mutating func iriRef() throws(SyntaxError) -> String {
        i += 1
        var out: [UInt8] = []
        while true {
            guard i < bytes.count else { throw error("an IRI is not closed with '>'") }
            let b = bytes[i]
            if b == UInt8(ascii: ">") { i += 1; break }
            if b == UInt8(ascii: "\\") {
                guard i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "u") || bytes[i + 1] == UInt8(ascii: "U") else {
                    throw error("only \\u and \\U escapes are allowed in an IRI")
                }
                appendScalar(try uchar(), to: &out)
                continue
            }
            if b <= 0x20 || b == UInt8(ascii: "<") || b == UInt8(ascii: "\"") || b == UInt8(ascii: "{") || b == UInt8(ascii: "}")
                || b == UInt8(ascii: "|") || b == UInt8(ascii: "^") || b == UInt8(ascii: "`") {
                throw error("an IRI cannot contain \(b <= 0x20 ? "a space or control character" : "'\(Character(Unicode.Scalar(b)))'")" + (b == 10 ? " (is '>' missing?)" : ""))
            }
            out.append(b)
            i += 1
        }
        guard let s = String(validating: out, as: UTF8.self) else { throw error("invalid UTF-8 in an IRI") }
        return try resolve(s)
    }

    /// Resolves a reference against the base (RFC 3986, 5.2.2); an absolute IRI is kept as is.
    private func resolve(_ reference: String) throws(SyntaxError) -> String {
        if Self.scheme(of: reference) != nil { return reference }
        guard let base else {
            throw error("the relative IRI <\(reference)> needs a base; declare one with @base <...>")
        }
        return Self.resolve(reference, against: base)
    }

    static func scheme(of s: String) -> Substring? {
        guard let colon = s.firstIndex(of: ":"), colon != s.startIndex else { return nil }
        let scheme = s[..<colon]
        guard let f = scheme.first, f.isASCII, f.isLetter,
              scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }) else { return nil }
        return scheme
    }

    static func resolve(_ r: String, against base: String) -> String {
        // Split the base into scheme ":" ["//" authority] path ["?" query].
        let b = base.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
        guard let scheme = scheme(of: String(b)) else { return r }
        var rest = b[b.index(after: scheme.endIndex)...]
        var authority: Substring?
        if rest.hasPrefix("//") {
            let a = rest.dropFirst(2)
            let end = a.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? a.endIndex
            authority = a[..<end]
            rest = a[end...]
        }
        let basePath = rest.firstIndex(of: "?").map { rest[..<$0] } ?? rest
        let head = String(scheme) + ":" + (authority.map { "//" + $0 } ?? "")
        if r.hasPrefix("//") { return String(scheme) + ":" + r }
        if r.isEmpty { return String(b) }
        if r.hasPrefix("#") { return String(b) + r }
        if r.hasPrefix("?") { return head + basePath + r }
        // Split the reference's path from its query and fragment.
        let cut = r.firstIndex(where: { $0 == "?" || $0 == "#" }) ?? r.endIndex
        let path = r[..<cut], tail = r[cut...]
        if path.hasPrefix("/") { return head + removeDots(String(path)) + tail }
        let merged: String
        if authority != nil && basePath.isEmpty {
            merged = "/" + path
        } else {
            merged = String(basePath[..<(basePath.lastIndex(of: "/").map { basePath.index(after: $0) } ?? basePath.startIndex)]) + path
        }
        return head + removeDots(merged) + tail
    }

    /// RFC 3986 5.2.4.
    static func removeDots(_ path: String) -> String {
        var output: [Substring] = []
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        for (k, s) in segments.enumerated() {
            let lastSegment = k == segments.count - 1
            if s == "." {
                if lastSegment { output.append("") }
            } else if s == ".." {
                if output.count > 1 || (output.count == 1 && output[0] != "") { output.removeLast() }
                if lastSegment { output.append("") }
            } else {
                output.append(s)
            }
        }
        var result = output.joined(separator: "/")
        if path.hasPrefix("/") && !result.hasPrefix("/") { result = "/" + result }
        return result
    }

    private mutating func blankLabel() throws(SyntaxError) -> NQTerm {
        i += 2
        let start = i
        guard i < bytes.count, isNameStart(at: i) || isDigit(bytes[i]) else {
            throw error("a blank node '_:' needs a label (a letter, digit or '_' first)", found: true)
        }
        i += scalarLength(at: i)
        scanNameTail()
        return .blank(String(decoding: bytes[start..<i], as: UTF8.self))
    }

    /// PN_PREFIX at `i` (without the ':').
    private mutating func prefixName() throws(SyntaxError) {
        guard isNameStart(at: i), peek != UInt8(ascii: "_") else {
            throw error("expected a prefix name (a letter first)", found: true)
        }
        i += scalarLength(at: i)
        scanNameTail()
    }

    /// `prefix:local`, expanded with its declared namespace.
    private mutating func prefixedName() throws(SyntaxError) -> String {
        let start = i
        if peek != UInt8(ascii: ":") { try prefixName() }
        let prefix = String(decoding: bytes[start..<i], as: UTF8.self)
        guard i < bytes.count, peek == UInt8(ascii: ":") else {
            i = start
            throw error("expected a prefixed name (prefix:local), an <IRI> or a literal", found: true)
        }
        i += 1
        guard let ns = prefixes[prefix] else {
            throw error("undefined prefix '\(prefix):'; declare it with @prefix \(prefix): <...> .")
        }
        var local: [UInt8] = []
        if i < bytes.count, isNameStart(at: i) || isDigit(peek) || peek == UInt8(ascii: ":") || peek == UInt8(ascii: "%") || peek == UInt8(ascii: "\\") {
            // First character: PN_CHARS_U | ':' | [0-9] | PLX.
            if peek == UInt8(ascii: "%") || peek == UInt8(ascii: "\\") {
                try plx(into: &local)
            } else {
                let n = scalarLength(at: i)
                local.append(contentsOf: bytes[i..<(i + n)])
                i += n
            }
            try scanLocalTail(into: &local)
        }
        return ns + String(decoding: local, as: UTF8.self)
    }

    /// PERCENT (kept as written) or PN_LOCAL_ESC (the escaped character).
    private mutating func plx(into out: inout [UInt8]) throws(SyntaxError) {
        if peek == UInt8(ascii: "%") {
            guard i + 2 < bytes.count, isHex(bytes[i + 1]), isHex(bytes[i + 2]) else {
                throw error("'%' in a local name must be followed by two hex digits")
            }
            out.append(contentsOf: bytes[i..<(i + 3)])
            i += 3
            return
        }
        guard i + 1 < bytes.count, "_~.-!$&'()*+,;=/?#@%".utf8.contains(bytes[i + 1]) else {
            throw error("a '\\' in a local name may only escape one of _~.-!$&'()*+,;=/?#@%", found: true)
        }
        out.append(bytes[i + 1])
        i += 2
    }

    /// The rest of PN_LOCAL: PN_CHARS, '.', ':', PLX, not ending with '.'.
    private mutating func scanLocalTail(into out: inout [UInt8]) throws(SyntaxError) {
        while i < bytes.count {
            let b = peek
            if b == UInt8(ascii: "%") || b == UInt8(ascii: "\\") {
                try plx(into: &out)
            } else if b == UInt8(ascii: ":") {
                out.append(b); i += 1
            } else if b == UInt8(ascii: ".") {
                // A dot belongs to the name only if a name character follows it.
                var j = i
                while j < bytes.count && bytes[j] == UInt8(ascii: ".") { j += 1 }
                guard j < bytes.count, isNameChar(at: j) || bytes[j] == UInt8(ascii: ":") || bytes[j] == UInt8(ascii: "%") || bytes[j] == UInt8(ascii: "\\") else { return }
                out.append(contentsOf: bytes[i..<j]); i = j
            } else if isNameChar(at: i) {
                let n = scalarLength(at: i)
                out.append(contentsOf: bytes[i..<(i + n)]); i += n
            } else {
                return
            }
        }
    }

    /// PN_CHARS and inner '.' after the first character of a prefix or blank node label.
    private mutating func scanNameTail() {
        while i < bytes.count {
            if peek == UInt8(ascii: ".") {
                var j = i
                while j < bytes.count && bytes[j] == UInt8(ascii: ".") { j += 1 }
                guard j < bytes.count, isNameChar(at: j) else { return }
                i = j
            } else if isNameChar(at: i) {
                i += scalarLength(at: i)
            } else {
                return
            }
        }
    }

    private mutating func rdfLiteral() throws(SyntaxError) -> NQTerm {
        let value = try string()
        if i + 1 < bytes.count && peek == UInt8(ascii: "^") && bytes[i + 1] == UInt8(ascii: "^") {
            i += 2
            guard i < bytes.count else { throw error("expected a datatype IRI after '^^', the input ends early") }
            guard case .iri(let datatype) = try iriOrBlank(what: "a datatype IRI after '^^'") else {
                throw error("a datatype must be an IRI")
            }
            return .literal(value, datatype: datatype)
        }
        if i < bytes.count && peek == UInt8(ascii: "@") {
            i += 1
            let start = i
            while i < bytes.count && isLetter(peek) { i += 1 }
            guard i > start else { throw error("a language tag '@' needs letters (such as @en)", found: true) }
            while i + 1 < bytes.count && peek == UInt8(ascii: "-") && (isLetter(bytes[i + 1]) || isDigit(bytes[i + 1])) {
                i += 1
                while i < bytes.count && (isLetter(peek) || isDigit(peek)) { i += 1 }
            }
            return .literal(value, datatype: nil, language: String(decoding: bytes[start..<i], as: UTF8.self))
        }
        return .literal(value, datatype: nil)
    }

    /// One of the four string forms at `i`, escapes decoded.
    private mutating func string() throws(SyntaxError) -> String {
        let quote = peek
        let startLine = line
        let long = i + 2 < bytes.count && bytes[i + 1] == quote && bytes[i + 2] == quote
        i += long ? 3 : 1
        var out: [UInt8] = []
        let q = Character(Unicode.Scalar(quote))
        while true {
            guard i < bytes.count else {
                throw SyntaxError(line: startLine, message: "a string opened with \(long ? "\(q)\(q)\(q)" : "\(q)") is never closed (unterminated string)")
            }
            let b = bytes[i]
            if b == quote {
                if !long { i += 1; break }
                if i + 2 < bytes.count && bytes[i + 1] == quote && bytes[i + 2] == quote {
                    // A long string may end with one or two quotes before the closing three.
                    var j = i + 3
                    while j < bytes.count && bytes[j] == quote && j - i < 5 { j += 1 }
                    out.append(contentsOf: repeatElement(quote, count: j - i - 3))
                    i = j
                    break
                }
                out.append(b); i += 1
                continue
            }
            if b == 10 || b == 13 {
                if !long {
                    throw SyntaxError(line: startLine, message: "a string opened with \(q) is not closed on its line (unterminated string; use \(q)\(q)\(q) for several lines)")
                }
                if b == 10 { line += 1 }
            }
            if b == UInt8(ascii: "\\") {
                guard i + 1 < bytes.count else { throw error("a string ends with a lone '\\'") }
                if let simple = unescaped(bytes[i + 1]) {
                    out.append(simple); i += 2
                } else {
                    appendScalar(try uchar(), to: &out)
                }
                continue
            }
            out.append(b)
            i += 1
        }
        guard let s = String(validating: out, as: UTF8.self) else { throw SyntaxError(line: startLine, message: "invalid UTF-8 in a string") }
        return s
    }

    /// INTEGER, DECIMAL or DOUBLE, as an `xsd:` typed literal with its lexical form.
    private mutating func numericLiteral() throws(SyntaxError) -> NQTerm {
        let start = i
        if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { i += 1 }
        var whole = 0, fraction = 0
        while i < bytes.count && isDigit(peek) { i += 1; whole += 1 }
        var dot = false
        if i + 1 < bytes.count, peek == UInt8(ascii: "."), isDigit(bytes[i + 1]) || ((bytes[i + 1] | 0x20) == UInt8(ascii: "e") && whole > 0) {
            dot = true
            i += 1
            while i < bytes.count && isDigit(peek) { i += 1; fraction += 1 }
        }
        var exponent = false
        if i < bytes.count, (peek | 0x20) == UInt8(ascii: "e"), whole + fraction > 0 {
            var j = i + 1
            if j < bytes.count && (bytes[j] == UInt8(ascii: "+") || bytes[j] == UInt8(ascii: "-")) { j += 1 }
            if j < bytes.count && isDigit(bytes[j]) {
                exponent = true
                i = j
                while i < bytes.count && isDigit(peek) { i += 1 }
            }
        }
        guard whole + fraction > 0 else {
            i = start
            throw error("expected an object (<IRI>, prefixed name, _:blank, literal, [ or ()", found: true)
        }
        let text = String(decoding: bytes[start..<i], as: UTF8.self)
        let type = exponent ? "double" : dot ? "decimal" : "integer"
        return .literal(text, datatype: Self.xsd + type)
    }

    /// `\uXXXX` or `\UXXXXXXXX` at `i`.
    private mutating func uchar() throws(SyntaxError) -> Unicode.Scalar {
        guard i + 1 < bytes.count else { throw error("a lone '\\'") }
        let n: Int
        switch bytes[i + 1] {
        case UInt8(ascii: "u"): n = 4
        case UInt8(ascii: "U"): n = 8
        default: throw error("unknown escape '\\\(Character(Unicode.Scalar(bytes[i + 1])))'; Turtle knows \\t \\b \\n \\r \\f \\\" \\' \\\\ \\u \\U")
        }
        guard i + 2 + n <= bytes.count, bytes[(i + 2)..<(i + 2 + n)].allSatisfy(isHex),
              let v = UInt32(String(decoding: bytes[(i + 2)..<(i + 2 + n)], as: UTF8.self), radix: 16),
              let scalar = Unicode.Scalar(v) else {
            throw error("a bad \\\(n == 4 ? "u" : "U") escape; expected \(n) hex digits of a Unicode scalar")
        }
        i += 2 + n
        return scalar
    }


    // MARK: - Characters

    private var peek: UInt8 { bytes[i] }

    /// Skips white space and comments, counting lines.
    private mutating func skipSpace() {
        while i < bytes.count {
            switch bytes[i] {
            case 10: line += 1; i += 1
            case 32, 9, 13: i += 1
            case UInt8(ascii: "#"):
                while i < bytes.count && bytes[i] != 10 { i += 1 }
            default: return
            }
        }
    }

    private func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
    private func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 97 && (b | 0x20) <= 122 }
    private func isHex(_ b: UInt8) -> Bool { isDigit(b) || ((b | 0x20) >= 97 && (b | 0x20) <= 102) }

    /// The scalar at `j` (UTF-8), or nil when the bytes are not UTF-8.
    private func scalar(at j: Int) -> (Unicode.Scalar, Int)? {
        let b0 = bytes[j]
        if b0 < 0x80 { return (Unicode.Scalar(b0), 1) }
        let n = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC0 ? 2 : 0
        guard n > 0, j + n <= bytes.count else { return nil }
        var v = UInt32(b0) & (0xFF >> (n + 1))
        for k in 1..<n {
            let c = bytes[j + k]
            guard c & 0xC0 == 0x80 else { return nil }
            v = v << 6 | UInt32(c & 0x3F)
        }
        return Unicode.Scalar(v).map { ($0, n) }
    }

    private func scalarLength(at j: Int) -> Int { scalar(at: j)?.1 ?? 1 }

    /// PN_CHARS_U: PN_CHARS_BASE or '_'.
    private func isNameStart(at j: Int) -> Bool {
        guard let (s, _) = scalar(at: j) else { return false }
        let v = s.value
        if v < 0x80 { return isLetter(UInt8(v)) || v == 0x5F }
        return (0xC0...0xD6).contains(v) || (0xD8...0xF6).contains(v) || (0xF8...0x2FF).contains(v)
            || (0x370...0x37D).contains(v) || (0x37F...0x1FFF).contains(v) || (0x200C...0x200D).contains(v)
            || (0x2070...0x218F).contains(v) || (0x2C00...0x2FEF).contains(v) || (0x3001...0xD7FF).contains(v)
            || (0xF900...0xFDCF).contains(v) || (0xFDF0...0xFFFD).contains(v) || (0x10000...0xEFFFF).contains(v)
    }

    /// PN_CHARS.
    private func isNameChar(at j: Int) -> Bool {
        if isNameStart(at: j) { return true }
        let b = bytes[j]
        if b == UInt8(ascii: "-") || isDigit(b) { return true }
        guard let (s, _) = scalar(at: j) else { return false }
        let v = s.value
        return v == 0xB7 || (0x300...0x36F).contains(v) || (0x203F...0x2040).contains(v)
    }

    private func error(_ message: String, found: Bool = false) -> SyntaxError {
        guard found else { return SyntaxError(line: line, message: message) }
        if i >= bytes.count { return SyntaxError(line: line, message: message + ", the input ends early") }
        var end = i
        while end < bytes.count && end - i < 16 && bytes[end] != 10 && bytes[end] != 13 { end += 1 }
        return SyntaxError(line: line, message: message + ", found '\(String(decoding: bytes[i..<end], as: UTF8.self))'")
    }
}
