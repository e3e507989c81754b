import Foundation
import KnowledgeGraph
import XMLSupport

extension Ontology {
    static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    static let rdfs = "http://www.w3.org/2000/01/rdf-schema#"
    static let owl = "http://www.w3.org/2002/07/owl#"

    /// Loads an ontology folder: `kg.owl`, `lexicon.tsv` (and `lexicon-cameo.tsv` if present), `titles.tsv`, `cues.tsv`,
    /// `irregular-verbs.tsv` (and `irregular-verbs-cameo.tsv` if present), `abbreviations.txt` and every `gazetteer/*.tsv`.
    /// - Throws: `OntologyError` or `XMLError` naming the file and line.
    /// What to load: everything (extraction), or only what reading a graph needs (`graphs`: the
    /// relations, the hand-made gazetteer for names, titles and cues; not the lexicons, the
    /// places, nor the dictionaries converted from PETRARCH, whose names a graph carries itself).
    public enum Scope: Sendable {
        case full, graphs
    }

    public static func load(directory: String, scope: Scope = .full) throws -> Ontology {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDir), isDir.boolValue else {
            throw OntologyError(file: directory, message: "no such ontology folder")
        }
        let dir = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        let (namespace, relations) = try loadRelations("\(dir)/kg.owl")
        var gazetteer = try loadGazetteer("\(dir)/gazetteer", converted: scope == .full)
        try applyCodes("\(dir)/gazetteer/\(GazetteerRules.codesFile)", to: &gazetteer)
        let titles = try TSV.read("\(dir)/titles.tsv", required: ["title", "role", "leader"]).map {
            Title(phrase: $0["title"], role: $0["role"], leader: $0["leader"] == "yes",
                  defaultOf: $0["default"].isEmpty ? nil : $0["default"])
        }
        var offices: [Office] = []
        let officeFile = "\(dir)/gazetteer/offices.tsv"
        if FileManager.default.fileExists(atPath: officeFile) {
            var types: [String: ActorType] = [:]
            for e in gazetteer { types[e.entity.key] = e.entity.type }
            offices = try GazetteerRules.loadOffices(officeFile, types: types, roles: Set(titles.map(\.role)))
        }
        var roles: [ActorRole] = []
        let names = scope == .full ? (try? FileManager.default.contentsOfDirectory(atPath: "\(dir)/gazetteer")) ?? [] : []
        for name in names.sorted() where GazetteerRules.isRoleFile(name) {
            roles += try GazetteerRules.loadRoles("\(dir)/gazetteer/\(name)", gazetteer: gazetteer)
        }
        let agents = scope == .full ? try loadAgents("\(dir)/agents.tsv") : []
        var lexicon = scope == .full ? try loadLexicon("\(dir)/lexicon.tsv", relations: relations) : []
        // The field's CAMEO verb dictionary, converted by scripts/data/convert-cameo-verbs.py:
        // kg's own entries win where both have the same words and part of speech.
        let cameoFile = "\(dir)/lexicon-cameo.tsv"
        if scope == .full, FileManager.default.fileExists(atPath: cameoFile) {
            let own = Set(lexicon.map { "\($0.pos.rawValue) \($0.words.joined(separator: " "))" })
            lexicon += try loadLexicon(cameoFile, relations: relations)
                .filter { !own.contains("\($0.pos.rawValue) \($0.words.joined(separator: " "))") }
        }
        let cues = try TSV.read("\(dir)/cues.tsv", required: ["category", "phrase", "value"]).map { row in
            // A misspelt category would silently switch a rule off.
            guard Cue.categories.contains(row["category"]) else {
                throw row.error("unknown cue category '\(row["category"])' (known: \(Cue.categories.sorted().joined(separator: ", ")))")
            }
            // A state noun's role joins a country's CAMEO code ("RUS" + "MIL"): codes of three letters.
            if row["category"] == "state-noun", !row["value"].isEmpty,
               !(row["value"].utf8.count % 3 == 0 && row["value"].utf8.allSatisfy({ (65...90).contains($0) })) {
                throw row.error("state-noun '\(row["phrase"])': role '\(row["value"])' is not a CAMEO code (three capital letters, or six: MIL, GOV, COP)")
            }
            // A consequence announced for someone is an act of one relation against them.
            if row["category"] == "consequence" {
                guard relations.id(row["value"]) != nil, (1...2).contains(row["phrase"].split(separator: " ").count) else {
                    throw row.error("consequence '\(row["phrase"])': needs a verb and at most one complement, and a relation of kg.owl as its value, not '\(row["value"])'")
                }
            }
            // An act thanked for is one of a relation of kg.owl.
            if row["category"] == "thanked-act", relations.id(row["value"]) == nil || row["phrase"].contains(" ") {
                throw row.error("thanked-act '\(row["phrase"])': needs one preposition, and a relation of kg.owl as its value, not '\(row["value"])'")
            }
            // A light verb's phrase names the relation of its event nouns: "signsAgreementWith:to|on".
            if row["category"] == "light-verb-phrase" {
                let parts = row["value"].split(separator: ":", maxSplits: 1).map(String.init)
                guard parts.count == 2, relations.id(parts[0]) != nil, !parts[1].isEmpty else {
                    throw row.error("light-verb-phrase '\(row["phrase"])': value '\(row["value"])' is not RELATION:PREPOSITIONS with a relation of kg.owl")
                }
            }
            return Cue(category: row["category"], words: row["phrase"].lowercased().split(separator: " ").map(String.init), value: row["value"])
        }
        var irregular: [String: [String]] = [:]
        for name in ["irregular-verbs-cameo.tsv", "irregular-verbs.tsv"] where name == "irregular-verbs.tsv" || FileManager.default.fileExists(atPath: "\(dir)/\(name)") {
            // kg's own table is read last, so its forms win.
            for row in try TSV.read("\(dir)/\(name)", required: ["lemma", "third", "past", "participle", "gerund"]) {
                irregular[row["lemma"]] = [row["third"], row["past"], row["participle"], row["gerund"]]
            }
        }
        let abbreviationsText = try String(contentsOfFile: "\(dir)/abbreviations.txt", encoding: .utf8)
        let abbreviations = Set(abbreviationsText.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") })
        let countries = Set(gazetteer.lazy.filter { $0.entity.type == .country }.map(\.entity.key))
        var ontology = Ontology(namespace: namespace, relations: relations, gazetteer: gazetteer, offices: offices,
                                roles: roles, agents: agents, titles: titles, lexicon: lexicon, cues: cues, irregularVerbs: irregular,
                                abbreviations: abbreviations, places: scope == .full ? try loadPlaces("\(dir)/places.tsv", countries: countries) : [],
                                directory: dir)
        let givenFile = "\(dir)/given-names.tsv"
        if scope == .full, FileManager.default.fileExists(atPath: givenFile) {
            ontology.givenNames = Set(try TSV.read(givenFile, required: ["name", "people"]).map { row in
                guard row["name"].first?.isUppercase == true, row["name"].allSatisfy(\.isLetter) else {
                    throw row.error("given name '\(row["name"])' is not one capitalized word")
                }
                return row["name"]
            })
        }
        return ontology
    }

