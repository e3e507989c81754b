import Foundation
import Testing
import TestSupport
@testable import XMLSupport

/// Elements with absurdly many attributes are refused by a linear pre-scan before libxml2,
/// whose attribute handling is worse than quadratic, sees them. (Its cost is measured in a
/// release build by `kg-bench xmlscan N DIR`, not here: debug timings say nothing.)
@Suite struct XMLAttributeLimitTests {
    /// `<r>` with an element of `n` attributes on line 3.
    func document(attributes n: Int, value: String = "v") -> [UInt8] {
        var s = "<?xml version=\"1.0\"?>\n<r>\n<e"
        s.reserveCapacity(n * 12)
        for k in 0..<n { s += " a\(k)=\"\(value)\"" }
        s += "/>\n</r>\n"
        return Array(s.utf8)
    }

    func drain(_ r: XMLStreamReader) throws -> Int {
        var elements = 0
        while try r.read() { if r.nodeKind == .element { elements += 1 } }
        return elements
    }

    func withTempFile<T>(_ bytes: [UInt8], _ body: (String) throws -> T) throws -> T {
        let path = TestTemporary.path("kg-attrs", suffix: ".xml")
        #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try body(path)
    }

    @Test func hundredThousandAttributesAreRefusedQuicklyWithTheLine() throws {
        let bytes = document(attributes: 100_000)
        #expect(bytes.count > 1_000_000)
        // Refused at the tag, before libxml2 parses it (the message says so; no timing assert).
        let expected = "element with more than 256 attributes; refused before parsing (kg writes at most a handful per element)"
        // In memory.
        #expect(throws: XMLError(source: "big.rdf", line: 3, message: expected)) { _ = try drain(XMLStreamReader(bytes: bytes, source: "big.rdf")) }
        // Streamed from a file, chunk by chunk.
        try withTempFile(bytes) { path in
            #expect(throws: XMLError(source: path, line: 3, message: expected)) { _ = try drain(XMLStreamReader(file: path)) }
        }
        // The DOM parser too.
        #expect(throws: XMLError(source: "big.xml", line: 3, message: expected)) { _ = try XMLDocumentParser.parse(bytes: bytes, source: "big.xml") }
    }

    @Test func twoHundredAttributesStillRead() throws {
        let bytes = document(attributes: 200)
        let r = try XMLStreamReader(bytes: bytes, source: "ok.xml")
        var seen = false
        while try r.read() {
            if r.nodeKind == .element && r.localName == "e" { seen = true }
        }
        #expect(seen)
        try withTempFile(bytes) { path in
            let count = try drain(XMLStreamReader(file: path))
            #expect(count == 2)
        }
        #expect(try XMLDocumentParser.parse(bytes: bytes, source: "ok.xml").children.first?.attributes.count == 200)
    }

    @Test func quotesCommentsCDATAAndInstructionsDoNotConfuseTheCount() throws {
        // Values holding '>', '=', the other quote; exactly at the limit: accepted.
        var tag = "<e"
        for k in 0..<XMLAttributeScanner.defaultLimit { tag += k % 2 == 0 ? " a\(k)=\"x>y=z'\"" : " a\(k)='=\">'" }
        let fake = String(repeating: " x=\"1\"", count: 400)
        let doc = """
            <?xml version="1.0"?>
            <?pi <p\(fake)> ?>
            <r>
            <!-- <c\(fake)> -- still a comment? no: '--' ends only with '>' -->
            <![CDATA[ <d\(fake)> ]] ] ]]>
            \(tag)/>
            </r>
            """
        var s = XMLAttributeScanner()
        #expect(Array(doc.utf8).withUnsafeBytes { s.scan($0) } == nil)
        // One more attribute is refused, on the tag's line (6).
        let over = doc.replacingOccurrences(of: "\(tag)/>", with: "\(tag) last=\"1\"/>")
        var t = XMLAttributeScanner()
        #expect(Array(over.utf8).withUnsafeBytes { t.scan($0) } == 6)
    }

    @Test func chunksSplitAnywhereGiveTheSameAnswer() {
        let doc = Array("<a>\n<!-- \"x\" -->\n<![CDATA[\"\"]]>\n<?p \"?>\n<b c=\"1\" d='>' e=\"2\"\n f=\"3\"/></a>".utf8)
        for limit in 1...5 {
            var whole = XMLAttributeScanner(limit: limit)
            let expected = doc.withUnsafeBytes { whole.scan($0) }
            var split = XMLAttributeScanner(limit: limit)
            var got: Int?
            for b in doc where got == nil { got = [b].withUnsafeBytes { split.scan($0) } }
            #expect(got == expected, "limit \(limit)")
            #expect(expected == (limit < 4 ? 5 : nil), "limit \(limit)")
        }
    }

    /// The 8-bytes-at-a-time search against byte-at-a-time feeding (which only takes the
    /// scanner's tail loops), on random markup-heavy inputs.
    @Test func wideSearchAgreesWithByteByByteFeeding() {
        let tokens = ["<", ">", "\"", "'", "\n", "a", "  ", "=", "é", "<!--", "-->", "<![CDATA[", "]]>", "<?", "?>", "</", "<e ", " x=\"1\"", " y='>'", "abcdefghijkl"]
        var rng = SystemRandomNumberGenerator()
        var refused = 0
        for _ in 0..<2_000 {
            var doc: [UInt8] = []
            for _ in 0..<Int.random(in: 1...60, using: &rng) { doc += Array(tokens.randomElement(using: &rng)!.utf8) }
            for limit in [1, 3] {
                var whole = XMLAttributeScanner(limit: limit)
                let expected = doc.withUnsafeBytes { whole.scan($0) }
                var bytewise = XMLAttributeScanner(limit: limit)
                var got: Int?
                for b in doc where got == nil { got = [b].withUnsafeBytes { bytewise.scan($0) } }
                #expect(got == expected, "\(String(decoding: doc, as: UTF8.self).debugDescription) limit \(limit)")
                if expected == nil { #expect(whole.line == bytewise.line) } else { refused += 1 }
            }
        }
        #expect(refused > 100)
    }
}
