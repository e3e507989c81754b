/// The stable id of one mention of a statement (an event, in the event-data sense): the same
/// input gives the same id on every machine and every run, and two mentions differ in it.
public enum EventID {
    /// `ev-` and 16 hex digits of SHA-256 over the document id, the mention's offsets and the
    /// statement (subject key, relation, object key, polarity, modality).
    /// - Complexity: O(n) in the length of the ids.
    public static func of(document: String, start: Int, end: Int, subject: String, relation: String, object: String,
                          negated: Bool, modality: Modality) -> String {
        let text = "\(document)\t\(start)\t\(end)\t\(subject)\t\(relation)\t\(object)\t\(negated)\t\(modality.rawValue)"
        let hex = Array("0123456789abcdef".utf8)
        var out = Array("ev-".utf8)
        for b in SHA256.digest(text.utf8).prefix(8) {
            out.append(hex[Int(b >> 4)])
            out.append(hex[Int(b & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The id of `evidence` of statement `s` in `graph`.
    public static func of(_ evidence: Evidence, of s: Statement, in graph: Graph) -> String {
        of(document: graph.documents[evidence.document].id, start: evidence.start, end: evidence.end,
           subject: graph[s.subject].key, relation: graph.vocabulary[s.relation].name, object: graph[s.object].key,
           negated: s.negated, modality: s.modality)
    }
}
