// libFuzzer harness: `kg parse` on arbitrary bytes.
//
// The model is loaded once from KG_ONTOLOGY/syntax/en_ewt.model (scripts/fuzz.sh sets
// KG_ONTOLOGY to ontology/). Each input goes, decoded as `kg parse` decodes a file (invalid
// UTF-8 replaced; NUL-containing inputs skipped):
// 1. as text: kg's tokenizer and sentence splitter, UDWordMapper, then the tagger and parser;
// 2. as CoNLL-U, annotated and not: the reader, then the tagger and parser on its sentences,
//    and the CoNLL-U writer, whose output must read back with the same words;
// 3. as model bytes: SyntaxModel(bytes:) must throw a SyntaxError or succeed, never crash.
// Every analysis must have one tag, head and relation per word, heads in 0…n, not itself.
import Extraction
import Foundation
import FuzzDriver
import Ontology
import Syntax

#if canImport(Glibc)
import Glibc
#endif

let directory: String = {
    guard let dir = getenv("KG_ONTOLOGY").map({ String(cString: $0) }) else { fatalError("set KG_ONTOLOGY to the ontology folder") }
    return dir
}()
let tokenizer: Tokenizer = {
    do { return Tokenizer(abbreviations: try Ontology.load(directory: directory).abbreviations) } catch { fatalError("cannot load the ontology: \(error)") }
}()
let model: SyntaxModel = {
    guard let data = FileManager.default.contents(atPath: "\(directory)/syntax/en_ewt.model") else { fatalError("no syntax model") }
    do { return try SyntaxModel(bytes: [UInt8](data)) } catch { fatalError("cannot load the syntax model: \(error)") }
}()

func check(_ words: [String]) {
    let a = model.analyse(words)
    guard a.upos.count == words.count, a.heads.count == words.count, a.relations.count == words.count else {
        fatalError("analysis of \(words.count) words has \(a.upos.count)/\(a.heads.count)/\(a.relations.count) entries")
    }
    for (i, h) in a.heads.enumerated() where h < 0 || h > words.count || h == i + 1 {
        fatalError("word \(i + 1) of \(words.count) has head \(h)")
    }
    if !words.isEmpty && !a.heads.contains(0) { fatalError("no root among \(words.count) words") }
}

/// The program's entry point (see FuzzDriver.h): runs libFuzzer with `fuzz` as the target.
@_cdecl("FuzzParser_main")
public func fuzzParserMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    _ = model
    _ = tokenizer
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in
        guard let data else { return fuzz(UnsafePointer(bitPattern: 1)!, 0) }
        return fuzz(data, size)
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    do { _ = try SyntaxModel(bytes: Array(bytes)) } catch is SyntaxError {} catch { fatalError("not a SyntaxError: \(error)") }
    if bytes.contains(0) { return -1 }
    let text = String(decoding: bytes, as: UTF8.self)
    // 1. Text.
    let tokens = tokenizer.tokenize(text)
    for range in SentenceSplitter.split(tokens) {
        let words = UDWordMapper.words(tokens[range].map { UDWordMapper.Token(text: $0.text, start: $0.start, end: $0.end) })
        check(words.map(\.form))
    }
    // 2. CoNLL-U.
    for annotated in [false, true] {
        guard let sentences = try? CoNLLUReader.read(text, source: "fuzz", annotated: annotated) else { continue }
        for s in sentences {
            check(s.forms)
            let out = s.conllu(analysis: model.analyse(s.forms))
            do {
                let again = try CoNLLUReader.read(out, source: "out", annotated: true)
                guard again.count == 1, again[0].words.count == s.words.count else {
                    fatalError("written sentence reads back as \(again.count) sentences")
                }
            } catch {
                fatalError("written CoNLL-U does not read back: \(error)\n\(out)")
            }
        }
    }
    return 0
}
