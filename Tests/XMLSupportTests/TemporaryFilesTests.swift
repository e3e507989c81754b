import Foundation
import Testing
import TestSupport
@testable import XMLSupport

/// FileSink records its temporary file in TemporaryFiles while it is written, and forgets it
/// once renamed or abandoned (what the CLI's SIGINT/SIGTERM cleanup relies on).
@Suite struct TemporaryFilesTests {
    func makeTempDir() throws -> String {
        let dir = TestTemporary.path("kg-tempfiles")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    func names(_ dir: String) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? ["(unreadable)"]
    }

    /// The recorded temporary files of `dir` (other suites may write elsewhere meanwhile).
    func recorded(in dir: String) -> [String] {
        TemporaryFiles.current.filter { $0.hasPrefix(dir + "/") }.sorted()
    }

    @Test func aFinishedSinkIsRecordedWhileWrittenAndForgottenAfterTheRename() throws {
        let dir = try makeTempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        do {
            let sink = try FileSink(atomicPath: dir + "/out.txt")
            try sink.write("content")
            let during = recorded(in: dir)
            #expect(during.count == 1)
            #expect(during.first.map { FileManager.default.fileExists(atPath: $0) } == true)
            try sink.finish()
            #expect(recorded(in: dir).isEmpty)
            #expect(names(dir) == ["out.txt"])
        }
    }

    @Test func anAbandonedSinkIsRemovedAndForgotten() throws {
        let dir = try makeTempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        do {
            let sink = try FileSink(atomicPath: dir + "/out.txt")
            try sink.write("half")
            #expect(recorded(in: dir).count == 1)
            sink.abandon()
            #expect(recorded(in: dir).isEmpty)
            #expect(names(dir).isEmpty)
        }
    }

    @Test func registeredPathsAreRenamedOrRemovedThroughTheRegistry() throws {
        let dir = try makeTempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        do {
            let temp = dir + "/.x.tmp-1", final = dir + "/x"
            TemporaryFiles.register(temp)
            _ = FileManager.default.createFile(atPath: temp, contents: Data("x".utf8))
            #expect(TemporaryFiles.rename(temp, to: final) == 0)
            #expect(recorded(in: dir).isEmpty)
            TemporaryFiles.register(temp)
            _ = FileManager.default.createFile(atPath: temp, contents: Data("y".utf8))
            TemporaryFiles.remove(temp)
            #expect(recorded(in: dir).isEmpty)
            #expect(names(dir) == ["x"])
        }
    }
}
