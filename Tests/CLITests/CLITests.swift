import TestSupport
import Foundation
import Testing

/// Runs the built `kg` binary.
struct Run {
    var status: Int32
    var stdout: String
    var stderr: String
}

let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

func kgBinary() -> URL {
    // The test bundle sits next to the executables in the build folder.
    var dir = Bundle.main.bundleURL
    for _ in 0..<3 {
        let candidate = dir.appendingPathComponent("kg")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        dir = dir.deletingLastPathComponent()
    }
    return repositoryRoot.appendingPathComponent(".build/debug/kg")
}

func kg(_ arguments: [String], stdout: FileHandle? = nil) throws -> Run {
    let p = Process()
    p.executableURL = kgBinary()
    p.arguments = arguments
    p.currentDirectoryURL = repositoryRoot
    let out = Pipe(), err = Pipe()
    p.standardOutput = stdout ?? out
    p.standardError = err
    try p.run()
    let o = stdout == nil ? out.fileHandleForReading.readDataToEndOfFile() : Data()
    let e = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return Run(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
}

func tempDir() throws -> String {
    let dir = TestTemporary.path("kg-cli")
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    return dir
}

@Suite(.serialized) struct CLITests {
    @Test func helpShowsExamples() throws {
        let r = try kg(["--help"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("kg extract"))
        let e = try kg(["extract", "--help"])
        #expect(e.stdout.contains("Examples"))
    }

    @Test func sampleWritesEveryFormat() throws {
        let dir = try tempDir()
        let r = try kg(["sample", "--output", dir])
        #expect(r.status == 0, "\(r.stderr)")
        for ext in ["rdf", "graphml", "yed.graphml", "jsonl"] {
            #expect(FileManager.default.fileExists(atPath: "\(dir)/xi-putin-2022-12-30.\(ext)"))
        }
    }

    @Test func extractWritesJSONLinesToStandardOutput() throws {
        let sample = repositoryRoot.appendingPathComponent("Sources/kg/Resources/xi-putin-2022-12-30.txt").path
        let r = try kg(["extract", sample, "--format", "jsonl"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("\"predicate\":\"mediates\""))
        #expect(r.stdout.split(separator: "\n").allSatisfy { $0.hasPrefix("{\"document\":\"xi-putin-2022-12-30\"") })
    }

    @Test func usageErrorsExit64() throws {
        let sample = repositoryRoot.appendingPathComponent("Sources/kg/Resources/xi-putin-2022-12-30.txt").path
        let r = try kg(["extract", sample, "--format", "pdf"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("unknown format 'pdf'"))
        // Without --output, one format only (the default, JSON Lines, is one).
        #expect(try kg(["extract", sample, "--format", "jsonl,rdfxml"]).status == 64)
        #expect(try kg(["extract", sample, "--format", "jsonl", "--date", "yesterday"]).status == 64)
        #expect(try kg(["frobnicate"]).status == 64)
    }

    @Test func aMissingFileIsNamedAndTheOthersStillProcessed() throws {
        let sample = repositoryRoot.appendingPathComponent("Sources/kg/Resources/xi-putin-2022-12-30.txt").path
        let r = try kg(["extract", "/nonexistent/a.txt", sample, "--format", "jsonl"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("kg: error: /nonexistent/a.txt: no such file"))
        #expect(r.stdout.contains("xi-putin-2022-12-30"))
    }

    @Test func binaryAndEmptyFiles() throws {
        let dir = try tempDir()
        FileManager.default.createFile(atPath: dir + "/bin.txt", contents: Data([0x41, 0x00, 0x42]))
        FileManager.default.createFile(atPath: dir + "/empty.txt", contents: Data())
        let b = try kg(["extract", dir + "/bin.txt", "--format", "jsonl"])
        #expect(b.status == 1)
        #expect(b.stderr.contains("bin.txt: binary file (NUL byte at offset 1)"))
        let e = try kg(["extract", dir + "/empty.txt", "--format", "jsonl"])
        #expect(e.status == 0)
        #expect(e.stdout.isEmpty)
    }

    @Test func invalidUTF8IsReplacedWithAWarning() throws {
        let dir = try tempDir()
        FileManager.default.createFile(atPath: dir + "/bad.txt", contents: Data("Russia attacked Ukraine. ".utf8) + Data([0xFF, 0xFE]))
        let r = try kg(["extract", dir + "/bad.txt", "--format", "jsonl"])
        #expect(r.status == 0)
        #expect(r.stderr.contains("bad.txt: invalid UTF-8 at byte offset 25"))
        #expect(r.stdout.contains("attacks"))
    }

    @Test func aFullDiskFailsCleanly() throws {
        guard let full = FileHandle(forWritingAtPath: "/dev/full") else { return }
        let sample = repositoryRoot.appendingPathComponent("Sources/kg/Resources/xi-putin-2022-12-30.txt").path
        let r = try kg(["extract", sample, "--format", "rdfxml"], stdout: full)
        #expect(r.status == 1)
        #expect(r.stderr.contains("kg: error: standard output: write failed: No space left on device"))
    }

    @Test func anOutputPathThatIsAFileIsAnError() throws {
        let dir = try tempDir()
        FileManager.default.createFile(atPath: dir + "/file", contents: Data("x".utf8))
        let sample = repositoryRoot.appendingPathComponent("Sources/kg/Resources/xi-putin-2022-12-30.txt").path
        let r = try kg(["extract", sample, "--output", dir + "/file"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("exists and is not a folder"))
    }

    @Test func aBadOntologyIsReportedWithItsPlace() throws {
        let sample = repositoryRoot.appendingPathComponent("Sources/kg/Resources/xi-putin-2022-12-30.txt").path
        let r = try kg(["extract", sample, "--format", "jsonl", "--ontology", "/nonexistent"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("kg: error: /nonexistent: no such ontology folder"))
    }

    @Test func explainShowsActorsAndPatterns() throws {
        let sample = repositoryRoot.appendingPathComponent("Sources/kg/Resources/xi-putin-2022-12-30.txt").path
        let r = try kg(["explain", sample])
        #expect(r.status == 0)
        #expect(r.stdout.contains("actor  'Xi Jinping' → Xi Jinping"))
        #expect(r.stdout.contains("⇒ Xi Jinping mediates Ukraine"))
        #expect(r.stdout.contains("because lexicon.tsv:"))
    }
}
