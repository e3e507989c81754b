import KnowledgeGraph
import XMLSupport

/// GraphML through libxml2's streaming writer.
///
/// Nodes are entities, edges are the statements that are not negated (hypothetical ones carry
/// their modality). A symmetric relation is one edge with `symmetric` true (networkx refuses
/// per-edge `directed="false"` in a directed graph). Keys have semantic ids and an `attr.type` each.
/// Colours are also plain data (`color`, "#RRGGBB", and `r`, `g`, `b`, on nodes by actor type and
/// on edges by QuadClass), which Gephi applies on import (by key id, else `attr.name`) and
/// Cytoscape can map with a passthrough style. The standard flavour
/// validates against the GraphML XSD; the yEd flavour adds yFiles `nodegraphics` and
/// `edgegraphics` (labels, colours by actor type and QuadClass), which the plain XSD rejects.
public struct GraphMLSerializer: GraphSerializer {
    public var options: ExportOptions
    public var yFiles: Bool

    public init(options: ExportOptions, yFiles: Bool) {
        self.options = options
        self.yFiles = yFiles
    }

    struct Key {
        var id: String
        var domain: String
        var type: String
        /// `attr.name`, when it differs from the id (key ids are unique across nodes and edges).
        var name: String? = nil
    }

    static let keys: [Key] = [
        Key(id: "label", domain: "node", type: "string"),
        Key(id: "name", domain: "node", type: "string"),
        Key(id: "type", domain: "node", type: "string"),
        Key(id: "country", domain: "node", type: "string"),
        Key(id: "wikidata", domain: "node", type: "string"),
        Key(id: "color", domain: "node", type: "string"),
        Key(id: "r", domain: "node", type: "int"),
        Key(id: "g", domain: "node", type: "int"),
        Key(id: "b", domain: "node", type: "int"),
        Key(id: "relation", domain: "edge", type: "string"),
        Key(id: "edgelabel", domain: "edge", type: "string", name: "label"),
        Key(id: "interaction", domain: "edge", type: "string"),
        Key(id: "symmetric", domain: "edge", type: "boolean"),
        Key(id: "quadClass", domain: "edge", type: "int"),
        Key(id: "cameo", domain: "edge", type: "string"),
        Key(id: "goldstein", domain: "edge", type: "double"),
        Key(id: "weight", domain: "edge", type: "int"),
        Key(id: "edgecolor", domain: "edge", type: "string", name: "color"),
        Key(id: "edge_r", domain: "edge", type: "int", name: "r"),
        Key(id: "edge_g", domain: "edge", type: "int", name: "g"),
        Key(id: "edge_b", domain: "edge", type: "int", name: "b"),
        Key(id: "confidence", domain: "edge", type: "double"),
        Key(id: "modality", domain: "edge", type: "string"),
        Key(id: "evidence", domain: "edge", type: "string"),
        Key(id: "documents", domain: "edge", type: "string"),
        Key(id: "dates", domain: "edge", type: "string"),
        Key(id: "places", domain: "edge", type: "string"),
    ]

    /// The distinct event dates (ISO 8601, sorted) and places ("Name (CCC)", sorted) of a
    /// statement's mentions: an edge's `dates` and `places`, each omitted when empty.
    static func setting(of evidence: [Evidence]) -> (dates: [String], places: [String]) {
        let dates = Set(evidence.compactMap(\.eventDate)).sorted()
        let places = Set(evidence.compactMap { e in e.place.map { p in p.country.map { p.name + " (" + $0 + ")" } ?? p.name } }).sorted()
        return (dates, places)
    }

    /// Actor type colours (node fill).
    static func colour(_ t: ActorType) -> String {
        switch t {
        case .person: return "#F2C14E"
        case .country: return "#5DA5DA"
        case .organization: return "#B276B2"
        case .group: return "#B2B2B2"
        }
    }

    /// QuadClass colours: cooperation greens, conflict reds, structural grey.
    static func colour(quadClass q: Int) -> String {
        switch q {
        case 1: return "#4DAF4A"
        case 2: return "#1B7837"
        case 3: return "#F46D43"
        case 4: return "#D7191C"
        default: return "#808080"
        }
    }

