import Extraction
import Foundation

/// JSON Lines documents read from a byte stream (standard input, a pipe) in bounded batches,
/// so an unbounded stream is extracted in bounded memory and each batch can be written out
/// before the input ends.
///
/// A batch holds at most `maxDocuments` lines (documents and bad lines) and at most `maxBytes`
/// bytes of them — a line longer than that is a batch on its own — and ends early only at the
/// end of the input. Where a batch ends depends only on the input and the two limits, never on
/// timing, so output built batch by batch is deterministic. Besides the batch, only the line
/// being read and one read chunk (64 KiB) are held.
///
/// Lines are parsed as `DocumentReader.readJSONLines` parses them; a bad line is reported in
/// its batch as `SOURCE:LINE: message`, with its line number in the whole stream.
public struct DocumentStream {
    public let source: String
    public let date: String?
    public let maxDocuments: Int
    public let maxBytes: Int
    /// Fills the buffer with up to its size in bytes; returns the count, 0 at the end.
    private let readChunk: (UnsafeMutableRawBufferPointer) throws -> Int
    private var pending: [UInt8] = []
    /// The buffer each read fills.
    private var scratch = [UInt8](repeating: 0, count: DocumentStream.chunkSize)
    /// Where the next line starts in `pending` (what is before it has been read).
    private var head = 0
    /// Bytes of `pending` already scanned for a newline.
    private var scanned = 0
    private var lineNumber = 0
    /// A line read but left for the next batch (it would have made this one too large).
    private var held: (Int, Int)?
    private var ended = false
    /// Bytes read from the input so far.
    public private(set) var bytesRead = 0

    public static let defaultMaxDocuments = 500
    public static let defaultMaxBytes = 8 << 20
    static let chunkSize = 1 << 16

    /// - Parameter read: fills the buffer with up to its size in bytes and returns how many; 0
    ///   at the end of the input. An error ends the stream with a problem.
    public init(source: String, date: String?, maxDocuments: Int = defaultMaxDocuments, maxBytes: Int = defaultMaxBytes,
                read: @escaping (UnsafeMutableRawBufferPointer) throws -> Int) {
        self.source = source
        self.date = date
        self.maxDocuments = max(1, maxDocuments)
        self.maxBytes = max(1, maxBytes)
        self.readChunk = read
    }

    /// A stream of a file descriptor (standard input is 0), read with `read(2)`.
    public static func descriptor(_ fd: Int32, source: String = "<stdin>", date: String?,
                                  maxDocuments: Int = defaultMaxDocuments, maxBytes: Int = defaultMaxBytes) -> DocumentStream {
        DocumentStream(source: source, date: date, maxDocuments: maxDocuments, maxBytes: maxBytes) { buffer in
            while true {
                let n = Glibc.read(fd, buffer.baseAddress, buffer.count)
                if n >= 0 { return n }
                if errno == EINTR { continue }
                throw CorpusProblem(source: source, message: "read failed: \(String(cString: strerror(errno)))")
            }
        }
    }

    /// The next batch of documents and problems, or nil when the input is over.
    public mutating func next() -> CorpusBatch? {
        var batch = CorpusBatch()
        var lines = 0, bytes = 0
        while lines < maxDocuments {
            let range: (Int, Int)
            if let h = held {
                range = h
                held = nil
            } else {
                guard let r = nextLine() else { break }
                range = r
            }
            let (start, end) = range
            let blank = pending[start..<end].allSatisfy { $0 == 32 || $0 == 9 || $0 == 13 }
            if !blank && lines > 0 && bytes + (end - start) > maxBytes {
                held = range
                break
            }
            lineNumber += 1
            if !blank {
                lines += 1
                bytes += end - start
                let result = pending.withUnsafeBufferPointer { all in
                    DocumentReader.parseDocumentLine(UnsafeBufferPointer(rebasing: all[start..<end]), date: date)
                }
                switch result {
                case .success(let d): batch.documents.append(d)
                case .failure(let e): batch.problems.append(CorpusProblem(source: source, line: lineNumber, message: e.message))
                }
            }
            consume(upTo: min(end + 1, pending.count))
        }
        if batch.documents.isEmpty && batch.problems.isEmpty { return nil }
        return batch
    }

    /// The next line as a range of `pending` (without its newline), reading more as needed;
    /// nil at the end of the input. A last line without a newline counts.
    private mutating func nextLine() -> (Int, Int)? {
        while true {
            if let nl = pending[scanned...].firstIndex(of: 10) {
                scanned = nl + 1
                return (head, nl)
            }
            scanned = pending.count
            if ended {
                if head == pending.count { return nil }
                return (head, pending.count)
            }
            // Drop the lines already read before reading more.
            if head > 0 {
                pending.removeFirst(head)
                scanned -= head
                head = 0
            }
            var n = 0
            var failure: CorpusProblem?
            scratch.withUnsafeMutableBytes { raw in
                do {
                    n = try readChunk(raw)
                } catch let e as CorpusProblem {
                    failure = e
                } catch {
                    failure = CorpusProblem(source: source, message: "read failed: \(error)")
                }
            }
            n = max(0, min(n, scratch.count))
            pending.append(contentsOf: scratch[0..<n])
            bytesRead += n
            if let failure {
                readFailure = failure
                ended = true
            } else if n == 0 {
                ended = true
            }
        }
    }

    /// Marks `pending` up to `n` as read.
    private mutating func consume(upTo n: Int) {
        head = n
        if scanned < head { scanned = head }
    }

    /// A read error that ended the stream early, if any.
    public private(set) var readFailure: CorpusProblem?
}
