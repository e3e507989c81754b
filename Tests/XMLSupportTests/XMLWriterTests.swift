import Testing
@testable import XMLSupport

/// A sink that fails after some bytes, like a full disk.
final class FailingSink: ByteSink {
    var budget: Int
    var abandoned = false
    init(budget: Int) { self.budget = budget }
    func write(_ bytes: UnsafeRawBufferPointer) throws {
        budget -= bytes.count
        if budget < 0 { throw SinkError(path: "failing sink", message: "No space left on device") }
    }
    func finish() throws {}
    func abandon() { abandoned = true }
}

@Suite struct XMLWriterTests {
    static let hostile = "Ben & Jerry's <Republic> \"quoted\" 🚀 \u{200F}rtl\u{202E}override é"

    @Test func escapesHostileTextAndAttributesSoTheyParseBack() throws {
        let sink = MemorySink()
        let w = try XMLWriter(sink: sink)
        try w.startDocument()
        try w.startElement("root")
        try w.attribute("name", Self.hostile)
        try w.text(Self.hostile)
        try w.endElement()
        try w.endDocument()
        let root = try XMLDocumentParser.parse(bytes: sink.bytes, source: "memory")
        #expect(root.name == "root")
        #expect(root.attribute("", "name") == Self.hostile)
        #expect(root.text == Self.hostile)
    }

    @Test func replacesCharactersXMLCannotCarry() throws {
        let sink = MemorySink()
        let w = try XMLWriter(sink: sink)
        try w.startDocument()
        try w.element("a", text: "bell\u{07}nul\u{0}end")
        try w.endDocument()
        #expect(!sink.string.contains("&#7;"))
        let root = try XMLDocumentParser.parse(bytes: sink.bytes, source: "memory")
        #expect(root.text == "bell\u{FFFD}nul\u{FFFD}end")
    }

    @Test func refusesInvalidNames() throws {
        let w = try XMLWriter(sink: MemorySink())
        try w.startDocument()
        #expect(throws: XMLError.self) { try w.startElement("kg:1bad") }
        #expect(throws: XMLError.self) { try w.startElement("has space") }
        #expect(XMLWriter.isName("kg:meetsWith"))
        #expect(!XMLWriter.isName("kg:04"))
        #expect(!XMLWriter.isName("a:b:c"))
    }

    @Test func reportsAFailingSinkInsteadOfWritingHalfADocument() throws {
        let sink = FailingSink(budget: 100)
        let w = try XMLWriter(sink: sink)
        #expect(throws: SinkError.self) {
            try w.startDocument()
            try w.startElement("root")
            for _ in 0..<10_000 { try w.element("item", text: "some text that fills the buffer") }
            try w.endElement()
            try w.endDocument()
        }
    }
}

@Suite struct XMLParserTests {
    @Test func reportsTheLineOfAWellFormednessError() {
        let bad = Array("<a>\n<b>\n</a>".utf8)
        #expect {
            _ = try XMLDocumentParser.parse(bytes: bad, source: "bad.xml")
        } throws: { error in
            guard let e = error as? XMLError else { return false }
            return e.source == "bad.xml" && e.line == 3 && e.description.hasPrefix("bad.xml:3")
        }
    }

    @Test func refusesDocumentsWithADTD() {
        let xxe = Array("""
        <?xml version="1.0"?>
        <!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>
        <r>&x;</r>
        """.utf8)
        #expect(throws: XMLError.self) { _ = try XMLDocumentParser.parse(bytes: xxe, source: "xxe.xml") }
    }

    @Test func readsNamespacesAndAttributes() throws {
        let doc = Array(#"<r:RDF xmlns:r="urn:r" xmlns:k="urn:k"><k:P r:about="x">t</k:P></r:RDF>"#.utf8)
        let root = try XMLDocumentParser.parse(bytes: doc, source: "m")
        #expect(root.namespace == "urn:r" && root.name == "RDF")
        #expect(root.children.first?.namespace == "urn:k")
        #expect(root.children.first?.attribute("urn:r", "about") == "x")
    }
}
