import Foundation
import Testing
@testable import Corpus

/// The Turtle 1.1 parser, one grammar feature at a time, against the expected triples.
@Suite struct TurtleParserTests {
    static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    static let xsd = "http://www.w3.org/2001/XMLSchema#"

    func show(_ t: NQTerm) -> String {
        switch t {
        case .iri(let i): return "<\(i)>"
        case .blank(let b): return "_:\(b)"
        case .literal(let v, let dt, let lang):
            let body = "\"" + v.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                .replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\t", with: "\\t") + "\""
            return body + (dt.map { "^^<\($0)>" } ?? "") + (lang.map { "@\($0)" } ?? "")
        }
    }

    /// The triples as N-Triples lines (blank labels as the parser makes them).
    func triples(_ text: String, base: String? = nil) throws -> [String] {
        try TurtleParser.parse(Array(text.utf8), base: base).map { "\(show($0.subject)) <\($0.predicate)> \(show($0.object))" }
    }

    func failure(_ text: String) -> TurtleParser.SyntaxError? {
        do {
            _ = try TurtleParser.parse(Array(text.utf8))
            return nil
        } catch {
            return error
        }
    }

    @Test func prefixesBothStylesAndPrefixedNames() throws {
        let t = try triples("""
            @prefix ex: <http://example.org/> .
            PREFIX  x2:   <http://two.org/ns#>
            prefix : <http://empty.org/>
            ex:s x2:p :o .
            ex:a.b ex:c-d ex:_e .
            ex:1x ex:p ex: .
            """)
        #expect(t == [
            "<http://example.org/s> <http://two.org/ns#p> <http://empty.org/o>",
            "<http://example.org/a.b> <http://example.org/c-d> <http://example.org/_e>",
            "<http://example.org/1x> <http://example.org/p> <http://example.org/>",
        ])
    }

    @Test func localNameEscapesAndPercentAndColons() throws {
        let t = try triples(#"""
            @prefix ex: <http://example.org/> .
            ex:a\~b ex:p%20q ex:c:d\.e .
            ex:s ex:p ex:end. ex:s2 ex:p ex:o .
            """#)
        #expect(t == [
            "<http://example.org/a~b> <http://example.org/p%20q> <http://example.org/c:d.e>",
            "<http://example.org/s> <http://example.org/p> <http://example.org/end>",
            "<http://example.org/s2> <http://example.org/p> <http://example.org/o>",
        ])
    }

    @Test func relativeIRIsAreResolvedAgainstTheBase() throws {
        let t = try triples("""
            @base <http://example.org/a/b/c?q#f> .
            <x> <#frag> <../y> .
            BASE <http://other.org/dir/>
            </root> <?query> <//host.net/p> .
            <./z/../w> <> <http://absolute.org/keep/../this> .
            """)
        #expect(t == [
            "<http://example.org/a/b/x> <http://example.org/a/b/c?q#frag> <http://example.org/a/y>",
            "<http://other.org/root> <http://other.org/dir/?query> <http://host.net/p>",
            "<http://other.org/dir/w> <http://other.org/dir/> <http://absolute.org/keep/../this>",
        ])
        // A base given by the caller; without any base a relative IRI is an error.
        #expect(try triples("<s> <p> <o> .", base: "http://b.org/") == ["<http://b.org/s> <http://b.org/p> <http://b.org/o>"])
        #expect(failure("<s> <http://p> <http://o> .")?.message.contains("needs a base") == true)
    }

    @Test func aSemicolonAndCommaLists() throws {
        let t = try triples("""
            @prefix ex: <http://e/> .
            ex:s a ex:C ; ex:p ex:o1, ex:o2 ;; ex:q ex:o3 ;
              .
            """)
        #expect(t == [
            "<http://e/s> <\(Self.rdf)type> <http://e/C>",
            "<http://e/s> <http://e/p> <http://e/o1>",
            "<http://e/s> <http://e/p> <http://e/o2>",
            "<http://e/s> <http://e/q> <http://e/o3>",
        ])
    }

    @Test func stringsInAllFourQuoteFormsWithEscapes() throws {
        let t = try triples(#"""
            <http://s> <http://p> "tab\there \"q\" back\\slash \u00E9 \U0001F680", 'single \'q\' "dq"',
              """long "with" ""quotes""
            and a line""", '''long 'single'
            ''' , """ends with quote"""", "" .
            """#)
        #expect(t == [
            #"<http://s> <http://p> "tab\there \"q\" back\\slash é 🚀""#,
            #"<http://s> <http://p> "single 'q' \"dq\"""#,
            #"<http://s> <http://p> "long \"with\" \"\"quotes\"\"\nand a line""#,
            #"<http://s> <http://p> "long 'single'\n""#,
            #"<http://s> <http://p> "ends with quote\"""#,
            #"<http://s> <http://p> """#,
        ])
    }

    @Test func languageTagsDatatypesNumbersAndBooleans() throws {
        let t = try triples("""
            @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
            <http://s> <http://p> "chat"@fr, "colour"@en-GB, "5"^^xsd:integer, "d"^^<http://t/d>,
              42, -7, +3, 3.14, -.5, 1e10, 2.5E-3, 4.e2, true, false .
            <http://s> <http://p> 7.
            """)
        let x = Self.xsd
        #expect(t == [
            #"<http://s> <http://p> "chat"@fr"#, #"<http://s> <http://p> "colour"@en-GB"#,
            "<http://s> <http://p> \"5\"^^<\(x)integer>", "<http://s> <http://p> \"d\"^^<http://t/d>",
            "<http://s> <http://p> \"42\"^^<\(x)integer>", "<http://s> <http://p> \"-7\"^^<\(x)integer>",
            "<http://s> <http://p> \"+3\"^^<\(x)integer>", "<http://s> <http://p> \"3.14\"^^<\(x)decimal>",
            "<http://s> <http://p> \"-.5\"^^<\(x)decimal>", "<http://s> <http://p> \"1e10\"^^<\(x)double>",
            "<http://s> <http://p> \"2.5E-3\"^^<\(x)double>", "<http://s> <http://p> \"4.e2\"^^<\(x)double>",
            "<http://s> <http://p> \"true\"^^<\(x)boolean>", "<http://s> <http://p> \"false\"^^<\(x)boolean>",
            "<http://s> <http://p> \"7\"^^<\(x)integer>",
        ])
    }

    @Test func blankNodesLabelledAnonymousAndPropertyLists() throws {
        let t = try triples("""
            @prefix ex: <http://e/> .
            _:a ex:p _:b.c .
            [] ex:p [ ex:q "x" ; ex:r [ ex:s 1 ] ] .
            [ ex:alone ex:t ] .
            [ ex:head ex:u ] ex:then ex:v .
            """)
        #expect(t == [
            "_:a <http://e/p> _:b.c",
            "_:.g2 <http://e/q> \"x\"",
            "_:.g3 <http://e/s> \"1\"^^<\(Self.xsd)integer>",
            "_:.g2 <http://e/r> _:.g3",
            "_:.g1 <http://e/p> _:.g2",
            "_:.g4 <http://e/alone> <http://e/t>",
            "_:.g5 <http://e/head> <http://e/u>",
            "_:.g5 <http://e/then> <http://e/v>",
        ])
    }

    @Test func collectionsBecomeFirstRestLists() throws {
        let r = Self.rdf
        let t = try triples("""
            @prefix ex: <http://e/> .
            ex:s ex:list (1 ex:two ("nested")) ; ex:empty () .
            (ex:a) ex:p ex:o .
            """)
        #expect(t == [
            "_:.g1 <\(r)first> \"1\"^^<\(Self.xsd)integer>",
            "_:.g1 <\(r)rest> _:.g2",
            "_:.g2 <\(r)first> <http://e/two>",
            "_:.g2 <\(r)rest> _:.g3",
            "_:.g4 <\(r)first> \"nested\"",
            "_:.g4 <\(r)rest> <\(r)nil>",
            "_:.g3 <\(r)first> _:.g4",
            "_:.g3 <\(r)rest> <\(r)nil>",
            "<http://e/s> <http://e/list> _:.g1",
            "<http://e/s> <http://e/empty> <\(r)nil>",
            "_:.g5 <\(r)first> <http://e/a>",
            "_:.g5 <\(r)rest> <\(r)nil>",
            "_:.g5 <http://e/p> <http://e/o>",
        ])
    }

    @Test func commentsAnywhereAndIRIEscapes() throws {
        let t = try triples("""
            # a comment
            <http://s\\u0041> # after the subject
              <http://p> # after the predicate
              "a # not a comment" . # after the dot
            """)
        #expect(t == [#"<http://sA> <http://p> "a # not a comment""#])
    }

    @Test func errorsNameTheLineWhatWasExpectedAndWhatWasFound() throws {
        let unterminated = try #require(failure("@prefix ex: <http://e/> .\nex:s ex:p \"open .\nex:t ex:p ex:o ."))
        #expect(unterminated == .init(line: 2, message: "a string opened with \" is not closed on its line (unterminated string; use \"\"\" for several lines)"))
        let long = try #require(failure("<http://s> <http://p>\n  \"\"\"never\nclosed ."))
        #expect(long == .init(line: 2, message: "a string opened with \"\"\" is never closed (unterminated string)"))
        let prefix = try #require(failure("@prefix ex: <http://e/> .\n\n\nex:s foo:p ex:o ."))
        #expect(prefix == .init(line: 4, message: "undefined prefix 'foo:'; declare it with @prefix foo: <...> ."))
        let dot = try #require(failure("<http://s> <http://p> <http://o>\n<http://t> <http://p> <http://o> ."))
        #expect(dot == .init(line: 2, message: "expected '.' at the end of a statement, found '<http://t> <http'"))
        let end = try #require(failure("<http://s> <http://p> <http://o>\n"))
        #expect(end == .init(line: 2, message: "expected '.' at the end of a statement, the input ends early"))
        let literalSubject = try #require(failure("\n\"x\" <http://p> <http://o> ."))
        #expect(literalSubject.line == 2 && literalSubject.message == "a subject cannot be a literal")
        let bracket = try #require(failure("[ <http://p> <http://o> .")) // '.' where ']' belongs
        #expect(bracket.message == "expected ']' to close '[', found '.'")
        #expect(failure("<http://s> <http://p> \"x\\q\" .")?.message.hasPrefix("unknown escape '\\q'") == true)
        #expect(failure("@prefix ex: <http://e/> .\nex:s ex:p ex:o ;\n ex:q .")?.line == 3)
    }

    @Test func hostileNestingIsRefusedAtTheLimitNotByTheStack() throws {
        let depth = 100_000
        for (open, close) in [("[ <http://p> ", " ]"), ("(", ")")] {
            let text = "<http://s> <http://p> " + String(repeating: open, count: depth) + "1" + String(repeating: close, count: depth) + " ."
            let e = try #require(failure(text))
            #expect(e.line == 1)
            #expect(e.message.contains("nested more than \(TurtleParser.maxDepth) levels"), "\(e.message)")
        }
        // At the limit it still parses.
        let ok = "<http://s> <http://p> " + String(repeating: "(", count: TurtleParser.maxDepth) + String(repeating: ")", count: TurtleParser.maxDepth) + " ."
        #expect(try triples(ok).count == 2 * (TurtleParser.maxDepth - 1) + 1)
    }

    @Test func largeInputParsesWhole() throws {
        var text = "@prefix ex: <http://e/> .\n"
        for k in 0..<20_000 { text += "ex:s\(k) ex:p \"v \(k)\", \(k) ; a ex:C .\n" }
        #expect(try TurtleParser.parse(Array(text.utf8)).count == 60_000)
    }
}
