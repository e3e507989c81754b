/// The graph formats kg writes and can read back, told apart by content and by file name.
public enum GraphFormat: String, Sendable, CaseIterable, Equatable {
    /// kg's JSON Lines (`.jsonl`): one JSON object per statement and document.
    case jsonLines
    /// N-Quads (`.nq`): four terms a line, each document a named graph.
    case nQuads
    /// N-Triples (`.nt`): three terms a line.
    case nTriples
    /// Turtle (`.ttl`).
    case turtle
    /// RDF/XML (`.rdf`, `.owl`): XML naming the RDF namespace. Read by the Query module.
    case rdfXML

    static let rdfNamespace = Array("http://www.w3.org/1999/02/22-rdf-syntax-ns#".utf8)

    /// The format of a file from its first bytes and, when they do not tell, its name.
    ///
    /// By content: `{` is JSON Lines; `@prefix`, `@base`, `PREFIX`, `BASE`, `[` or `(` is Turtle;
    /// XML (`<?xml`, `<!--`, or a start tag) naming the RDF namespace is RDF/XML; a first
    /// statement line (after `#` comments) of three terms is N-Triples, of four N-Quads, and one
    /// that goes on to another line (`;`, `,`) Turtle. Otherwise by the extension: `.jsonl`,
    /// `.ndjson`, `.nq`, `.nt`, `.ttl`, `.rdf`, `.owl`.
    /// - Parameters:
    ///   - path: the file name (only the extension is used), nil when there is none (stdin).
    ///   - prefix: the first bytes of the file; a few kilobytes are enough, and it may be cut
    ///     anywhere.
    /// - Returns: nil when neither the content nor the name tells.
    /// - Complexity: O(n) in the length of `prefix`.
    public static func detect(path: String?, prefix: some Collection<UInt8>) -> GraphFormat? {
        detect(content: Array(prefix.prefix(1 << 16))) ?? path.flatMap(detect(name:))
    }

    /// The format a file name's extension stands for, if any.
    public static func detect(name: String) -> GraphFormat? {
        let lower = name.lowercased()
        guard let dot = lower.lastIndex(of: "."), !lower[dot...].contains("/") else { return nil }
        switch lower[lower.index(after: dot)...] {
        case "jsonl", "ndjson": return .jsonLines
        case "nq": return .nQuads
        case "nt": return .nTriples
        case "ttl": return .turtle
        case "rdf", "owl": return .rdfXML
        default: return nil
        }
    }

    /// The format told by the first bytes alone, or nil.
    static func detect(content b: [UInt8]) -> GraphFormat? {
        var i = b.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        func isSpace(_ c: UInt8) -> Bool { c == 32 || c == 9 || c == 10 || c == 13 }
        func starts(_ word: String, caseInsensitive: Bool) -> Bool {
            let w = Array(word.utf8)
            guard i + w.count < b.count else { return false }
            for k in 0..<w.count where (caseInsensitive ? b[i + k] | 0x20 : b[i + k]) != (caseInsensitive ? w[k] | 0x20 : w[k]) { return false }
            let next = b[i + w.count]
            return isSpace(next) || next == UInt8(ascii: "<") || (!caseInsensitive && next == UInt8(ascii: ":"))
        }
        while true {
            while i < b.count && isSpace(b[i]) { i += 1 }
            guard i < b.count else { return nil }
            guard b[i] == UInt8(ascii: "#") else { break }
            while i < b.count && b[i] != 10 { i += 1 }
        }
        switch b[i] {
        case UInt8(ascii: "{"): return .jsonLines
        case UInt8(ascii: "["), UInt8(ascii: "("): return .turtle
        case UInt8(ascii: "@"):
            return starts("@prefix", caseInsensitive: false) || starts("@base", caseInsensitive: false) ? .turtle : nil
        case UInt8(ascii: "P"), UInt8(ascii: "p"), UInt8(ascii: "B"), UInt8(ascii: "b"):
            return starts("PREFIX", caseInsensitive: true) || starts("BASE", caseInsensitive: true) ? .turtle : nil
        case UInt8(ascii: "<"):
            if isXML(b, at: i) { return contains(b[i...], rdfNamespace) ? .rdfXML : nil }
            return statementLine(b, at: i)
        case UInt8(ascii: "_"):
            return statementLine(b, at: i)
        default:
            return nil
        }
    }

    /// `<?xml`, `<!--`, `<!DOCTYPE` or a start tag `<name ...>` / `<name>` (an IRI has a ':'
    /// and no space before its '>').
    private static func isXML(_ b: [UInt8], at i: Int) -> Bool {
        guard i + 1 < b.count else { return false }
        if b[i + 1] == UInt8(ascii: "?") || b[i + 1] == UInt8(ascii: "!") { return true }
        var j = i + 1
        while j < b.count && b[j] != UInt8(ascii: ">") {
            if b[j] == 32 || b[j] == 9 || b[j] == 10 || b[j] == 13 || b[j] == UInt8(ascii: "/") && j + 1 < b.count && b[j + 1] == UInt8(ascii: ">") {
                // A space inside `<...>` is a tag; an IRI cannot hold one.
                return true
            }
            j += 1
        }
        guard j < b.count else { return false }
        return !b[(i + 1)..<j].contains(UInt8(ascii: ":"))
    }

    private static func contains(_ hay: ArraySlice<UInt8>, _ needle: [UInt8]) -> Bool {
        guard hay.count >= needle.count, let first = needle.first else { return false }
        var k = hay.startIndex
        while k <= hay.endIndex - needle.count {
            if hay[k] == first && hay[k..<(k + needle.count)].elementsEqual(needle) { return true }
            k += 1
        }
        return false
    }

    /// N-Triples or N-Quads by the terms of the line at `i`; Turtle when the statement goes on
    /// past the line; nil when it is neither.
    private static func statementLine(_ b: [UInt8], at i: Int) -> GraphFormat? {
        let end = b[i...].firstIndex(of: 10) ?? b.endIndex
        let parsed: NQuad?? = b[i..<end].withUnsafeBufferPointer { line in
            do throws(NQuadsLineParser.SyntaxError) { return .some(try NQuadsLineParser.parse(line, number: 1)) } catch { return .none }
        }
        if case .some(let quad?) = parsed { return quad.graph == nil ? .nTriples : .nQuads }
        let last = b[i..<end].lastIndex(where: { !($0 == 32 || $0 == 9 || $0 == 13) })
        if let l = last, [UInt8(ascii: ";"), UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "(")].contains(b[l]) { return .turtle }
        return nil
    }
}
