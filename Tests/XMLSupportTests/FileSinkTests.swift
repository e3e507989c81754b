import TestSupport
import Foundation
import Testing
@testable import XMLSupport

@Suite struct FileSinkTests {
    func tempDir() throws -> String {
        let dir = TestTemporary.path("kg-sink")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func replacesTheFileOnlyWhenFinished() throws {
        let dir = try tempDir()
        let path = dir + "/out.txt"
        try "previous".write(toFile: path, atomically: false, encoding: .utf8)
        let sink = try FileSink(atomicPath: path)
        try sink.write("new content")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "previous")
        try sink.finish()
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new content")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["out.txt"])
    }

    @Test func abandonKeepsThePreviousFileAndLeavesNoTemporaryFile() throws {
        let dir = try tempDir()
        let path = dir + "/out.txt"
        try "previous".write(toFile: path, atomically: false, encoding: .utf8)
        let sink = try FileSink(atomicPath: path)
        try sink.write("half")
        sink.abandon()
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "previous")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["out.txt"])
    }

    @Test func failsCleanlyInAReadOnlyFolder() throws {
        guard getuid() != 0 else { return }  // root writes anywhere; the CLI test covers /dev/full
        let dir = try tempDir()
        chmod(dir, 0o555)
        #expect(throws: SinkError.self) { _ = try FileSink(atomicPath: dir + "/out.txt") }
    }

    @Test func reportsAFullDisk() throws {
        guard let fd = Optional(open("/dev/full", O_WRONLY)), fd >= 0 else { return }
        defer { close(fd) }
        let sink = FileSink(descriptor: fd, name: "/dev/full")
        #expect(throws: SinkError.self) {
            try sink.write("x")
            try sink.finish()
        }
    }
}