    /// Writes a "#RRGGBB" colour as `color` and as the `r`, `g`, `b` integers older Gephi releases read.
    static func writeColour(_ w: XMLWriter, _ hex: String, keys: (String, String, String, String)) throws {
        try w.element("data", ["key": keys.0], text: hex)
        let v = Int(hex.dropFirst(), radix: 16) ?? 0
        try w.element("data", ["key": keys.1], text: "\((v >> 16) & 255)")
        try w.element("data", ["key": keys.2], text: "\((v >> 8) & 255)")
        try w.element("data", ["key": keys.3], text: "\(v & 255)")
    }

    /// `writeColour` with the names checked before and the colour's components computed once.
    static func writeColour(_ w: XMLWriter, _ colour: Colour, data: XMLName, key: XMLName, keys: (String, String, String, String)) throws {
        try w.element(data, key, keys.0, text: colour.hex)
        try w.element(data, key, keys.1, integer: colour.r)
        try w.element(data, key, keys.2, integer: colour.g)
        try w.element(data, key, keys.3, integer: colour.b)
    }

    /// A "#RRGGBB" colour and its components.
    struct Colour {
        let hex: String
        let r: Int, g: Int, b: Int
        init(_ hex: String) {
            self.hex = hex
            let v = Int(hex.dropFirst(), radix: 16) ?? 0
            r = (v >> 16) & 255
            g = (v >> 8) & 255
            b = v & 255
        }
    }

    /// An XML-safe node id (NMTOKEN): "n-" + the key with anything else percent-like escaped.
    static func nodeID(_ key: String) -> String {
        var out = "n-"
        for u in key.unicodeScalars {
            if (u.isASCII && (u.properties.isAlphabetic || ("0"..."9").contains(u))) || u == "-" || u == "_" || u == "." {
                out.unicodeScalars.append(u)
            } else {
                out += "_\(String(u.value, radix: 16))_"
            }
        }
        return out
    }

