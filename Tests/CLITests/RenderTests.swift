import Foundation
import Testing
import TestSupport

/// Runs the built `kg` with a chosen environment.
func kg(_ arguments: [String], environment: [String: String]) throws -> Run {
    let p = Process()
    p.executableURL = kgBinary()
    p.arguments = arguments
    p.currentDirectoryURL = repositoryRoot
    p.environment = environment
    let out = Pipe(), err = Pipe()
    p.standardOutput = out
    p.standardError = err
    try p.run()
    let o = out.fileHandleForReading.readDataToEndOfFile()
    let e = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return Run(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
}

let samplePath = repositoryRoot.appendingPathComponent("Sources/kg/Resources/xi-putin-2022-12-30.txt").path
let graphvizInstalled = ["/usr/bin/dot", "/usr/local/bin/dot"].contains(where: FileManager.default.isExecutableFile)

@Suite(.serialized) struct RenderTests {
    @Test func renderWritesDOTAndWithGraphvizSVGAndPNG() throws {
        let dir = try tempDir()
        let r = try kg(["render", samplePath, "--output", dir])
        #expect(r.status == 0, "\(r.stderr)")
        let dot = try String(contentsOfFile: dir + "/xi-putin-2022-12-30.dot", encoding: .utf8)
        #expect(dot.contains("\"n-xi-jinping\" -> \"n-UKR\" [label=\"mediates\""))
        guard graphvizInstalled else { return }
        let svg = try String(contentsOfFile: dir + "/xi-putin-2022-12-30.svg", encoding: .utf8)
        #expect(svg.contains("<svg") && svg.contains(">Xi Jinping</text>") && svg.contains(">mediates</text>"))
        #expect(svg.contains("QuadClass 4: material conflict"))
        let png = try Data(contentsOf: URL(fileURLWithPath: dir + "/xi-putin-2022-12-30.png"))
        #expect(png.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).allSatisfy { !$0.hasPrefix(".") }, "no temporary file left")
    }

    @Test func anRDFXMLExportIsDrawnAsTheGraphOfItsText() throws {
        let fromText = try tempDir(), fromExport = try tempDir()
        #expect(try kg(["render", samplePath, "--output", fromText, "--image", "none"]).status == 0)
        let rdf = repositoryRoot.appendingPathComponent("exports/xi-putin-2022-12-30.rdf").path
        let r = try kg(["render", rdf, "--output", fromExport, "--image", "none"])
        #expect(r.status == 0, "\(r.stderr)")
        let a = try String(contentsOfFile: fromText + "/xi-putin-2022-12-30.dot", encoding: .utf8)
        let b = try String(contentsOfFile: fromExport + "/xi-putin-2022-12-30.dot", encoding: .utf8)
        #expect(a == b)
    }

    @Test func theSVGIsTheSameOnEveryRun() throws {
        guard graphvizInstalled else { return }
        let a = try tempDir(), b = try tempDir()
        #expect(try kg(["render", samplePath, "--output", a, "--image", "svg"]).status == 0)
        #expect(try kg(["render", samplePath, "--output", b, "--image", "svg"]).status == 0)
        let first = try Data(contentsOf: URL(fileURLWithPath: a + "/xi-putin-2022-12-30.svg"))
        let second = try Data(contentsOf: URL(fileURLWithPath: b + "/xi-putin-2022-12-30.svg"))
        #expect(!first.isEmpty && first == second)
    }

    @Test func withoutGraphvizOnlyDOTIsWrittenWithAWarning() throws {
        let dir = try tempDir()
        let r = try kg(["render", samplePath, "--output", dir], environment: ["PATH": "/nonexistent"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("kg: warning: Graphviz `dot` is not on PATH"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["xi-putin-2022-12-30.dot"])
    }

    @Test func aBrokenGraphvizIsAnError() throws {
        let dir = try tempDir()
        let r = try kg(["render", samplePath, "--output", dir, "--graphviz", "/bin/false"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("xi-putin-2022-12-30.svg: Graphviz failed (exit 1)"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/xi-putin-2022-12-30.svg"))
    }

    @Test func renderUsageErrorsExit64() throws {
        #expect(try kg(["render", samplePath, "--output", TestTemporary.path("kg-render"), "--image", "gif"]).status == 64)
        #expect(try kg(["render", samplePath]).status == 64)
    }

    @Test func newFormatsGoToStandardOutput() throws {
        let ttl = try kg(["extract", samplePath, "--format", "turtle"])
        #expect(ttl.status == 0 && ttl.stdout.contains("@prefix prov: <http://www.w3.org/ns/prov#> ."))
        let nt = try kg(["extract", samplePath, "--format", "ntriples"])
        #expect(nt.status == 0 && nt.stdout.split(separator: "\n").allSatisfy { $0.hasSuffix(" .") })
        let csv = try kg(["extract", samplePath, "--format", "csv"])
        #expect(csv.status == 0 && csv.stdout.hasPrefix("date,Actor1Code,Actor1Name,Actor1CountryCode,Actor1Type,EventCode,"))
        let dot = try kg(["extract", samplePath, "--format", "dot"])
        #expect(dot.status == 0 && dot.stdout.contains("digraph \"kg\""))
    }

    @Test func newFormatsFailCleanlyOnAFullDisk() throws {
        guard let full = FileHandle(forWritingAtPath: "/dev/full") else { return }
        for format in ["turtle", "ntriples", "csv", "dot"] {
            let r = try kg(["extract", samplePath, "--format", format], stdout: full)
            #expect(r.status == 1)
            #expect(r.stderr.contains("kg: error: standard output: write failed: No space left on device"))
        }
    }

    @Test func shellCompletionScriptsKnowTheSubcommands() throws {
        for shell in ["bash", "zsh", "fish"] {
            let r = try kg(["--generate-completion-script", shell])
            #expect(r.status == 0)
            #expect(r.stdout.contains("render") && r.stdout.contains("extract"), "\(shell)")
        }
    }
}
