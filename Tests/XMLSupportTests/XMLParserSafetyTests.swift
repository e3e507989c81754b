import TestSupport
import Foundation
import Testing
@testable import XMLSupport

/// Hostile XML: external entities, entity expansion, deep nesting, huge documents.
/// Each must be refused with a clear `XMLError`, or parsed safely, in bounded time and memory.
@Suite struct XMLParserSafetyTests {
    func refusal(_ text: String, limits: XMLDocumentParser.Limits = .default) -> XMLError? {
        refusal(Array(text.utf8), limits: limits)
    }

    func refusal(_ bytes: [UInt8], limits: XMLDocumentParser.Limits = .default) -> XMLError? {
        do {
            _ = try XMLDocumentParser.parse(bytes: bytes, source: "hostile.xml", limits: limits)
            return nil
        } catch let e as XMLError {
            return e
        } catch {
            Issue.record("unexpected error type \(type(of: error)): \(error)")
            return nil
        }
    }

    func tempFile(_ bytes: [UInt8]) throws -> String {
        let path = TestTemporary.path("kg-xml", suffix: ".xml")
        #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
        return path
    }

    @Test func externalEntityReadingEtcPasswdIsRefused() throws {
        let xxe = """
        <?xml version="1.0"?>
        <!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>
        <r>&x;</r>
        """
        let e = try #require(refusal(xxe))
        #expect(e.source == "hostile.xml")
        #expect(e.message.contains("DTD"))
        #expect(e.line == 2)
        #expect(!e.description.contains("root:"))
        // The same through a file.
        let path = try tempFile(Array(xxe.utf8))
        #expect(throws: XMLError.self) { _ = try XMLDocumentParser.parse(file: path) }
    }

    @Test func externalSubsetsAndParameterEntitiesAreRefused() throws {
        for doc in [
            #"<!DOCTYPE r SYSTEM "file:///etc/passwd"><r/>"#,
            #"<!DOCTYPE r PUBLIC "-//x//y" "http://127.0.0.1:9/evil.dtd"><r/>"#,
            #"<!DOCTYPE r [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]><r/>"#,
            #"<!DOCTYPE r [<!ENTITY x SYSTEM "http://127.0.0.1:9/x">]><r a="&x;"/>"#,
        ] {
            let e = try #require(refusal(doc), "accepted: \(doc)")
            #expect(e.message.contains("DTD"), "\(e)")
        }
    }

    @Test func undeclaredEntitiesAreErrorsAndPredefinedOnesWork() throws {
        let e = try #require(refusal("<r>&x;</r>"))
        #expect(e.message.contains("'x'"), "\(e)")
        let root = try XMLDocumentParser.parse(bytes: Array("<r a='&lt;&#x41;'>&amp;&#65;&quot;</r>".utf8), source: "ok")
        #expect(root.text == "&A\"")
        #expect(root.attribute("", "a") == "<A")
    }

    @Test func billionLaughsIsRefusedQuickly() throws {
        var doc = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n"
        for i in 1...9 {
            let prev = i == 1 ? "lol" : "lol\(i - 1)"
            doc += "<!ENTITY lol\(i) \"" + String(repeating: "&\(prev);", count: 10) + "\">\n"
        }
        doc += "]>\n<lolz a=\"&lol9;\">&lol9;</lolz>\n"
        // Refused at the DOCTYPE, before any expansion (the message says so; no timing assert).
        let e = try #require(refusal(doc))
        #expect(e.message.contains("DTD"))
    }

