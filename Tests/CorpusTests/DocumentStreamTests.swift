import Corpus
import Extraction
import Foundation
import Testing

/// A byte source over `data` that hands out at most `chunk` bytes per read.
final class ChunkedSource: @unchecked Sendable {
    let data: [UInt8]
    let chunk: Int
    var offset = 0
    init(_ data: [UInt8], chunk: Int) { self.data = data; self.chunk = chunk }
    func read(_ buffer: UnsafeMutableRawBufferPointer) -> Int {
        let n = min(chunk, buffer.count, data.count - offset)
        for k in 0..<n { buffer[k] = data[offset + k] }
        offset += n
        return n
    }
}

@Suite struct DocumentStreamTests {
    static func line(_ id: String, _ text: String) -> String {
        String(decoding: try! JSONSerialization.data(withJSONObject: ["id": id, "text": text], options: [.sortedKeys]), as: UTF8.self)
    }

    /// Forty documents of growing size, a bad line, blank lines, CRLF, no final newline.
    static let input: String = {
        var lines: [String] = []
        for i in 0..<40 { lines.append(line("d\(i)", "Russia attacked Ukraine. " + String(repeating: "x", count: i * 37))) }
        lines.insert("not json", at: 5)
        lines.insert("", at: 9)
        lines.insert("   ", at: 20)
        lines[30] += "\r"
        return lines.joined(separator: "\n")
    }()

    func batches(_ text: String, chunk: Int, maxDocuments: Int, maxBytes: Int) -> [CorpusBatch] {
        let source = ChunkedSource(Array(text.utf8), chunk: chunk)
        var stream = DocumentStream(source: "<stdin>", date: "2020-01-01", maxDocuments: maxDocuments, maxBytes: maxBytes, read: source.read)
        var out: [CorpusBatch] = []
        while let b = stream.next() { out.append(b) }
        #expect(stream.readFailure == nil)
        #expect(stream.bytesRead == text.utf8.count)
        return out
    }

    @Test func batchesAreBoundedByCountAndBytesAndReadLikeOneFile() {
        let whole = DocumentReader.readJSONLines(Data(Self.input.utf8), source: "<stdin>", date: "2020-01-01")
        #expect(whole.documents.count == 40 && whole.problems.count == 1)
        for (chunk, maxDocuments, maxBytes) in [(1, 3, 1 << 20), (7, 100, 400), (65536, 4, 500), (3, 1, 1), (65536, 1000, 1 << 20)] {
            let list = batches(Self.input, chunk: chunk, maxDocuments: maxDocuments, maxBytes: maxBytes)
            func key(_ d: SourceDocument) -> [String?] { [d.info.id, d.text, d.info.date, d.info.title, d.info.url] }
            #expect(list.flatMap(\.documents).map(key) == whole.documents.map(key))
            #expect(list.flatMap(\.problems) == whole.problems, "line numbers are those of the whole stream")
            for b in list {
                let lines = b.documents.count + b.problems.count
                #expect(lines >= 1 && lines <= maxDocuments)
                let bytes = b.documents.reduce(0) { $0 + Self.line($1.info.id, $1.text).utf8.count }
                #expect(bytes <= maxBytes || lines == 1, "a batch exceeds \(maxBytes) bytes with \(lines) lines")
            }
            if maxDocuments == 1000 { #expect(list.count == 1) }
            if maxDocuments == 3 { #expect(list.count == 14) }
        }
    }

    @Test func anEndlessStreamIsReadOneBatchAtATime() {
        // An input that never ends: each batch is returned after reading a bounded amount.
        final class Endless: @unchecked Sendable {
            var produced = 0
            var pending: [UInt8] = []
            func read(_ buffer: UnsafeMutableRawBufferPointer) -> Int {
                if pending.isEmpty {
                    pending = Array((DocumentStreamTests.line("doc\(produced)", "Russia attacked Ukraine.") + "\n").utf8)
                    produced += 1
                }
                let n = min(buffer.count, pending.count)
                for k in 0..<n { buffer[k] = pending[k] }
                pending.removeFirst(n)
                return n
            }
        }
        let source = Endless()
        var stream = DocumentStream(source: "<stdin>", date: nil, maxDocuments: 5, maxBytes: 1 << 20, read: source.read)
        for k in 0..<100 {
            guard let b = stream.next() else { Issue.record("the endless stream ended"); return }
            #expect(b.documents.map(\.info.id) == (0..<5).map { "doc\(5 * k + $0)" })
            #expect(source.produced <= 5 * (k + 1) + 1, "read ahead of the batch")
        }
    }

    @Test func aReadErrorEndsTheStreamAfterTheDocumentsBeforeIt() {
        let text = Array((Self.line("a", "x") + "\n" + Self.line("b", "y") + "\n").utf8)
        var calls = 0
        var stream = DocumentStream(source: "<stdin>", date: nil, maxDocuments: 10, maxBytes: 1 << 20) { buffer in
            calls += 1
            if calls > 1 { throw CorpusProblem(source: "<stdin>", message: "read failed: Input/output error") }
            for (k, b) in text.enumerated() { buffer[k] = b }
            return text.count
        }
        let b = stream.next()
        #expect(b?.documents.map(\.info.id) == ["a", "b"])
        #expect(stream.next() == nil)
        #expect(stream.readFailure?.description == "<stdin>: read failed: Input/output error")
    }
}
