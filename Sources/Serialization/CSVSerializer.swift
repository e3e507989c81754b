import KnowledgeGraph
import XMLSupport

/// CSV in the spirit of GDELT's event table, for pandas, R and spreadsheets (RFC 4180).
///
/// One row per statement per document, like the JSON Lines export, in the same order. Columns:
/// `date, Actor1Code, Actor1Name, Actor1CountryCode, Actor1Type, EventCode, EventRootCode,
/// QuadClass, GoldsteinScale, relation, Actor2Code, Actor2Name, Actor2CountryCode, Actor2Type,
/// NumMentions, confidence, negated, modality, document, SourceURL, sentence, SQLDATE, EventDate,
/// ActionGeo_FullName, ActionGeo_CountryCode, EventId, Actor1Id, Actor2Id` — `ActorNCode` is the
/// CAMEO actor code as GDELT has it, of the actor as the first mention in that document names it
/// ("Sudanese forces": "SDNMIL"; else the entity's, "RUS", "RUSGOV", "IGOUNO"; empty when unknown),
/// `ActorNId` kg's entity id, `EventCode` the CAMEO code (text: read it as a string to keep its
/// leading zero, e.g. `dtype={"EventCode": str}`), `sentence` the first mention in that document;
/// then that mention's event: `SQLDATE` (GDELT's event day, YYYYMMDD, empty unless the date is a
/// whole day), `EventDate` (ISO 8601: a day, month, year or week), `ActionGeo_FullName` and
/// `ActionGeo_CountryCode` (where it happened, if the sentence says) and `EventId`. `date` is the
/// document's date.
/// Negated and hypothetical statements are rows too, flagged by `negated` and `modality`.
///
/// Records end with CRLF; a field with a comma, a quote, CR or LF is quoted, quotes doubled.
public struct CSVSerializer: GraphSerializer {
    public var options: ExportOptions

    public init(options: ExportOptions) { self.options = options }

    public static let columns = [
        "date", "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1Type", "EventCode", "EventRootCode",
        "QuadClass", "GoldsteinScale", "relation", "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2Type",
        "NumMentions", "confidence", "negated", "modality", "document", "SourceURL", "sentence",
        "SQLDATE", "EventDate", "ActionGeo_FullName", "ActionGeo_CountryCode", "EventId", "Actor1Id", "Actor2Id",
    ]

    public func write(_ graph: Graph, to sink: ByteSink) throws {
        do {
            try sink.write(Self.record(Self.columns))
            for s in graph.sortedStatements {
                let r = graph.vocabulary[s.relation]
                let a = graph[s.subject], b = graph[s.object]
                for doc in s.documents {
                    let mentions = s.evidence.filter { $0.document == doc }.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
                    var miss = 1.0
                    for m in mentions { miss *= 1 - min(max(m.confidence, 0), 1) }
                    let d = graph.documents[doc]
                    let first = mentions.first
                    let eventDate = first?.eventDate ?? ""
                    try sink.write(Self.record([
                        d.date ?? "", first?.subjectCode ?? a.code ?? "", a.label, a.country ?? "", a.type.rawValue,
                        r.cameo, String(r.cameo.prefix(2)), "\(r.quadClass)", r.goldstein.map(decimal) ?? "", r.name,
                        first?.objectCode ?? b.code ?? "", b.label, b.country ?? "", b.type.rawValue,
                        "\(mentions.count)", decimal(1 - miss), s.negated ? "true" : "false", s.modality.rawValue,
                        d.id, d.url ?? "", first?.quote ?? "",
                        eventDate.utf8.count == 10 ? eventDate.replacingOccurrences(of: "-", with: "") : "", eventDate,
                        first?.place?.name ?? "", first?.place?.country ?? "", first.map { EventID.of($0, of: s, in: graph) } ?? "",
                        a.key, b.key,
                    ]))
                }
            }
            try sink.finish()
        } catch {
            sink.abandon()
            throw error
        }
    }

    /// One RFC 4180 record, CRLF-terminated.
    static func record(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    /// A field, quoted when it holds a comma, a double quote, CR or LF (quotes doubled).
    static func field(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        var out = "\""
        for u in s.unicodeScalars {
            if u == "\"" { out += "\"\"" } else { out.unicodeScalars.append(u) }
        }
        return out + "\""
    }
}