    @Test func deepNestingIsRefusedWithTheLimit() throws {
        let depth = 100_000
        let doc = String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth)
        let e = try #require(refusal(doc))
        #expect(e.message.contains("deeper than 256") || e.message.contains("depth"), "\(e)")
        // Within the limit it parses, and the tree has the depth of the document.
        let ok = String(repeating: "<a>", count: 200) + "x" + String(repeating: "</a>", count: 200)
        var node = try XMLDocumentParser.parse(bytes: Array(ok.utf8), source: "ok")
        var levels = 1
        while let child = node.children.first { node = child; levels += 1 }
        #expect(levels == 200 && node.text == "x")
        // A smaller limit of the caller's own.
        let small = XMLDocumentParser.Limits(maxDepth: 10)
        let e2 = try #require(refusal(String(repeating: "<a>", count: 12) + String(repeating: "</a>", count: 12), limits: small))
        #expect(e2.message == "elements nested deeper than 10 levels")
        #expect(e2.line == 1)
    }

    @Test func hugeDocumentsAreRefusedBeforeParsing() throws {
        let limits = XMLDocumentParser.Limits(maxBytes: 1 << 20)
        let big = Array("<r>".utf8) + [UInt8](repeating: UInt8(ascii: "x"), count: 2 << 20) + Array("</r>".utf8)
        let e = try #require(refusal(big, limits: limits))
        #expect(e.message.contains("the limit is 1048576"), "\(e)")
        let path = try tempFile(big)
        #expect {
            _ = try XMLDocumentParser.parse(file: path, limits: limits)
        } throws: { error in
            (error as? XMLError).map { $0.source == path && $0.message.contains("limit") } ?? false
        }
        // The default limit (32 MiB) refuses a 40 MB document at once.
        let huge = [UInt8](repeating: UInt8(ascii: " "), count: 40 << 20)
        #expect(refusal(huge)?.message.contains("the limit is") == true)
    }

    @Test func tooManyElementsAreRefusedWhileParsing() throws {
        let doc = "<r>" + String(repeating: "<i/>", count: 5_000) + "</r>"
        let e = try #require(refusal(doc, limits: .init(maxElements: 1_000)))
        #expect(e.message.contains("more than 1000 elements"), "\(e)")
        #expect(refusal(doc) == nil)
    }

    @Test func aHugeTextNodeIsRefusedByLibxml2sLimit() throws {
        // 12 MB of text in one node: over libxml2's 10 MB limit without XML_PARSE_HUGE.
        let big = Array("<r>".utf8) + [UInt8](repeating: UInt8(ascii: "x"), count: 12 << 20) + Array("</r>".utf8)
        #expect(refusal(big) != nil)
    }

    @Test func emptyDevicesAndFoldersAreClearErrors() throws {
        #expect(refusal([UInt8]())?.message == "the document is empty")
        #expect(refusal("   ") != nil)
        #expect(throws: XMLError.self) { _ = try XMLDocumentParser.parse(file: "/dev/zero") }
        #expect(throws: XMLError.self) { _ = try XMLDocumentParser.parse(file: NSTemporaryDirectory()) }
        #expect {
            _ = try XMLDocumentParser.parse(file: "/nonexistent/kg.owl")
        } throws: { error in
            (error as? XMLError)?.description == "/nonexistent/kg.owl: cannot open the file: No such file or directory"
        }
    }

    @Test func encodingsAreDetected() throws {
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in "<r>é🚀</r>".utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let root = try XMLDocumentParser.parse(bytes: utf16, source: "utf16")
        #expect(root.text == "é🚀")
        let latin1 = Array("<?xml version='1.0' encoding='ISO-8859-1'?><r>".utf8) + [0xE9] + Array("</r>".utf8)
        #expect(try XMLDocumentParser.parse(bytes: latin1, source: "latin1").text == "é")
        // Invalid UTF-8 is an error, not garbage.
        #expect(refusal(Array("<r>".utf8) + [0xFF, 0xFE] + Array("</r>".utf8)) != nil)
    }

    @Test func parsesConcurrently() async throws {
        let doc = Array(#"<r:RDF xmlns:r="urn:r"><r:a r:b="c">text</r:a></r:RDF>"#.utf8)
        let xxe = Array(#"<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>"#.utf8)
        try await withThrowingTaskGroup(of: Bool.self) { group in
            for i in 0..<16 {
                group.addTask {
                    if i % 2 == 0 { return (try? XMLDocumentParser.parse(bytes: xxe, source: "x")) == nil }
                    return try XMLDocumentParser.parse(bytes: doc, source: "d").children.first?.text == "text"
                }
            }
            for try await ok in group { #expect(ok) }
        }
    }
}