    /// Reads a trigger lexicon (`lexicon.tsv`, `lexicon-cameo.tsv`): relation, trigger, pos,
    /// object, confidence, and optionally `cameo` (the CAMEO event code of the entry's pattern)
    /// and `source` (where the entry comes from, shown after the file's own line).
    /// - Throws: `OntologyError` with the line for an unknown relation, part of speech or a bad confidence.
    static func loadLexicon(_ path: String, relations: RelationVocabulary) throws -> [LexiconEntry] {
        let file = (path as NSString).lastPathComponent
        var lexicon: [LexiconEntry] = []
        for row in try TSV.read(path, required: ["relation", "trigger", "pos", "object", "confidence"]) {
            guard relations.id(row["relation"]) != nil else {
                throw row.error("unknown relation '\(row["relation"])' (not in kg.owl)")
            }
            guard let pos = PartOfSpeech(rawValue: row["pos"]) else {
                throw row.error("pos must be 'verb', 'noun', 'frame' or 'predicative', not '\(row["pos"])'")
            }
            guard let confidence = Double(row["confidence"]), (0...1).contains(confidence) else {
                throw row.error("confidence must be a number from 0 to 1, not '\(row["confidence"])'")
            }
            let cameo = row["cameo"]
            guard cameo.allSatisfy(\.isASCII) && cameo.allSatisfy(\.isNumber) else {
                throw row.error("cameo must be a CAMEO event code of digits, not '\(cameo)'")
            }
            guard pos != .frame || row["trigger"].split(separator: " ").count >= 2 else {
                throw row.error("a frame needs a verb and its object noun, not '\(row["trigger"])'")
            }
            guard pos != .predicative || row["trigger"].split(separator: " ").count == 2 else {
                throw row.error("a predicative entry is a verb and the word predicated of its object ('hold responsible'), not '\(row["trigger"])'")
            }
            let markers = row["object"].split(separator: "|", omittingEmptySubsequences: false)
                .map { $0 == "-" ? "" : String($0) }
            let origin = row["source"].isEmpty ? "" : " (\(row["source"]))"
            lexicon.append(LexiconEntry(relation: row["relation"], words: row["trigger"].lowercased().split(separator: " ").map(String.init),
                                        pos: pos, objectMarkers: markers, confidence: confidence,
                                        source: "\(file):\(row.line)\(origin)", cameo: cameo))
        }
        return lexicon
    }