    public func write(_ graph: Graph, to sink: ByteSink) throws {
        do {
            let w = try XMLWriter(sink: sink, chunked: !XMLExportMode.perCall)
            try w.startDocument()
            try w.startElement("graphml")
            try w.attribute("xmlns", "http://graphml.graphdrawing.org/xmlns")
            try w.attribute("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance")
            if yFiles { try w.attribute("xmlns:y", "http://www.yworks.com/xml/graphml") }
            try w.attribute("xsi:schemaLocation", "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd")
            try w.comment(" generated by \(options.generator) ")
            try w.element("key", ["id": "sources", "for": "graph", "attr.name": "sources", "attr.type": "string"])
            try w.element("key", ["id": "generator", "for": "graph", "attr.name": "generator", "attr.type": "string"])
            for k in Self.keys {
                try w.element("key", ["id": k.id, "for": k.domain, "attr.name": k.name ?? k.id, "attr.type": k.type])
            }
            if yFiles {
                try w.element("key", ["id": "nodegraphics", "for": "node", "yfiles.type": "nodegraphics"])
                try w.element("key", ["id": "edgegraphics", "for": "edge", "yfiles.type": "edgegraphics"])
            }
            try w.startElement("graph")
            try w.attribute("id", "kg")
            try w.attribute("edgedefault", "directed")
            try w.element("data", ["key": "sources"], text: graph.documents.map(\.id).sorted().joined(separator: " "))
            try w.element("data", ["key": "generator"], text: options.generator)

            let data = try XMLName("data"), key = try XMLName("key")
            let nodeName = try XMLName("node"), edgeName = try XMLName("edge"), idName = try XMLName("id")
            let sourceName = try XMLName("source"), targetName = try XMLName("target")
            let order = ExportOrder(graph)
            // Node ids and colours computed once per entity and relation, not per edge.
            let nodeIDs = graph.entities.map { Self.nodeID($0.key) }
            var typeColours: [ActorType: Colour] = [:]
            for t in Set(graph.entities.map(\.type)) { typeColours[t] = Colour(Self.colour(t)) }
            let relations = graph.vocabulary.relations
            let edgeColours = relations.map { Colour(Self.colour(quadClass: $0.quadClass)) }
            let goldsteins = relations.map { $0.goldstein.map(decimal) }

            for id in order.entityIDs {
                let e = graph[id]
                try w.startElement(nodeName)
                try w.attribute(idName, nodeIDs[Int(id.raw)])
                try w.element(data, key, "label", text: e.label)
                try w.element(data, key, "name", text: e.label)
                try w.element(data, key, "type", text: e.type.rawValue)
                if let c = e.country { try w.element(data, key, "country", text: c) }
                if let q = e.wikidata { try w.element(data, key, "wikidata", text: q) }
                try Self.writeColour(w, typeColours[e.type] ?? Colour(Self.colour(e.type)), data: data, key: key, keys: ("color", "r", "g", "b"))
                if yFiles {
                    try w.startElement("data")
                    try w.attribute("key", "nodegraphics")
                    try w.startElement("y:ShapeNode")
                    try w.element("y:Geometry", ["height": "30.0", "width": "\(max(60, e.label.count * 8)).0"])
                    try w.element("y:Fill", ["color": Self.colour(e.type), "transparent": "false"])
                    try w.element("y:NodeLabel", text: e.label)
                    try w.element("y:Shape", ["type": e.type == .person ? "ellipse" : "roundrectangle"])
                    try w.endElement()
                    try w.endElement()
                }
                try w.endElement()
            }

            var n = 0
            for s in order.statements where !s.negated {
                let ri = Int(s.relation.raw)
                let r = relations[ri]
                n += 1
                try w.startElement(edgeName)
                try w.attribute(idName, "e" + String(n))
                try w.attribute(sourceName, nodeIDs[Int(s.subject.raw)])
                try w.attribute(targetName, nodeIDs[Int(s.object.raw)])
                try w.element(data, key, "relation", text: r.name)
                try w.element(data, key, "edgelabel", text: r.name)
                try w.element(data, key, "interaction", text: r.name)
                try w.element(data, key, "symmetric", text: r.symmetric ? "true" : "false")
                try w.element(data, key, "quadClass", integer: r.quadClass)
                if !r.cameo.isEmpty { try w.element(data, key, "cameo", text: r.cameo) }
                if let g = goldsteins[ri] { try w.element(data, key, "goldstein", text: g) }
                try w.element(data, key, "weight", integer: s.weight)
                try Self.writeColour(w, edgeColours[ri], data: data, key: key, keys: ("edgecolor", "edge_r", "edge_g", "edge_b"))
                try w.element(data, key, "confidence", text: decimal(s.confidence))
                try w.element(data, key, "modality", text: s.modality.rawValue)
                // "document: quote" per mention, one a line, written piece by piece.
                try w.startElement(data)
                try w.attribute(key, "evidence")
                var first = true
                for e in s.evidence.sorted(by: { ($0.document, $0.start) < ($1.document, $1.start) }) {
                    if !first { try w.text("\n") }
                    first = false
                    try w.text(graph.documents[e.document].id)
                    try w.text(": ")
                    try w.text(e.quote)
                }
                if first { try w.text("") }
                try w.endElement()
                try w.startElement(data)
                try w.attribute(key, "documents")
                first = true
                for d in s.documents {
                    if !first { try w.text(" ") }
                    first = false
                    try w.text(graph.documents[d].id)
                }
                if first { try w.text("") }
                try w.endElement()
                let setting = Self.setting(of: s.evidence)
                if !setting.dates.isEmpty { try w.element(data, key, "dates", text: setting.dates.joined(separator: " ")) }
                if !setting.places.isEmpty { try w.element(data, key, "places", text: setting.places.joined(separator: "; ")) }
                if yFiles {
                    try w.startElement("data")
                    try w.attribute("key", "edgegraphics")
                    try w.startElement("y:PolyLineEdge")
                    try w.element("y:LineStyle", ["color": Self.colour(quadClass: r.quadClass), "type": s.modality == .asserted ? "line" : "dashed",
                                                  "width": "\(min(5, s.weight)).0"])
                    try w.element("y:Arrows", ["source": "none", "target": r.symmetric ? "none" : "standard"])
                    try w.element("y:EdgeLabel", text: r.name)
                    try w.endElement()
                    try w.endElement()
                }
                try w.endElement()
            }
            try w.endElement()
            try w.endElement()
            try w.endDocument()
        } catch {
            sink.abandon()
            throw error
        }
    }
}
