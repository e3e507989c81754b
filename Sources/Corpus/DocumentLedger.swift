import Extraction
import KnowledgeGraph

/// The documents already read, by id, so that a document is never counted twice.
///
/// The rule every command shares (extract, merge, query over several inputs): a document with
/// the id and the content digest of one already read is the same document and is skipped; the
/// same id with other content is another document, kept under the first free id `ID~2`,
/// `ID~3`, … with a warning naming both sources. Without digests (exports of older kg versions)
/// two documents are the same when their title, date and URL agree.
public struct DocumentLedger: Sendable {
    private struct Entry: Sendable {
        var info: DocumentInfo
        var source: String
    }

    private var entries: [String: Entry] = [:]

    public init() {}

    /// What to do with a document.
    public enum Decision: Sendable, Equatable {
        /// A new document: add it (under its own id).
        case add
        /// The same document as one read from `source`: skip it.
        case duplicate(of: String)
        /// Another document with a taken id: add it as `newID`; `source` read the first one.
        case rename(to: String, conflictsWith: String)
    }

    /// Records a document (nothing is recorded for a duplicate).
    /// - Complexity: O(1) on average, O(k) for the k-th document of one id.
    public mutating func admit(_ info: DocumentInfo, source: String) -> Decision {
        guard let first = entries[info.id] else {
            entries[info.id] = Entry(info: info, source: source)
            return .add
        }
        if Self.sameContent(first.info, info) { return .duplicate(of: first.source) }
        var n = 2
        while true {
            let id = "\(info.id)~\(n)"
            if let other = entries[id] {
                if Self.sameContent(other.info, info) { return .duplicate(of: other.source) }
            } else {
                var renamed = info
                renamed.id = id
                entries[id] = Entry(info: renamed, source: source)
                return .rename(to: id, conflictsWith: first.source)
            }
            n += 1
        }
    }

    /// Admits a document: the info to add (renamed when its id is taken by other content), or
    /// nil for a duplicate; and the warning to give, if any.
    public mutating func resolve(_ info: DocumentInfo, source: String) -> (info: DocumentInfo?, warning: CorpusProblem?) {
        let decision = admit(info, source: source)
        let warning = Self.message(decision, id: info.id, source: source)
        switch decision {
        case .add: return (info, warning)
        case .duplicate: return (nil, warning)
        case .rename(let id, _):
            var renamed = info
            renamed.id = id
            return (renamed, warning)
        }
    }

    /// The documents of `documents` (read from `source`) to keep, each renamed where its id is
    /// taken by other content, and a problem for each skipped or renamed one.
    /// - Parameter message: the wording of a decision (default: `message(_:id:source:)`).
    public mutating func admit(_ documents: [SourceDocument], source: String,
                               message: (Decision, String) -> CorpusProblem? = { _, _ in nil })
        -> (documents: [SourceDocument], problems: [CorpusProblem]) {
        var kept: [SourceDocument] = []
        var problems: [CorpusProblem] = []
        for var d in documents {
            let decision = admit(d.info, source: source)
            if let p = message(decision, d.info.id) ?? Self.message(decision, id: d.info.id, source: source) { problems.append(p) }
            switch decision {
            case .add: kept.append(d)
            case .rename(let id, _):
                d.info.id = id
                kept.append(d)
            case .duplicate: continue
            }
        }
        return (kept, problems)
    }

    /// Same content digest; without one on either side, the same title, date and URL.
    static func sameContent(_ a: DocumentInfo, _ b: DocumentInfo) -> Bool {
        if let x = a.digest, let y = b.digest { return x == y }
        return a.title == b.title && a.date == b.date && a.url == b.url
    }

    /// The warning for a decision, or nil for `.add`.
    public static func message(_ decision: Decision, id: String, source: String) -> CorpusProblem? {
        switch decision {
        case .add:
            return nil
        case .duplicate(let first):
            let whence = first == source ? "earlier in the same input" : "from \(first)"
            return CorpusProblem(source: source, message: "document '\(id)' is already read (\(whence)) with the same content: not counted twice", isWarning: true)
        case .rename(let newID, let first):
            return CorpusProblem(source: source, message: "document '\(id)' has other content than the document '\(id)' from \(first): both kept, this one as '\(newID)'", isWarning: true)
        }
    }
}
