import Foundation
import Testing
@testable import XMLSupport

/// The streaming reader (used to load RDF/XML back) on hostile XML: external entities, entity
/// expansion, deep nesting, huge documents. Each is refused with an `XMLError` or read safely.
@Suite struct XMLStreamReaderSafetyTests {
    /// Reads the whole document; returns the concatenated text or the error.
    func drain(_ text: String) -> Result<String, XMLError> { drain(Array(text.utf8)) }

    func drain(_ bytes: [UInt8]) -> Result<String, XMLError> {
        do {
            let r = try XMLStreamReader(bytes: bytes, source: "hostile.xml")
            var text = ""
            while try r.read() {
                if r.nodeKind == .text { text += r.value }
            }
            return .success(text)
        } catch let e as XMLError {
            return .failure(e)
        } catch {
            Issue.record("unexpected error type \(type(of: error)): \(error)")
            return .failure(XMLError(message: "\(error)"))
        }
    }

    @Test func externalEntityReadingEtcPasswdIsRefused() {
        let xxe = """
        <?xml version="1.0"?>
        <!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>
        <r>&x;</r>
        """
        switch drain(xxe) {
        case .success(let text): #expect(!text.contains("root:"), "the file was read: \(text.prefix(80))")
        case .failure(let e): #expect(!e.description.contains("root:"))
        }
        if case .success = drain(xxe) { Issue.record("a document with a DTD was accepted") }
    }

    @Test func externalSubsetsAreRefused() {
        for doc in [#"<!DOCTYPE r SYSTEM "file:///etc/passwd"><r/>"#,
                    #"<!DOCTYPE r [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]><r/>"#] {
            if case .success(let text) = drain(doc) { Issue.record("accepted: \(doc) → \(text.prefix(40))") }
        }
    }

    @Test func billionLaughsIsRefusedQuickly() {
        var doc = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n"
        for i in 1...9 {
            let prev = i == 1 ? "lol" : "lol\(i - 1)"
            doc += "<!ENTITY lol\(i) \"" + String(repeating: "&\(prev);", count: 10) + "\">\n"
        }
        doc += "]>\n<lolz>&lol9;</lolz>\n"
        switch drain(doc) {
        case .success(let text): Issue.record("accepted, \(text.utf8.count) bytes of text")
        case .failure(let e): #expect("\(e)".contains("DTD") || "\(e)".contains("entit"), "\(e)")
        }
    }

    @Test func deepNestingIsRefused() {
        let depth = 100_000
        let doc = String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth)
        if case .success = drain(doc) { Issue.record("100000 levels accepted") }
    }

    @Test func aHugeTextNodeIsRefused() {
        let big = Array("<r>".utf8) + [UInt8](repeating: UInt8(ascii: "x"), count: 12 << 20) + Array("</r>".utf8)
        if case .success = drain(big) { Issue.record("a 12 MB text node was accepted") }
    }

    @Test func emptyAndBrokenDocumentsAreErrors() {
        if case .success = drain([UInt8]()) { Issue.record("an empty document was accepted") }
        if case .success = drain("<a><b></a>") { Issue.record("a broken document was accepted") }
        if case .success = drain(Array("<r>".utf8) + [0xFF] + Array("</r>".utf8)) { Issue.record("invalid UTF-8 was accepted") }
    }
}
