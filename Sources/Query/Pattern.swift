import Foundation
import KnowledgeGraph

/// One end of a triple pattern: a variable or an actor.
public enum Term: Equatable, Sendable {
    case variable(String)
    case entity(EntityID)
}

/// The relation of a triple pattern: a variable, or a set of relations (one name, `a|b`, or a
/// QuadClass such as `@conflict`).
public enum RelationTerm: Equatable, Sendable {
    case variable(String)
    case relations([RelationID])
}

public struct TriplePattern: Equatable, Sendable {
    public var subject: Term
    public var relation: RelationTerm
    public var object: Term
}

/// A sort key of `ORDER BY`: a variable, or the row's `weight` or `confidence`.
public struct SortKey: Equatable, Sendable {
    public var key: String
    public var descending: Bool
}

/// A parsed query: triple patterns joined on shared variables, an order and a limit.
///
/// Grammar (keywords and relation names are case-insensitive):
/// ```
/// query    := triple ("." triple)* ["ORDER" "BY" key ["ASC"|"DESC"] ("," key ["ASC"|"DESC"])*] ["LIMIT" n]
/// triple   := term relation term
/// term     := ?name | "quoted name" | 'quoted name' | bare words
/// relation := ?name | spec ("|" spec)*      spec := relationName | @class | @0…@4
/// key      := ?name | weight | confidence
/// ```
/// Bare words of a subject run up to the first word that is a relation; of an object, up to
/// ".", ORDER, LIMIT or the end. Classes: @structural (0), @verbal-cooperation (1),
/// @material-cooperation (2), @verbal-conflict (3), @material-conflict (4), @cooperation (1, 2),
/// @conflict (3, 4).
public struct Pattern: Equatable, Sendable {
    public var triples: [TriplePattern]
    public var order: [SortKey]
    public var limit: Int?

    /// The variables in order of first appearance.
    public var variables: [String] {
        var seen: [String] = []
        for t in triples {
            for v in [t.subject.variable, t.relation.variable, t.object.variable] {
                if let v, !seen.contains(v) { seen.append(v) }
            }
        }
        return seen
    }

    /// The QuadClasses of each class name.
    public static let classes: [String: [Int]] = [
        "structural": [0], "verbal-cooperation": [1], "material-cooperation": [2],
        "verbal-conflict": [3], "material-conflict": [4], "cooperation": [1, 2], "conflict": [3, 4],
        "0": [0], "1": [1], "2": [2], "3": [3], "4": [4],
    ]
}

extension Term {
    var variable: String? { if case .variable(let v) = self { return v } else { return nil } }
}

extension RelationTerm {
    var variable: String? { if case .variable(let v) = self { return v } else { return nil } }
}

/// Parses patterns against a graph's vocabulary, resolving names with a `NameResolver`.
public struct PatternParser {
    let vocabulary: RelationVocabulary
    let resolver: NameResolver
    private var lowerNames: [String: RelationID] = [:]

    public init(vocabulary: RelationVocabulary, resolver: NameResolver) {
        self.vocabulary = vocabulary
        self.resolver = resolver
        for id in vocabulary.ids { lowerNames[vocabulary[id].name.lowercased()] = id }
    }

    enum TokenKind { case variable, quoted, word, dot, comma }
    struct Token {
        var kind: TokenKind
        var text: String
        var offset: Int
    }

