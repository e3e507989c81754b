import Foundation
import Ontology
import TestSupport

let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
let articles = repository + "/Tests/Fixtures/articles"

let ontology: Ontology = {
    do { return try Ontology.load(directory: repository + "/ontology") } catch { fatalError("\(error)") }
}()

/// A run of the built `kg` binary.
struct Run {
    var status: Int32
    var stdout: String
    var stderr: String
}

func kgBinary() -> String {
    // The test bundle sits next to the executables in the build folder.
    var dir = Bundle.main.bundleURL
    for _ in 0..<3 {
        let candidate = dir.appendingPathComponent("kg")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate.path }
        dir = dir.deletingLastPathComponent()
    }
    return repository + "/.build/debug/kg"
}

/// Runs kg with `arguments` (and extra environment) and waits for it.
func kg(_ arguments: [String], environment: [String: String] = [:]) throws -> Run {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: kgBinary())
    p.arguments = arguments
    p.currentDirectoryURL = URL(fileURLWithPath: repository)
    p.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
    let out = Pipe()
    // Standard error to a file, so a long one cannot block the child while stdout is read.
    let errPath = TestTemporary.path("stderr")
    _ = FileManager.default.createFile(atPath: errPath, contents: nil)
    let err = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
    p.standardOutput = out
    p.standardError = err
    try p.run()
    let o = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    try err.close()
    let errData = read(errPath)
    return Run(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
}

/// Whether an executable is on PATH (for tests that use python3 or the sqlite3 shell).
func onPath(_ name: String) -> Bool {
    (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains {
        FileManager.default.isExecutableFile(atPath: "\($0)/\(name)")
    }
}

/// Runs an executable from PATH.
func run(_ name: String, _ arguments: [String]) throws -> Run {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = [name] + arguments
    let out = Pipe(), err = Pipe()
    p.standardOutput = out
    p.standardError = err
    try p.run()
    let o = out.fileHandleForReading.readDataToEndOfFile()
    let e = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return Run(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
}

func read(_ path: String) -> Data { FileManager.default.contents(atPath: path) ?? Data() }

/// The fixture articles copied to a fresh folder (names as given, or all of them).
func articleFolder(_ names: [String]? = nil) throws -> String {
    let dir = try TestTemporary.folder("articles")
    let all = try FileManager.default.contentsOfDirectory(atPath: articles).filter { $0.hasSuffix(".txt") }.sorted()
    for n in names ?? all { try FileManager.default.copyItem(atPath: "\(articles)/\(n)", toPath: "\(dir)/\(n)") }
    return dir
}

/// JSON Lines documents: the fixture articles repeated `copies` times under new ids.
func bigCorpus(copies: Int) throws -> String {
    let texts = try FileManager.default.contentsOfDirectory(atPath: articles).filter { $0.hasSuffix(".txt") }.sorted()
        .map { try String(contentsOfFile: "\(articles)/\($0)", encoding: .utf8) }
    var out = ""
    for c in 0..<copies {
        for (i, t) in texts.enumerated() {
            let line = try JSONSerialization.data(withJSONObject: ["id": "doc-\(c)-\(i)", "text": t + "\n(\(c))", "date": "2023-01-01"], options: [.sortedKeys])
            out += String(decoding: line, as: UTF8.self) + "\n"
        }
    }
    let path = TestTemporary.path("big", suffix: ".jsonl")
    try out.write(toFile: path, atomically: true, encoding: .utf8)
    return path
}
