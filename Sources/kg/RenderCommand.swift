import ArgumentParser
import Corpus
import Extraction
import Foundation
import KnowledgeGraph
import Ontology
import Query
import Serialization
import XMLSupport

extension KG {
    struct Render: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Draw the graph of text files: Graphviz DOT, and SVG and PNG when Graphviz is installed.",
            discussion: """
            Each FILE is news to extract from, or a kg graph (.rdf, .ttl, .nt, .nq, .jsonl) to draw \
            as it is; folders are walked and - reads standard input; several are merged. Writes DIR/NAME.dot (NAME is the single input's id, or 'graph'), then runs Graphviz's \
            `dot` to write DIR/NAME.svg and DIR/NAME.png. Edges are labelled with the relation and \
            coloured by QuadClass (cooperation greens, conflict reds), nodes by actor type; a \
            legend explains the colours. Without Graphviz (`apt-get install graphviz`), only the \
            DOT file is written, with a warning.

            Examples:
              kg render article.txt --output pictures
              kg render a.txt b.txt --output pictures --image svg
              kg render exports/xi-putin-2022-12-30.rdf --output pictures
            """)

        @OptionGroup var common: CommonOptions

        @Argument(help: ArgumentHelp("News (.txt, .html, .jsonl), kg graphs (.rdf, .ttl, .nt, .nq, .jsonl) or kg stores (.db): files, folders, or - for standard input.", valueName: "file"))
        var files: [String]

        @Option(name: .shortAndLong, help: ArgumentHelp("Folder to write the pictures to.", valueName: "dir"))
        var output: String

        @Option(name: .long, help: ArgumentHelp("Comma-separated image formats Graphviz writes besides DOT: svg, png, or none.", valueName: "formats"))
        var image: String = "svg,png"

        @Option(name: .long, help: ArgumentHelp("The Graphviz layout program (default: `dot` on PATH).", valueName: "path"))
        var graphviz: String?

        static let imageFormats = ["svg", "png"]

        func imageFormats() throws -> [String] {
            let names = image.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            if names == ["none"] { return [] }
            for n in names where !Self.imageFormats.contains(n) {
                throw ValidationError("unknown image format '\(n)'; choose from svg, png or none")
            }
            return Self.imageFormats.filter(names.contains)
        }

        func validate() throws {
            try common.validateDate()
            _ = try imageFormats()
            if files.isEmpty { throw ValidationError("name at least one file to render (news, or a kg graph)") }
        }

        func run() throws {
            let formats = try imageFormats()
            var failed = false
            try reportingErrors {
                let ontology = try common.loadOntology()
                let (graph, readFailed) = try readGraph(paths: files, date: common.date, strict: false, ontology: ontology, common: common)
                failed = readFailed
                let options = ExportOptions(ontologyNamespace: ontology.namespace, generator: "kg \(kgVersion)")
                var isDir: ObjCBool = false
                let name: String
                if files.count == 1, files[0] != "-", !(FileManager.default.fileExists(atPath: files[0], isDirectory: &isDir) && isDir.boolValue) {
                    name = URL(fileURLWithPath: files[0]).deletingPathExtension().lastPathComponent
                } else {
                    name = "graph"
                }
                let dotFile = try export(graph, formats: [.dot], directory: output, name: name, options: options)[0]
                print("kg: wrote \(dotFile)")
                guard !formats.isEmpty else { return }
                guard let program = graphviz ?? Self.findOnPath("dot") else {
                    warn("Graphviz `dot` is not on PATH; wrote only \(dotFile) (apt-get install graphviz, or pass --graphviz PATH)")
                    return
                }
                for f in formats {
                    let target = "\(output)/\(name).\(f)"
                    try Self.runGraphviz(program, format: f, input: dotFile, output: target)
                    print("kg: wrote \(target)")
                }
            }
            if failed { throw ExitCode.failure }
        }

        /// The first executable `name` on PATH.
        static func findOnPath(_ name: String) -> String? {
            let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
            for dir in path.split(separator: ":") where !dir.isEmpty {
                let candidate = "\(dir)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
            return nil
        }

        /// Runs `program -T<format>` into a temporary file beside `output`, renamed over it on success.
        static func runGraphviz(_ program: String, format: String, input: String, output: String) throws {
            let dir = (output as NSString).deletingLastPathComponent
            let temp = (dir.isEmpty ? "." : dir) + "/.\((output as NSString).lastPathComponent).tmp-\(getpid())"
            let p = Process()
            p.executableURL = URL(fileURLWithPath: program)
            p.arguments = ["-T\(format)", "-o", temp, input]
            let err = Pipe()
            p.standardError = err
            p.standardOutput = FileHandle.nullDevice
            TemporaryFiles.register(temp)  // removed if kg is interrupted meanwhile
            do {
                try p.run()
            } catch {
                TemporaryFiles.unregister(temp)
                throw CLIError("\(program): cannot run Graphviz: \(error.localizedDescription)")
            }
            let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            p.waitUntilExit()
            guard p.terminationStatus == 0 else {
                TemporaryFiles.remove(temp)
                let detail = message.trimmingCharacters(in: .whitespacesAndNewlines)
                throw CLIError("\(output): Graphviz failed (exit \(p.terminationStatus))" + (detail.isEmpty ? "" : ": \(detail)"))
            }
            if TemporaryFiles.rename(temp, to: output) != 0 {
                let reason = String(cString: strerror(errno))
                TemporaryFiles.remove(temp)
                throw CLIError("\(output): cannot replace the file: \(reason)")
            }
        }
    }
}