    /// Reads `places.tsv` (name, country, population, geonames; `#` comments), if present: one
    /// pass over the bytes, since it has thousands of rows and every command loads the ontology.
    /// A place of a country the gazetteer does not have (a gazetteer of one's own) is left out.
    /// - Throws: `OntologyError` with the line for a bad header, a short row or an empty name.
    static func loadPlaces(_ path: String, countries: Set<String>) throws -> [PlaceEntry] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        var places: [PlaceEntry] = []
        places.reserveCapacity(data.count / 28)
        var header = true
        var number = 0
        for line in data.split(separator: 10, omittingEmptySubsequences: false) {
            number += 1
            if line.isEmpty || line.first == UInt8(ascii: "#") { continue }
            let cells = line.split(separator: 9, omittingEmptySubsequences: false)
            if header {
                guard cells.count >= 2, cells[0].elementsEqual("name".utf8), cells[1].elementsEqual("country".utf8) else {
                    throw OntologyError(file: path, line: number, message: "the header must start with name<TAB>country")
                }
                header = false
                continue
            }
            guard cells.count >= 2, !cells[0].isEmpty else {
                throw OntologyError(file: path, line: number, message: "a place needs a name and a country")
            }
            let country = String(decoding: cells[1], as: UTF8.self)
            guard countries.contains(country) else { continue }
            places.append(PlaceEntry(name: String(decoding: cells[0], as: UTF8.self), country: country))
        }
        return places
    }

    /// Reads the relations (owl:ObjectProperty) and their annotations from the OWL file.
    static func loadRelations(_ path: String) throws -> (String, RelationVocabulary) {
        let root = try XMLDocumentParser.parse(file: path)
        guard root.namespace == rdf, root.name == "RDF" else {
            throw OntologyError(file: path, line: root.line, message: "the root element must be rdf:RDF")
        }
        var namespace: String?
        var relations: [Relation] = []
        var rewriteLines: [String: Int] = [:]
        for node in root.children where node.namespace == owl && node.name == "ObjectProperty" {
            guard let iri = node.attribute(rdf, "about") else {
                throw OntologyError(file: path, line: node.line, message: "owl:ObjectProperty without rdf:about")
            }
            guard let hash = iri.lastIndex(where: { $0 == "#" || $0 == "/" }) else {
                throw OntologyError(file: path, line: node.line, message: "relation IRI '\(iri)' has no local name")
            }
            let ns = String(iri[...hash])
            let name = String(iri[iri.index(after: hash)...])
            guard XMLWriter.isName(name), !name.contains(":") else {
                throw OntologyError(file: path, line: node.line, message: "relation '\(name)' is not a valid XML name, so it cannot be an RDF/XML predicate")
            }
            if namespace == nil { namespace = ns }
            guard ns == namespace else {
                throw OntologyError(file: path, line: node.line, message: "relation '\(iri)' is outside the ontology namespace '\(namespace!)'")
            }
            func value(_ local: String) -> String? {
                node.children.first { $0.namespace == ns && $0.name == local }?.text.trimmingCharacters(in: .whitespacesAndNewlines)
            }
            let symmetric = node.children.contains {
                $0.namespace == rdf && $0.name == "type" && $0.attribute(rdf, "resource") == owl + "SymmetricProperty"
            }
            guard let quadText = value("quadClass"), let quad = Int(quadText), (0...4).contains(quad) else {
                throw OntologyError(file: path, line: node.line, message: "relation '\(name)' needs a kg:quadClass from 0 to 4")
            }
            var goldstein: Double?
            if let g = value("goldstein") {
                guard let v = Double(g), (-10...10).contains(v) else {
                    throw OntologyError(file: path, line: node.line, message: "relation '\(name)': kg:goldstein '\(g)' is not a number from -10 to 10")
                }
                goldstein = v
            }
            let label = node.children.first { $0.namespace == rdfs && $0.name == "label" }?.text ?? name
            let comment = node.children.first { $0.namespace == rdfs && $0.name == "comment" }?.text ?? ""
            /// The class of rdfs:domain or rdfs:range when it is one of the actor classes, nil for kg:Actor.
            func actorClass(_ local: String) throws -> ActorType? {
                guard let iri = node.children.first(where: { $0.namespace == rdfs && $0.name == local })?.attribute(rdf, "resource") else { return nil }
                guard iri.hasPrefix(ns) else { throw OntologyError(file: path, line: node.line, message: "relation '\(name)': rdfs:\(local) <\(iri)> is not a class of kg") }
                let cls = String(iri.dropFirst(ns.count))
                if cls == "Actor" { return nil }
                guard let type = ActorType(rawValue: cls) else {
                    throw OntologyError(file: path, line: node.line, message: "relation '\(name)': rdfs:\(local) '\(cls)' is not Actor, \(ActorType.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                return type
            }
            let cameoCodes = node.children.filter { $0.namespace == ns && $0.name == "cameoCode" }
                .map { $0.text.trimmingCharacters(in: .whitespacesAndNewlines) }
            var byCountry: String? = nil
            if let target = node.children.first(where: { $0.namespace == ns && $0.name == "byCountry" })?.attribute(rdf, "resource") {
                guard target.hasPrefix(ns) else {
                    throw OntologyError(file: path, line: node.line, message: "relation '\(name)': kg:byCountry <\(target)> is not a relation of kg")
                }
                byCountry = String(target.dropFirst(ns.count))
                rewriteLines[name] = node.line
            }
            relations.append(Relation(name: name, label: label, comment: comment, symmetric: symmetric, quadClass: quad,
                                      cameo: cameoCodes.first ?? "", cameoCodes: cameoCodes, plover: value("ploverCategory") ?? "",
                                      goldstein: goldstein, domain: try actorClass("domain"), range: try actorClass("range"),
                                      byCountry: byCountry, withOwnState: value("withOwnState") == "true",
                                      onPeopleOf: value("onPeopleOf") == "true", onPlaceIn: value("onPlaceIn") == "true",
                                      notOnRoles: Set(node.children.filter { $0.namespace == ns && $0.name == "notOnRole" }
                                          .map { $0.text.trimmingCharacters(in: .whitespacesAndNewlines) }),
                                      notByRoles: Set(node.children.filter { $0.namespace == ns && $0.name == "notByRole" }
                                          .map { $0.text.trimmingCharacters(in: .whitespacesAndNewlines) }),
                                      onNamedObject: value("onNamedObject") == "true"))
        }
        guard let namespace, !relations.isEmpty else {
            throw OntologyError(file: path, message: "no owl:ObjectProperty relations found")
        }
        let names = Set(relations.map(\.name))
        for r in relations {
            if let target = r.byCountry, !names.contains(target) {
                throw OntologyError(file: path, line: rewriteLines[r.name], message: "relation '\(r.name)': kg:byCountry '\(target)' is not a relation of kg.owl")
            }
        }
        return (namespace, RelationVocabulary(relations))
    }

    /// Reads every `*.tsv` of the gazetteer folder except `offices.tsv`, `cameo-codes.tsv` and
    /// the `*-roles.tsv` files, in name order, and
    /// checks them with `GazetteerRules`.
    /// - Parameter converted: also the files converted from PETRARCH (`petrarch-*.tsv`).
    static func loadGazetteer(_ dir: String, converted: Bool = true) throws -> [GazetteerEntry] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else {
            throw OntologyError(file: dir, message: "cannot list the gazetteer folder")
        }
        var entries: [GazetteerEntry] = []
        var rows: [TSVRow] = []
        var seen: [String: String] = [:]
        for name in names.sorted() where name.hasSuffix(".tsv") && name != "offices.tsv" && name != GazetteerRules.codesFile && !GazetteerRules.isRoleFile(name)
            && (converted || !name.hasPrefix("petrarch-")) {
            let path = "\(dir)/\(name)"
            let table = GazetteerRules.tables[name]
            for row in try TSV.read(path, required: ["id", "label", "type", "country", "aliases"], exactHeader: table?.header) {
                guard let type = ActorType(rawValue: row["type"]) else {
                    throw row.error("type must be Person, Country, Organization or Group, not '\(row["type"])'")
                }
                try GazetteerRules.check(row, type: type, table: table)
                let key = row["id"]
                guard key.utf8.allSatisfy({ (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0 | 0x20) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") }) else {
                    throw row.error("id '\(key)' must be ASCII letters, digits, '-' or '_'")
                }
                if let other = seen[key] { throw row.error("id '\(key)' is already used in \(other)") }
                seen[key] = "\(path):\(row.line)"
                let code = row["code"]
                if !code.isEmpty, !GazetteerRules.isCAMEOCode(code) {
                    throw row.error("code '\(code)' is not a CAMEO actor code (uppercase letters or digits in groups of three)")
                }
                let entity = Entity(key: key, label: row["label"], type: type, aliases: row.list("aliases"),
                                    country: row["country"].isEmpty ? nil : row["country"],
                                    wikidata: row["wikidata"].isEmpty ? nil : row["wikidata"],
                                    code: code.isEmpty ? nil : code)
                entries.append(GazetteerEntry(entity: entity, seats: row.list("seats"), demonyms: row.list("demonyms")))
                rows.append(row)
            }
        }
        try GazetteerRules.checkAcross(entries, rows: rows)
        return entries
    }

    /// Reads `gazetteer/cameo-codes.tsv` (optional; columns `id`, `code`) and gives each listed entity
    /// that has no code of its own that CAMEO actor code.
    /// - Throws: `OntologyError` for an unknown id, a repeated id or a malformed code.
    static func applyCodes(_ path: String, to gazetteer: inout [GazetteerEntry]) throws {
        guard FileManager.default.fileExists(atPath: path) else { return }
        var index: [String: Int] = [:]
        for (i, e) in gazetteer.enumerated() { index[e.entity.key] = i }
        var seen: Set<String> = []
        for row in try TSV.read(path, required: ["id", "code"]) {
            guard let i = index[row["id"]] else { throw row.error("unknown id '\(row["id"])' (not an id of the gazetteer)") }
            guard GazetteerRules.isCAMEOCode(row["code"]) else {
                throw row.error("code '\(row["code"])' is not a CAMEO actor code (uppercase letters or digits in groups of three)")
            }
            guard seen.insert(row["id"]).inserted else { throw row.error("'\(row["id"])' is listed twice") }
            if gazetteer[i].entity.code == nil { gazetteer[i].entity.code = row["code"] }
        }
    }

    /// Reads `agents.tsv` (optional): `agent`, `plural` (blank: none), `code` (CAMEO) and
    /// `position` (`after` or `before` the actor's code).
    static func loadAgents(_ path: String) throws -> [Agent] {
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        var agents: [Agent] = []
        var seen: [String: Int] = [:]
        for row in try TSV.read(path, required: ["agent", "plural", "code", "position"]) {
            guard GazetteerRules.isCAMEOCode(row["code"]) else {
                throw row.error("code '\(row["code"])' is not a CAMEO actor code (uppercase letters or digits in groups of three)")
            }
            guard row["position"] == "after" || row["position"] == "before" else {
                throw row.error("position must be 'after' or 'before', not '\(row["position"])'")
            }
            if let line = seen.updateValue(row.line, forKey: row["agent"]) { throw row.error("agent '\(row["agent"])' is already on line \(line)") }
            agents.append(Agent(noun: row["agent"], plural: row["plural"].isEmpty ? nil : row["plural"], code: row["code"],
                                before: row["position"] == "before"))
        }
        return agents
    }

    /// Finds the ontology folder: `explicit`, then `$KG_ONTOLOGY`, then `./ontology`, then an
    /// `ontology/` beside or above the executable (`BIN/ontology`, `BIN/../ontology`, …: an
    /// unpacked `kg.tgz` of scripts/spark/pack.sh), then the source checkout's.
    ///
    /// The executable is the running binary (`/proc/self/exe`) when the system says, so a kg
    /// found through `PATH` (argv[0] `kg`, no folder) still finds the ontology beside it;
    /// `executable` (argv[0]) comes next, as before.
    public static func locate(explicit: String? = nil, executable: String? = nil, sourceFile: String = #filePath) -> String? {
        if let explicit { return explicit }
        if let env = ProcessInfo.processInfo.environment["KG_ONTOLOGY"], !env.isEmpty { return env }
        let fm = FileManager.default
        func has(_ dir: String) -> Bool { fm.fileExists(atPath: "\(dir)/kg.owl") }
        if has("ontology") { return "ontology" }
        var candidates: [URL] = []
        if let running = try? fm.destinationOfSymbolicLink(atPath: "/proc/self/exe"), running.hasPrefix("/") {
            candidates.append(URL(fileURLWithPath: running).resolvingSymlinksInPath().deletingLastPathComponent())
        }
        if let executable {
            candidates.append(URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent())
        }
        candidates.append(URL(fileURLWithPath: sourceFile).deletingLastPathComponent())
        for start in candidates {
            var dir = start
            for _ in 0..<6 {
                let candidate = dir.appendingPathComponent("ontology").path
                if has(candidate) { return candidate }
                dir = dir.deletingLastPathComponent()
            }
        }
        return nil
    }
}
