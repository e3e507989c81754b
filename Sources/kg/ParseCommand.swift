import ArgumentParser
import Corpus
import Extraction
import Foundation
import Ontology
import Syntax

extension KG {
    struct Parse: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Tag and parse texts (or CoNLL-U) with kg's syntax model; write CoNLL-U.",
            discussion: """
            Texts are split into sentences and tokens as kg extract does, then mapped to UD
            English words. With --conllu, the input's sentences and words are kept (multiword
            token lines too) and its annotation columns are ignored; UPOS, HEAD and DEPREL are
            predicted. The model is ontology/syntax/en_ewt.model unless --model is given.

            Examples:
              kg parse article.txt
              kg parse --conllu sentences.conllu
            """)

        @Option(name: .long, help: ArgumentHelp("Ontology folder (abbreviations, syntax model).", valueName: "dir"))
        var ontology: String?

        @Option(name: .long, help: ArgumentHelp("Syntax model file (default: ONTOLOGY/syntax/en_ewt.model).", valueName: "file"))
        var model: String?

        @Flag(name: .long, help: "Read CoNLL-U instead of text.")
        var conllu = false

        @Argument(help: ArgumentHelp("Text (or CoNLL-U) files.", valueName: "file"))
        var files: [String]

        func run() throws {
            try reportingErrors {
                let directory = Ontology.locate(explicit: ontology, executable: CommandLine.arguments.first)
                guard let modelPath = model ?? directory.map({ "\($0)/syntax/en_ewt.model" }) else {
                    throw CLIError("cannot find the ontology folder; pass --ontology DIR, --model FILE or set KG_ONTOLOGY")
                }
                let syntax = try loadSyntaxModel(path: modelPath)
                let sink = StandardOutput()
                var buffer: [UInt8] = []
                func emit(_ text: String) throws {
                    buffer.append(contentsOf: text.utf8)
                    if buffer.count >= 1 << 16 { try sink.write(buffer); buffer.removeAll(keepingCapacity: true) }
                }
                if conllu {
                    for path in files {
                        guard let bytes = FileManager.default.contents(atPath: path) else { throw CLIError("\(path): cannot read the file") }
                        let sentences: [CoNLLUSentence]
                        do {
                            sentences = try CoNLLUReader.read(String(decoding: bytes, as: UTF8.self), source: path, annotated: false)
                        } catch { throw CLIError("\(error)") }
                        for s in sentences {
                            try emit(s.conllu(analysis: syntax.analyse(s.forms)))
                        }
                    }
                } else {
                    guard let directory else { throw CLIError("cannot find the ontology folder; pass --ontology DIR or set KG_ONTOLOGY") }
                    // Reading texts needs the abbreviations, not the lexicons and dictionaries.
                    let ontology = try Ontology.load(directory: directory, scope: .graphs)
                    let tokenizer = Tokenizer(abbreviations: ontology.abbreviations)
                    let (documents, _) = try readCorpus(paths: files, stdin: false, date: nil, jobs: 1, strict: true, ontology: ontology)
                    for document in documents {
                        let tokens = tokenizer.tokenize(document.text)
                        let scalars = Array(document.text.unicodeScalars)
                        for (k, range) in SentenceSplitter.split(tokens).enumerated() where !range.isEmpty {
                            let words = UDWordMapper.words(tokens[range].map { UDWordMapper.Token(text: $0.text, start: $0.start, end: $0.end) })
                            guard !words.isEmpty else { continue }
                            let first = words[0].start, last = words[words.count - 1].end
                            let text = CoNLLUSentence.clean(String(String.UnicodeScalarView(scalars[first..<last])))
                            let sentence = CoNLLUSentence(
                                comments: ["# sent_id = \(document.info.id)-\(k + 1)", "# text = \(text)"],
                                words: words.map { CoNLLUSentence.Word(form: $0.text) })
                            try emit(sentence.conllu(analysis: syntax.analyse(words.map(\.form))))
                        }
                    }
                }
                try sink.write(buffer)
            }
        }
    }
}
