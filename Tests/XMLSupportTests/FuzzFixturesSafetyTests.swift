import Foundation
import Testing
@testable import XMLSupport

/// Inputs the fuzzers found (Tests/Fixtures/fuzz/) are read without crashing: parsed or
/// refused with an `XMLError`.
@Suite struct FuzzFixturesSafetyTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/fuzz")

    func inputs(_ harness: String) throws -> [URL] {
        let dir = Self.fixtures.appendingPathComponent(harness)
        let urls = try FileManager.default.contentsOfDirectory(at: dir, includingPropertiesForKeys: nil)
        // A missing or empty folder would make the test check nothing.
        try #require(!urls.isEmpty, "no fuzz inputs in \(dir.path)")
        return urls
    }

    @Test func xmlParserFixtures() throws {
        for url in try inputs("FuzzXMLParser") {
            do {
                _ = try XMLDocumentParser.parse(file: url.path)
            } catch let e as XMLError {
                #expect(!e.message.isEmpty, "\(url.lastPathComponent)")
            }
        }
    }

    @Test func xmlParserFixturesThroughTheStreamReader() throws {
        for url in try inputs("FuzzXMLParser") {
            do {
                let r = try XMLStreamReader(file: url.path)
                while try r.read() { _ = r.localName }
            } catch let e as XMLError {
                #expect(!e.message.isEmpty, "\(url.lastPathComponent)")
            }
        }
    }
}
