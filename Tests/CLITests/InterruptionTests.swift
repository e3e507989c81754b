import Foundation
import Testing

/// SIGINT and SIGTERM during an export: kg removes its temporary files, leaves the file of a
/// previous run as it was, and exits with 128 + the signal (130, 143).
@Suite(.serialized) struct InterruptionTests {
    static let sample = repositoryRoot.appendingPathComponent("Sources/kg/Resources/xi-putin-2022-12-30.txt").path

    /// Hidden temporary files of FileSink (`.NAME.tmp-XXXXXX`) in `dir`.
    func temporaries(_ dir: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasPrefix(".") && $0.contains(".tmp-") }
    }

    /// Runs `kg extract` on `copies` copies of the sample into `out` (Turtle: the slowest
    /// export, so the temporary file lives long enough to be seen) and sends `signal` as soon
    /// as the temporary file exists.
    /// - Returns: nil when kg ended before a temporary file was seen (the input was too small
    ///   for this machine), else kg's termination reason and status.
    func interrupt(with signal: Int32, copies: Int, dir: String, out: String) throws -> (Process.TerminationReason, Int32)? {
        let article = try String(contentsOfFile: Self.sample, encoding: .utf8)
        let input = dir + "/doc.txt"
        try String(repeating: article + "\n", count: copies).write(toFile: input, atomically: true, encoding: .utf8)
        let p = Process()
        p.executableURL = kgBinary()
        p.arguments = ["extract", input, "--output", out, "--format", "turtle", "--quiet"]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        let deadline = Date().addingTimeInterval(300)
        var sent = false
        while p.isRunning && Date() < deadline {
            if try !temporaries(out).isEmpty {
                kill(p.processIdentifier, signal)
                sent = true
                break
            }
            usleep(1000)
        }
        if !sent && p.isRunning { p.terminate() }  // deadline passed: do not leave it running
        p.waitUntilExit()
        return sent ? (p.terminationReason, p.terminationStatus) : nil
    }

    func check(signal: Int32, expectedStatus: Int32) throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let out = dir + "/out"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let older = Data("an older export that must survive\n".utf8)
        _ = FileManager.default.createFile(atPath: out + "/doc.ttl", contents: older)

        // Double the input until the temporary file is caught (a busy machine may need more).
        var result: (Process.TerminationReason, Int32)?
        var copies = 400
        for _ in 0..<4 where result == nil {
            result = try interrupt(with: signal, copies: copies, dir: dir, out: out)
            if result == nil { _ = FileManager.default.createFile(atPath: out + "/doc.ttl", contents: older) }
            copies *= 2
        }
        let (reason, status) = try #require(result, "kg always finished before its temporary file was seen")
        #expect(reason == .exit && status == expectedStatus, "reason \(reason), status \(status)")
        let left = try temporaries(out)
        #expect(left.isEmpty, "temporary files left: \(left)")
        #expect(FileManager.default.contents(atPath: out + "/doc.ttl") == older)
        let names = try FileManager.default.contentsOfDirectory(atPath: out)
        #expect(names == ["doc.ttl"])
    }

    @Test func sigintRemovesTheTemporaryFileKeepsTheOlderOutputAndExits130() throws {
        try check(signal: SIGINT, expectedStatus: 130)
    }

    @Test func sigtermRemovesTheTemporaryFileKeepsTheOlderOutputAndExits143() throws {
        try check(signal: SIGTERM, expectedStatus: 143)
    }
}
