import Extraction
import Foundation
import KnowledgeGraph

/// Extracts many documents on several threads into one graph, deterministically.
///
/// Each document is extracted on its own into a small per-document graph, concurrently; the
/// results are merged into the corpus graph strictly in input order (`Graph.merge`), so the
/// graph — and every export of it — is the same whatever the number of jobs or the scheduling.
public struct ParallelExtraction: Sendable {
    public let extractor: Extractor
    public let vocabulary: RelationVocabulary
    /// The number of worker threads (≥ 1).
    public let jobs: Int

    public init(extractor: Extractor, vocabulary: RelationVocabulary, jobs: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.extractor = extractor
        self.vocabulary = vocabulary
        self.jobs = max(1, jobs)
    }

    /// The graph of one document alone.
    public func graph(of document: SourceDocument) -> Graph {
        var g = Graph(vocabulary: vocabulary)
        extractor.extract(document, into: &g)
        return g
    }

    /// Extracts `documents` into `graph`, in input order.
    /// - Parameter progress: called on the calling thread after each document is merged, with
    ///   the number of documents done.
    /// - Complexity: O(total text) work spread over `jobs` threads; memory for at most
    ///   `64 × jobs` per-document graphs waiting to be merged.
    public func extract(_ documents: [SourceDocument], into graph: inout Graph, progress: (Int) -> Void = { _ in }) {
        var done = 0
        // One job: straight into the graph. Adding a document's statements directly gives the
        // graph merging its own graph would (same entity, statement and mention order), without
        // building and re-hashing a graph per document.
        if jobs == 1 || documents.count <= 1 {
            for d in documents {
                extractor.extract(d, into: &graph)
                done += 1
                progress(done)
            }
            return
        }
        orderedMap(count: documents.count, jobs: jobs, { self.graph(of: documents[$0]) }) { _, g in
            graph.merge(g)
            done += 1
            progress(done)
        }
    }
}

/// Computes `transform(i)` for `i` in `0..<count` on `jobs` threads and hands each result to
/// `consume` on the calling thread in index order, as soon as it and all before it are ready.
///
/// At most `window` results wait for `consume` at any time (workers pause beyond that), so
/// memory stays bounded when consumption is slower than production.
public func orderedMap<T: Sendable>(count: Int, jobs: Int, window: Int? = nil,
                                    _ transform: @escaping @Sendable (Int) -> T,
                                    consume: (Int, T) -> Void) {
    let jobs = max(1, min(jobs, count))
    if jobs <= 1 {
        for i in 0..<count { consume(i, transform(i)) }
        return
    }
    let state = OrderedMapState<T>(count: count, workers: jobs, window: window ?? 64 * jobs)
    var threads: [Thread] = []
    for _ in 0..<jobs {
        let t = Thread {
            while let i = state.claim() {
                state.store(i, transform(i))
            }
            state.workerDone()
        }
        t.stackSize = 8 << 20
        threads.append(t)
        t.start()
    }
    for i in 0..<count {
        consume(i, state.take(i))
    }
    state.waitForWorkers()
}

/// The shared state of `orderedMap`: a claim counter, result slots and one condition.
final class OrderedMapState<T>: @unchecked Sendable {
    private let condition = NSCondition()
    private var slots: [T?]
    private var nextClaim = 0
    private var consumed = 0
    private var finished = 0
    private let workers: Int
    private let window: Int

    init(count: Int, workers: Int, window: Int) {
        slots = Array(repeating: nil, count: count)
        self.workers = workers
        self.window = max(1, window)
    }

    func claim() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while nextClaim < slots.count && nextClaim - consumed >= window { condition.wait() }
        guard nextClaim < slots.count else { return nil }
        nextClaim += 1
        return nextClaim - 1
    }

    func store(_ i: Int, _ value: T) {
        condition.lock()
        slots[i] = value
        condition.broadcast()
        condition.unlock()
    }

    func take(_ i: Int) -> T {
        condition.lock()
        defer { condition.unlock() }
        while slots[i] == nil { condition.wait() }
        let v = slots[i]!
        slots[i] = nil
        consumed = i + 1
        condition.broadcast()
        return v
    }

    func workerDone() {
        condition.lock()
        finished += 1
        condition.broadcast()
        condition.unlock()
    }

    func waitForWorkers() {
        condition.lock()
        defer { condition.unlock() }
        while finished < workers { condition.wait() }
    }
}
