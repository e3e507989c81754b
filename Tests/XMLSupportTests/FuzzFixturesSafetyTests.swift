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
        guard FileManager.default.fileExists(atPath: dir.path) else { return [] }
        return try FileManager.default.contentsOfDirectory(at: dir, includingPropertiesForKeys: nil)
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

    @Test func rdfXMLReaderFixturesThroughTheStreamReader() throws {
        for url in try inputs("FuzzRDFXMLReader") {
            do {
                let r = try XMLStreamReader(file: url.path)
                while try r.read() { _ = r.localName }
            } catch let e as XMLError {
                #expect(!e.message.isEmpty, "\(url.lastPathComponent)")
            }
        }
    }
}