    /// Parses `text`.
    /// - Throws: `QueryError.syntax` (with the offset of the problem) for a malformed pattern or an
    ///   unknown relation; `QueryError.unknownActor`/`.ambiguousActor` for a name.
    public func parse(_ text: String) throws -> Pattern {
        let tokens = try tokenize(text)
        var i = 0
        func fail(_ message: String, _ offset: Int? = nil) -> QueryError {
            .syntax(message, pattern: text, offset: offset ?? (i < tokens.count ? tokens[i].offset : text.count))
        }
        func isKeyword(_ t: Token, _ k: String) -> Bool { t.kind == .word && t.text.uppercased() == k }
        func atEndOfTriple() -> Bool {
            i >= tokens.count || tokens[i].kind == .dot || isKeyword(tokens[i], "ORDER") || isKeyword(tokens[i], "LIMIT")
        }

        var triples: [TriplePattern] = []
        var entityVariables = Set<String>(), relationVariables = Set<String>()
        func term(_ position: String, stopAtRelation: Bool) throws -> Term {
            guard i < tokens.count, tokens[i].kind != .dot else { throw fail("expected the \(position): ?variable, an actor name or \"quoted name\"") }
            let t = tokens[i]
            switch t.kind {
            case .variable:
                i += 1
                if relationVariables.contains(t.text) { throw fail("?\(t.text) is a relation variable; it cannot be an actor", t.offset) }
                entityVariables.insert(t.text)
                return .variable(t.text)
            case .quoted:
                i += 1
                return .entity(try resolver.resolve(t.text))
            case .word:
                var words: [String] = []
                while i < tokens.count, tokens[i].kind == .word {
                    if stopAtRelation, !words.isEmpty, isRelation(tokens[i].text) { break }
                    if !stopAtRelation, atEndOfTriple() { break }
                    words.append(tokens[i].text)
                    i += 1
                }
                if words.isEmpty { throw fail("expected the \(position)") }
                return .entity(try resolver.resolve(words.joined(separator: " ")))
            case .dot, .comma:
                throw fail("expected the \(position)")
            }
        }

        repeat {
            if !triples.isEmpty { i += 1 }  // the "."
            let subject = try term("subject", stopAtRelation: true)
            guard i < tokens.count, tokens[i].kind == .word || tokens[i].kind == .variable else {
                throw fail("expected a relation (e.g. attacks, ?rel, @conflict)")
            }
            let r = tokens[i]
            let relation: RelationTerm
            if r.kind == .variable {
                if entityVariables.contains(r.text) { throw fail("?\(r.text) is an actor variable; it cannot be a relation", r.offset) }
                relationVariables.insert(r.text)
                relation = .variable(r.text)
            } else {
                relation = .relations(try relations(r, text))
            }
            i += 1
            let object = try term("object", stopAtRelation: false)
            triples.append(TriplePattern(subject: subject, relation: relation, object: object))
            if i < tokens.count, !atEndOfTriple() { throw fail("expected '.', ORDER BY, LIMIT or the end of the pattern") }
        } while i < tokens.count && tokens[i].kind == .dot

        var order: [SortKey] = []
        var limit: Int?
        if i < tokens.count, isKeyword(tokens[i], "ORDER") {
            i += 1
            guard i < tokens.count, isKeyword(tokens[i], "BY") else { throw fail("expected BY after ORDER") }
            i += 1
            repeat {
                if !order.isEmpty { i += 1 }
                guard i < tokens.count else { throw fail("expected a sort key: ?variable, weight or confidence") }
                let t = tokens[i]
                var key: String
                if t.kind == .variable {
                    guard entityVariables.contains(t.text) || relationVariables.contains(t.text) else {
                        throw fail("?\(t.text) is not a variable of the pattern", t.offset)
                    }
                    key = "?" + t.text
                } else if t.kind == .word, ["weight", "confidence"].contains(t.text.lowercased()) {
                    key = t.text.lowercased()
                } else {
                    throw fail("expected a sort key: ?variable, weight or confidence")
                }
                i += 1
                var descending = false
                if i < tokens.count, isKeyword(tokens[i], "DESC") { descending = true; i += 1 }
                else if i < tokens.count, isKeyword(tokens[i], "ASC") { i += 1 }
                order.append(SortKey(key: key, descending: descending))
            } while i < tokens.count && tokens[i].kind == .comma
        }
        if i < tokens.count, isKeyword(tokens[i], "LIMIT") {
            i += 1
            guard i < tokens.count, tokens[i].kind == .word, let n = Int(tokens[i].text), n >= 0 else {
                throw fail("expected a number after LIMIT")
            }
            limit = n
            i += 1
        }
        if i < tokens.count { throw fail("unexpected '\(tokens[i].text)'") }
        return Pattern(triples: triples, order: order, limit: limit)
    }

