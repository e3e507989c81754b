import Foundation
import Testing

/// Never crash, never lose a file: the CLI under SIGKILL, unwritable outputs, unreadable
/// inputs, --strict, and byte-identical exports across runs and --jobs values.
@Suite(.serialized) struct ReliabilityTests {
    static let sample = repositoryRoot.appendingPathComponent("Sources/kg/Resources/xi-putin-2022-12-30.txt").path
    static let hostile = repositoryRoot.appendingPathComponent("Tests/Fixtures/hostile/hostile.txt").path
    static let allFormats = "rdfxml,graphml,yed,jsonl"

    func files(_ dir: String) throws -> [String: Data] {
        var out: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: dir) {
            out[name] = FileManager.default.contents(atPath: "\(dir)/\(name)")
        }
        return out
    }

    func temporaries(_ dir: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasPrefix(".") && $0.contains(".tmp-") }
    }

    @Test func sigkillDuringAnExportKeepsThePreviousFilesAndTheNextRunRemovesTheTemporaries() throws {
        let dir = try tempDir()
        let input = dir + "/doc.txt", out = dir + "/out"
        let article = try String(contentsOfFile: Self.sample, encoding: .utf8)
        try article.write(toFile: input, atomically: true, encoding: .utf8)
        let first = try kg(["extract", input, "--output", out, "--format", Self.allFormats, "--quiet"])
        #expect(first.status == 0, "\(first.stderr)")
        let previous = try files(out)
        #expect(previous.count == 4)

        // A large input, so that the exports take a while; kill as soon as a temporary file shows.
        try String(repeating: article + "\n", count: 150).write(toFile: input, atomically: true, encoding: .utf8)
        let p = Process()
        p.executableURL = kgBinary()
        p.arguments = ["extract", input, "--output", out, "--format", Self.allFormats, "--quiet"]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        var killedMidExport = false
        while p.isRunning {
            if try !temporaries(out).isEmpty {
                kill(p.processIdentifier, SIGKILL)
                killedMidExport = true
                break
            }
            usleep(1000)
        }
        p.waitUntilExit()
        try #require(killedMidExport, "kg finished before a temporary file was seen; make the input larger")
        #expect(p.terminationReason == .uncaughtSignal && p.terminationStatus == SIGKILL)

        // The previous exports are intact, byte for byte; only hidden temporaries were added.
        let after = try files(out)
        for (name, data) in previous { #expect(after[name] == data, "\(name) changed") }
        let stray = try temporaries(out)
        #expect(!stray.isEmpty)
        #expect(Set(after.keys).subtracting(previous.keys) == Set(stray))
        for name in stray {
            #expect(name.range(of: #"^\.doc\.(rdf|graphml|yed\.graphml|jsonl)\.tmp-[A-Za-z0-9]{6}$"#, options: .regularExpression) != nil, "\(name)")
        }

        // The next run of the same targets removes the stale temporaries.
        try article.write(toFile: input, atomically: true, encoding: .utf8)
        let again = try kg(["extract", input, "--output", out, "--format", Self.allFormats, "--quiet"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try temporaries(out).isEmpty)
        #expect(try files(out) == previous)
    }

    @Test func anOutputFolderThatCannotBeCreatedIsAnErrorAndWritesNothing() throws {
        let dir = try tempDir()
        FileManager.default.createFile(atPath: dir + "/file", contents: Data("x".utf8))
        let r = try kg(["extract", Self.sample, "--output", dir + "/file/sub", "--format", "jsonl", "--quiet"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("kg: error: \(dir)/file/sub"), "\(r.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["file"])
    }

    @Test func aTargetThatCannotBeReplacedFailsWithoutAPartialFile() throws {
        // As root, a read-only folder does not stop writes; a non-empty folder in the place of
        // the target makes rename(2) fail after the whole file was written.
        let dir = try tempDir()
        try FileManager.default.createDirectory(atPath: dir + "/xi-putin-2022-12-30.rdf/inside", withIntermediateDirectories: true)
        let r = try kg(["extract", Self.sample, "--output", dir, "--format", "rdfxml", "--quiet"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("xi-putin-2022-12-30.rdf: cannot replace the file"), "\(r.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["xi-putin-2022-12-30.rdf"])
    }

    @Test func aFullDiskOnStandardOutputFailsForEveryFormat() throws {
        guard let full = FileHandle(forWritingAtPath: "/dev/full") else { return }
        for format in ["rdfxml", "graphml", "yed", "jsonl"] {
            let r = try kg(["extract", Self.sample, "--format", format, "--quiet"], stdout: full)
            #expect(r.status == 1, "\(format)")
            #expect(r.stderr.contains("No space left on device"), "\(format): \(r.stderr)")
        }
    }

    @Test func strictStopsAtTheFirstUnreadableFile() throws {
        let r = try kg(["extract", Self.sample, "/nonexistent/a.txt", "/nonexistent/b.txt", "--format", "jsonl", "--strict", "--quiet"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("/nonexistent/a.txt"))
        #expect(!r.stderr.contains("/nonexistent/b.txt"))
        #expect(r.stdout.isEmpty)
        // Without --strict both are named, the readable one is processed, and the exit is 1.
        let lax = try kg(["extract", Self.sample, "/nonexistent/a.txt", "/nonexistent/b.txt", "--format", "jsonl", "--quiet"])
        #expect(lax.status == 1)
        #expect(lax.stderr.contains("/nonexistent/a.txt") && lax.stderr.contains("/nonexistent/b.txt"))
        #expect(lax.stdout.contains("xi-putin-2022-12-30"))
    }

    @Test func unreadableFilesAreNamedAndTheOthersStillProcessed() throws {
        let dir = try tempDir()
        let locked = dir + "/locked.txt"
        try "Russia attacked Ukraine.\n".write(toFile: locked, atomically: true, encoding: .utf8)
        chmod(locked, 0)
        defer { chmod(locked, 0o644) }
        let r = try kg(["extract", locked, Self.sample, "--format", "jsonl", "--quiet"])
        if getuid() == 0 {
            // Permissions do not apply to root: the file is read like any other.
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stdout.contains("\"document\":\"locked\""))
        } else {
            #expect(r.status == 1)
            #expect(r.stderr.contains(locked), "\(r.stderr)")
        }
        #expect(r.stdout.contains("xi-putin-2022-12-30"))
        // A path that cannot be read as a file, whoever runs kg: a FIFO with no writer would
        // block, so use a socket-free case every user meets: a dangling symbolic link.
        let dangling = dir + "/dangling.txt"
        try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: dir + "/nowhere")
        let d = try kg(["extract", dangling, Self.sample, "--format", "jsonl", "--quiet"])
        #expect(d.status == 1)
        #expect(d.stderr.contains(dangling), "\(d.stderr)")
        #expect(d.stdout.contains("xi-putin-2022-12-30"))
    }

    @Test func exportsAreByteIdenticalAcrossRuns() throws {
        let a = try tempDir(), b = try tempDir()
        for dir in [a, b] {
            let r = try kg(["extract", Self.sample, Self.hostile, "--output", dir, "--format", Self.allFormats, "--quiet"])
            #expect(r.status == 0, "\(r.stderr)")
        }
        let first = try files(a)
        #expect(first.count == 4)
        #expect(try files(b) == first)
    }

    @Test func exportsAreByteIdenticalAcrossJobs() throws {
        let input = try tempDir()
        let article = try String(contentsOfFile: Self.sample, encoding: .utf8)
        let sentences = article.split(separator: "\n").map(String.init)
        // Several documents, so that jobs really interleave.
        for k in 0..<12 {
            let text = sentences.enumerated().filter { ($0.offset + k) % 3 != 0 }.map(\.element).joined(separator: "\n")
            try text.write(toFile: "\(input)/doc\(k).txt", atomically: true, encoding: .utf8)
        }
        try FileManager.default.copyItem(atPath: Self.hostile, toPath: input + "/hostile.txt")
        var outputs: [[String: Data]] = []
        for jobs in ["1", "2", "7"] {
            let out = try tempDir()
            let paths = try FileManager.default.contentsOfDirectory(atPath: input).sorted().map { "\(input)/\($0)" }
            let r = try kg(["extract"] + paths + ["--output", out, "--format", Self.allFormats, "--jobs", jobs, "--quiet"])
            #expect(r.status == 0, "--jobs \(jobs): \(r.stderr)")
            outputs.append(try files(out))
        }
        #expect(outputs[0].count == 4)
        #expect(outputs[1] == outputs[0])
        #expect(outputs[2] == outputs[0])
    }

    @Test func hostileNamesGiveWellFormedXMLInEveryExport() throws {
        let xmllint = "/usr/bin/xmllint"
        guard FileManager.default.isExecutableFile(atPath: xmllint) else { return }
        let out = try tempDir()
        let ontology = try tempDir()
        // The repository's ontology with the hostile gazetteer in place of the real tables.
        let source = repositoryRoot.appendingPathComponent("ontology").path
        for name in try FileManager.default.contentsOfDirectory(atPath: source) {
            try FileManager.default.copyItem(atPath: "\(source)/\(name)", toPath: "\(ontology)/\(name)")
        }
        for name in try FileManager.default.contentsOfDirectory(atPath: ontology + "/gazetteer") where name.hasSuffix(".tsv") {
            try FileManager.default.removeItem(atPath: "\(ontology)/gazetteer/\(name)")
        }
        try FileManager.default.copyItem(atPath: repositoryRoot.appendingPathComponent("Tests/Fixtures/hostile/gazetteer.tsv").path,
                                         toPath: ontology + "/gazetteer/hostile.tsv")
        let r = try kg(["extract", Self.hostile, "--ontology", ontology, "--output", out, "--format", Self.allFormats, "--quiet"])
        try #require(r.status == 0, "\(r.stderr)")
        let jsonl = try String(contentsOfFile: out + "/hostile.jsonl", encoding: .utf8)
        #expect(jsonl.contains("Ben & Jerry's <Republic>") && jsonl.contains("🚀") && jsonl.contains("\u{200F}"))
        var checked = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: out) where name.hasSuffix("rdf") || name.hasSuffix("graphml") {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: xmllint)
            p.arguments = ["--noout", "--nonet", "\(out)/\(name)"]
            let err = Pipe()
            p.standardError = err
            try p.run()
            let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            p.waitUntilExit()
            #expect(p.terminationStatus == 0, "\(name): \(message)")
            checked += 1
        }
        #expect(checked == 3)
    }

    @Test func inputsTheFuzzersFoundAreHandled() throws {
        let dir = repositoryRoot.appendingPathComponent("Tests/Fixtures/fuzz/FuzzExtractor").path
        let out = try tempDir()
        for name in try FileManager.default.contentsOfDirectory(atPath: dir) {
            let r = try kg(["extract", "\(dir)/\(name)", "--output", out, "--format", Self.allFormats, "--quiet"])
            #expect(r.status == 0 || r.status == 1, "\(name): exit \(r.status) \(r.stderr)")
            #expect(!r.stderr.contains("Fatal error"), "\(name): \(r.stderr)")
        }
    }

    @Test func malformedJSONLinesOnStandardInputAreNamedByLine() throws {
        let input = """
        {"id":"a","text":"Russia attacked Ukraine."}
        not json
        {"id":"b"}
        {"id":"c","text":"China condemned Japan."}

        """
        let r = try kg(["extract", "--stdin", "--format", "jsonl", "--quiet"], input: input)
        #expect(r.status == 1)
        #expect(r.stderr.contains("<stdin>:2:"), "\(r.stderr)")
        #expect(r.stderr.contains("<stdin>:3:"), "\(r.stderr)")
        #expect(r.stdout.contains("\"document\":\"a\""))
        #expect(r.stdout.contains("\"document\":\"c\""))
        let strict = try kg(["extract", "--stdin", "--format", "jsonl", "--quiet", "--strict"], input: input)
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("<stdin>:2:") && !strict.stderr.contains("<stdin>:3:"), "\(strict.stderr)")
    }

    @Test func hostileHTMLPagesAreReadSafely() throws {
        let dir = try tempDir()
        let pages = [
            "xxe": #"<!DOCTYPE html [<!ENTITY x SYSTEM "file:///etc/passwd">]><html><body><p>Russia attacked Ukraine. &x;</p></body></html>"#,
            "laughs": "<!DOCTYPE html [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]><html><body><p>Russia attacked Ukraine. &d;&d;&d;</p></body></html>",
            "deep": "<html><body>" + String(repeating: "<div>", count: 100_000) + "<p>Russia attacked Ukraine.</p>" + String(repeating: "</div>", count: 100_000) + "</body></html>",
        ]
        for (name, html) in pages {
            try html.write(toFile: "\(dir)/\(name).html", atomically: true, encoding: .utf8)
            let r = try kg(["extract", "\(dir)/\(name).html", "--format", "jsonl", "--quiet"])
            #expect(r.status == 0 || r.status == 1, "\(name): exit \(r.status)")
            #expect(!r.stdout.contains("root:") && !r.stderr.contains("root:"), "\(name) read /etc/passwd")
            #expect(!r.stdout.contains(String(repeating: "a", count: 1000)), "\(name) expanded entities")
            if r.status == 1 { #expect(r.stderr.contains("\(name).html"), "\(name): \(r.stderr)") }
        }
    }
}
