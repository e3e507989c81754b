import TestSupport
import Foundation
import Testing
@testable import XMLSupport

/// Atomic writes under failure: stale temporary files of killed writers, live writers side by
/// side, folders that cannot take a file.
@Suite struct FileSinkSafetyTests {
    func tempDir() throws -> String {
        let dir = TestTemporary.path("kg-sink-safety")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    func contents(_ dir: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
    }

    @Test func temporaryFilesAreHiddenInTheSameFolder() throws {
        let dir = try tempDir()
        let sink = try FileSink(atomicPath: dir + "/graph.rdf")
        try sink.write("x")
        let names = try contents(dir)
        #expect(names.count == 1)
        #expect(FileSink.isTemporary(names[0], for: "graph.rdf"), "\(names)")
        try sink.finish()
        #expect(try contents(dir) == ["graph.rdf"])
        let mode = try FileManager.default.attributesOfItem(atPath: dir + "/graph.rdf")[.posixPermissions] as? Int
        #expect(mode == 0o644)
    }

    @Test func staleTemporaryFilesOfTheSameTargetAreRemoved() throws {
        let dir = try tempDir()
        // What a writer killed with SIGKILL leaves behind: unlocked temporary files.
        for name in [".graph.rdf.tmp-AbC123", ".graph.rdf.tmp-zzzzzz"] {
            FileManager.default.createFile(atPath: "\(dir)/\(name)", contents: Data("half".utf8))
        }
        // Not ours: other targets, other patterns.
        let others = [".graph.jsonl.tmp-AbC123", ".graph.rdf.tmp-toolong1", "graph.rdf.tmp-AbC123", ".graph.rdf.tmp-"]
        for name in others { FileManager.default.createFile(atPath: "\(dir)/\(name)", contents: Data()) }
        try "previous".write(toFile: dir + "/graph.rdf", atomically: false, encoding: .utf8)
        let sink = try FileSink(atomicPath: dir + "/graph.rdf")
        try sink.write("new")
        try sink.finish()
        #expect(try contents(dir) == (others + ["graph.rdf"]).sorted())
        #expect(try String(contentsOfFile: dir + "/graph.rdf", encoding: .utf8) == "new")
    }

    @Test func aLiveWritersTemporaryFileIsLeftAlone() throws {
        let dir = try tempDir()
        let first = try FileSink(atomicPath: dir + "/out.txt")
        try first.write("first")
        // A second writer of the same target must not take the first one's file for stale.
        let second = try FileSink(atomicPath: dir + "/out.txt")
        try second.write("second")
        #expect(try contents(dir).count == 2)
        try first.finish()
        #expect(try String(contentsOfFile: dir + "/out.txt", encoding: .utf8) == "first")
        try second.finish()
        #expect(try String(contentsOfFile: dir + "/out.txt", encoding: .utf8) == "second")
        #expect(try contents(dir) == ["out.txt"])
    }

    @Test func aParentThatIsAFileIsAClearErrorAndWritesNothing() throws {
        // As root, a read-only folder does not stop writes; a parent that is a regular file
        // exercises the same error path (no temporary file can be created).
        let dir = try tempDir()
        FileManager.default.createFile(atPath: dir + "/file", contents: Data("x".utf8))
        #expect {
            _ = try FileSink(atomicPath: dir + "/file/out.rdf")
        } throws: { error in
            guard let e = error as? SinkError else { return false }
            return e.path == dir + "/file/out.rdf" && e.message.contains("Not a directory")
        }
        #expect(try contents(dir) == ["file"])
    }

    @Test func aTargetThatCannotBeReplacedLeavesNoTemporaryFile() throws {
        let dir = try tempDir()
        // rename(2) cannot put a file over a non-empty folder.
        try FileManager.default.createDirectory(atPath: dir + "/out.rdf/inside", withIntermediateDirectories: true)
        let sink = try FileSink(atomicPath: dir + "/out.rdf")
        try sink.write("data")
        #expect(throws: SinkError.self) { try sink.finish() }
        #expect(try contents(dir) == ["out.rdf"])
        #expect(try contents(dir + "/out.rdf") == ["inside"])
    }

    @Test func aReadOnlyFolderFailsCleanlyWhenNotRoot() throws {
        guard getuid() != 0 else { return }  // root writes anywhere; covered above with a file parent
        let dir = try tempDir()
        chmod(dir, 0o555)
        defer { chmod(dir, 0o755) }
        #expect(throws: SinkError.self) { _ = try FileSink(atomicPath: dir + "/out.txt") }
        #expect(try contents(dir).isEmpty)
    }

    @Test func aDroppedSinkRemovesItsTemporaryFile() throws {
        let dir = try tempDir()
        do {
            let sink = try FileSink(atomicPath: dir + "/out.txt")
            try sink.write("never finished")
        }
        #expect(try contents(dir).isEmpty)
    }

    @Test func manyWritersOfOneTargetConcurrently() async throws {
        let dir = try tempDir()
        let path = dir + "/out.txt"
        try await withThrowingTaskGroup(of: Void.self) { group in
            for i in 0..<8 {
                group.addTask {
                    let sink = try FileSink(atomicPath: path)
                    try sink.write(String(repeating: "\(i)", count: 100_000))
                    try sink.finish()
                }
            }
            try await group.waitForAll()
        }
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.count == 100_000 && Set(text).count == 1)
        #expect(try contents(dir) == ["out.txt"])
    }
}