    /// Whether a word names relations (a relation, a class, or alternatives of them).
    func isRelation(_ word: String) -> Bool {
        word.split(separator: "|", omittingEmptySubsequences: false).allSatisfy { spec in
            spec.hasPrefix("@") ? Pattern.classes[spec.dropFirst().lowercased()] != nil : lowerNames[spec.lowercased()] != nil
        }
    }

    /// Parses the relation of `kg evidence`: `?r`, `attacks`, `attacks|invades`, `@conflict`.
    public func relationTerm(_ text: String) throws -> RelationTerm {
        let t = text.trimmingCharacters(in: .whitespaces)
        if t.hasPrefix("?") { return .variable(String(t.dropFirst())) }
        return .relations(try relations(Token(kind: .word, text: t, offset: 0), t))
    }

    /// Parses a relation token: `attacks`, `attacks|invades`, `@conflict`.
    func relations(_ token: Token, _ text: String) throws -> [RelationID] {
        var ids: [RelationID] = []
        var offset = token.offset
        for spec in token.text.split(separator: "|", omittingEmptySubsequences: false) {
            if spec.hasPrefix("@") {
                guard let classes = Pattern.classes[spec.dropFirst().lowercased()] else {
                    throw QueryError.syntax("unknown relation class '\(spec)'; choose from \(Pattern.classes.keys.filter { Int($0) == nil }.sorted().map { "@" + $0 }.joined(separator: ", "))",
                                            pattern: text, offset: offset)
                }
                ids += vocabulary.ids.filter { classes.contains(vocabulary[$0].quadClass) }
            } else if let id = lowerNames[spec.lowercased()] {
                ids.append(id)
            } else {
                let names = vocabulary.relations.map(\.name)
                let close = names.map { (editDistance(Array($0.lowercased()), Array(spec.lowercased()), limit: 3), $0) }.min { $0 < $1 }
                var message = "unknown relation '\(spec)'"
                if let close, close.0 <= 3 { message += "; did you mean '\(close.1)'?" } else { message += "; see `kg stats` for the relations of the graph" }
                throw QueryError.syntax(message, pattern: text, offset: offset)
            }
            offset += spec.count + 1
        }
        var seen = Set<RelationID>()
        return ids.filter { seen.insert($0).inserted }.sorted()
    }

    func tokenize(_ text: String) throws -> [Token] {
        var tokens: [Token] = []
        let chars = Array(text)
        var i = 0
        func isSpace(_ c: Character) -> Bool { c.isWhitespace }
        while i < chars.count {
            let c = chars[i]
            if isSpace(c) { i += 1; continue }
            let start = i
            if c == "\"" || c == "'" || c == "“" {
                let close: Character = c == "“" ? "”" : c
                i += 1
                while i < chars.count, chars[i] != close { i += 1 }
                guard i < chars.count else {
                    throw QueryError.syntax("unterminated quoted name", pattern: text, offset: start)
                }
                let name = String(chars[(start + 1)..<i])
                if name.trimmingCharacters(in: .whitespaces).isEmpty { throw QueryError.syntax("empty name", pattern: text, offset: start) }
                tokens.append(Token(kind: .quoted, text: name, offset: start))
                i += 1
            } else if c == "." || c == "," {
                tokens.append(Token(kind: c == "." ? .dot : .comma, text: String(c), offset: start))
                i += 1
            } else if c == "?" {
                i += 1
                while i < chars.count, chars[i].isLetter || chars[i].isNumber || chars[i] == "_" { i += 1 }
                guard i > start + 1 else {
                    throw QueryError.syntax("a variable needs a name, e.g. ?x", pattern: text, offset: start)
                }
                tokens.append(Token(kind: .variable, text: String(chars[(start + 1)..<i]), offset: start))
            } else {
                while i < chars.count, !isSpace(chars[i]), chars[i] != "\"", chars[i] != "," { i += 1 }
                var word = String(chars[start..<i])
                // "Ukraine." ends a triple, but "U.S." keeps its dots.
                if word.count > 1, word.hasSuffix("."), !word.dropLast().contains(".") {
                    word.removeLast()
                    i -= 1
                }
                tokens.append(Token(kind: .word, text: word, offset: start))
            }
        }
        return tokens
    }
}
