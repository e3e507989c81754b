import KnowledgeGraph

/// A documented table of `ontology/gazetteer/`: its exact header and the type of its rows.
struct GazetteerTable: Sendable {
    let header: [String]
    let type: ActorType
}

/// The validity rules of the gazetteer (`ontology/gazetteer/README.md`), checked while it
/// loads; the first broken rule is an `OntologyError` naming the file and line.
///
/// The documented tables (`countries.tsv`, `organizations.tsv`, `groups.tsv`, `people.tsv`,
/// `offices.tsv`) are read strictly (see `TSV.read(_:required:exactHeader:)`) and their ids
/// must have the documented form; every other `*.tsv` of the folder (a user's extra actors)
/// follows the rules that keep the data unambiguous: unique ids and Q-ids, clean
/// multi-valued cells, countries that resolve, no surface form shared by two entities.
enum GazetteerRules {
    static let tables: [String: GazetteerTable] = [
        "countries.tsv": GazetteerTable(header: ["id", "label", "type", "country", "aliases", "seats", "demonyms", "wikidata"], type: .country),
        "organizations.tsv": GazetteerTable(header: ["id", "label", "type", "country", "aliases", "wikidata"], type: .organization),
        "groups.tsv": GazetteerTable(header: ["id", "label", "type", "country", "aliases", "wikidata"], type: .group),
        "people.tsv": GazetteerTable(header: ["id", "label", "type", "country", "aliases", "wikidata"], type: .person),
    ]
    static let officesHeader = ["person", "role", "of", "start", "end"]
    /// Offices that several people may hold at once; every other role has one holder at a time.
    static let rolesWithSeveralHolders: Set<String> = ["vice president"]
    static let multiValued = ["aliases", "seats", "demonyms"]

    /// Checks one entity row: id form, type, label, multi-valued cells and Q-id.
    static func check(_ row: TSVRow, type: ActorType, table: GazetteerTable?) throws {
        let id = row["id"]
        if let table {
            if type != table.type {
                throw row.error("type '\(row["type"])' in a file of \(table.type.rawValue) rows")
            }
            if type == .country {
                guard id.utf8.count == 3, id.utf8.allSatisfy({ (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }) else {
                    throw row.error("country id '\(id)' is not three uppercase letters (ISO 3166-1 alpha-3, or X.. for a user-assigned code)")
                }
                if row["country"] != id {
                    throw row.error("country '\(row["country"])' must equal the id '\(id)' in countries.tsv")
                }
            } else if !isSlug(id) {
                throw row.error("id '\(id)' is not a lowercase ASCII slug (a-z, 0-9, single '-' between them)")
            }
        }
        if row["label"].isEmpty { throw row.error("empty label") }
        for column in multiValued where !row[column].isEmpty {
            var seen: Set<Substring> = []
            for value in row[column].split(separator: "|", omittingEmptySubsequences: false) {
                if value.isEmpty || TSV.isWhitespace(value.unicodeScalars.first!) || TSV.isWhitespace(value.unicodeScalars.last!) {
                    throw row.error("\(column): empty value or surrounding whitespace in '\(row[column])'")
                }
                if !seen.insert(value).inserted {
                    throw row.error("\(column): '\(value)' is listed twice")
                }
            }
        }
        let q = row["wikidata"].utf8
        if !q.isEmpty {
            guard q.count >= 2, q.first == UInt8(ascii: "Q"), q.dropFirst().first != UInt8(ascii: "0"),
                  q.dropFirst().allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else {
                throw row.error("wikidata '\(row["wikidata"])' is not a Q-id (Q followed by digits)")
            }
        }
    }

    /// The file of CAMEO actor codes for entities of the other files (`id`, `code`).
    static let codesFile = "cameo-codes.tsv"

    /// Whether `name` is a file of dated CAMEO roles (`*-roles.tsv`), not an entity file.
    static func isRoleFile(_ name: String) -> Bool { name.hasSuffix("-roles.tsv") }

    /// A CAMEO actor code: uppercase ASCII letters or digits, in groups of three ("RUS", "RUSGOV", "IGOUNOKID").
    static func isCAMEOCode(_ code: String) -> Bool {
        let u = code.utf8
        return !u.isEmpty && u.count % 3 == 0 && u.count <= 15
            && u.allSatisfy { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }

    /// Reads a roles file (`person`, `code`, `start`, `end`): every person is a Person of the
    /// gazetteer, every code a CAMEO actor code, `start` and `end` real dates (blank: open) in
    /// order. Rows keep their file order, which decides between roles that overlap.
    /// - Complexity: O(rows).
    static func loadRoles(_ path: String, gazetteer: [GazetteerEntry]) throws -> [ActorRole] {
        var types: [String: ActorType] = [:]
        for e in gazetteer { types[e.entity.key] = e.entity.type }
        var roles: [ActorRole] = []
        for row in try TSV.read(path, required: ["person", "code", "start", "end"]) {
            guard let type = types[row["person"]] else {
                throw row.error("unknown person '\(row["person"])' (not an id of the gazetteer)")
            }
            guard type == .person else { throw row.error("person '\(row["person"])' is of type \(type.rawValue), not Person") }
            guard isCAMEOCode(row["code"]) else {
                throw row.error("code '\(row["code"])' is not a CAMEO actor code (uppercase letters or digits in groups of three)")
            }
            var dates: [CalendarDate?] = []
            for column in ["start", "end"] {
                if row[column].isEmpty { dates.append(nil); continue }
                guard let d = CalendarDate(iso: row[column]) else {
                    throw row.error("\(column) '\(row[column])' is not a valid YYYY-MM-DD date")
                }
                dates.append(d)
            }
            if let s = dates[0], let e = dates[1], e < s { throw row.error("end \(e) is before start \(s)") }
            roles.append(ActorRole(person: row["person"], code: row["code"], start: row["start"].isEmpty ? nil : row["start"],
                                   end: row["end"].isEmpty ? nil : row["end"]))
        }
        return roles
    }

    /// `a-z0-9` runs joined by single hyphens.
    static func isSlug(_ id: String) -> Bool {
        var previousHyphen = true  // no leading hyphen
        for b in id.utf8 {
            if b == UInt8(ascii: "-") {
                if previousHyphen { return false }
                previousHyphen = true
            } else if (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(b) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b) {
                previousHyphen = false
            } else {
                return false
            }
        }
        return !previousHyphen
    }

    /// The key under which the extractor matches a form: case-sensitive, but a capitalised
    /// first letter is also accepted, so "al-Qaeda" and "Al-Qaeda" are one key.
    static func matchKey(_ form: String) -> String {
        guard let byte = form.utf8.first else { return form }
        if byte < 0x80 {  // ASCII first letter: no Character work
            guard (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) else { return form }
            var bytes = Array(form.utf8)
            bytes[0] -= 0x20
            return String(decoding: bytes, as: UTF8.self)
        }
        return form.first!.uppercased() + form.dropFirst()
    }

    /// Checks the rules that span entities: the country column names a country, no Q-id and
    /// no surface form (label, alias, seat, demonym, compared by `matchKey`) belongs to two
    /// entities. `rows[i]` is the row of `entries[i]`.
    /// - Complexity: O(forms), expected.
    static func checkAcross(_ entries: [GazetteerEntry], rows: [TSVRow]) throws {
        var types: [String: ActorType] = [:]
        for e in entries { types[e.entity.key] = e.entity.type }
        var byQID: [String: Int] = [:]
        var owner: [String: Int] = [:]
        owner.reserveCapacity(entries.count * 6)
        for (i, e) in entries.enumerated() {
            let row = rows[i]
            if e.entity.type != .country, let country = e.entity.country, types[country] != .country {
                throw row.error("country '\(country)' is not the id of a country of the gazetteer")
            }
            if let q = e.entity.wikidata {
                if let j = byQID[q] {
                    throw row.error("wikidata \(q) is already the Q-id of '\(entries[j].entity.key)' (\(rows[j].file):\(rows[j].line))")
                }
                byQID[q] = i
            }
            for forms in [[e.entity.label], e.entity.aliases, e.seats, e.demonyms] {
                for form in forms {
                    if let j = owner.updateValue(i, forKey: matchKey(form)), j != i {
                        throw row.error("form '\(form)' is also a form of '\(entries[j].entity.key)' (\(rows[j].file):\(rows[j].line)); a form belongs to one entity")
                    }
                }
            }
        }
    }

    /// Reads `offices.tsv`: every row names a person of the gazetteer, a role of `roles` (the
    /// roles of `titles.tsv`) of a country or organization, and a term from `start` to `end`
    /// (blank: still in office) that are real dates in order; no row is repeated, and no two
    /// terms of a single-holder office overlap (a successor may start the day the term ends).
    /// - Complexity: O(rows log rows).
    static func loadOffices(_ path: String, types: [String: ActorType], roles: Set<String>) throws -> [Office] {
        var offices: [Office] = []
        var seen: [[String]: Int] = [:]
        var terms: [String: [(start: CalendarDate, end: CalendarDate?, row: TSVRow)]] = [:]
        for row in try TSV.read(path, required: officesHeader, exactHeader: officesHeader) {
            let cells = officesHeader.map { row[$0] }
            if let line = seen[cells] { throw row.error("the same office as line \(line)") }
            seen[cells] = row.line
            guard let personType = types[row["person"]] else {
                throw row.error("unknown person '\(row["person"])' (not an id of the gazetteer)")
            }
            guard personType == .person else {
                throw row.error("person '\(row["person"])' is of type \(personType.rawValue), not Person")
            }
            guard let ofType = types[row["of"]] else {
                throw row.error("unknown of '\(row["of"])' (not an id of the gazetteer)")
            }
            guard ofType == .country || ofType == .organization else {
                throw row.error("of '\(row["of"])' is of type \(ofType.rawValue); an office is of a Country or an Organization")
            }
            guard roles.contains(row["role"]) else {
                throw row.error("role '\(row["role"])' is not a role of titles.tsv")
            }
            guard let start = CalendarDate(iso: row["start"]) else {
                throw row.error("start '\(row["start"])' is not a valid YYYY-MM-DD date")
            }
            var end: CalendarDate?
            if !row["end"].isEmpty {
                guard let e = CalendarDate(iso: row["end"]) else {
                    throw row.error("end '\(row["end"])' is not a valid YYYY-MM-DD date")
                }
                guard start <= e else { throw row.error("end \(e) is before start \(start)") }
                end = e
            }
            if !rolesWithSeveralHolders.contains(row["role"]) {
                terms["\(row["role"])\t\(row["of"])", default: []].append((start, end, row))
            }
            offices.append(Office(person: row["person"], role: row["role"], of: row["of"],
                                  start: row["start"], end: end == nil ? nil : row["end"]))
        }
        // Sorted by start, a term overlaps an earlier one iff it starts before the latest end so far.
        for key in terms.keys.sorted() {
            let spans = terms[key]!.sorted { ($0.start, $0.row.line) < ($1.start, $1.row.line) }
            var latest = spans[0]
            for span in spans.dropFirst() {
                if latest.end.map({ span.start < $0 }) ?? true {
                    let (role, of, person, other) = (span.row["role"], span.row["of"], span.row["person"], latest.row["person"])
                    let message = person == other
                        ? "\(person)'s term as \(role) of \(of) overlaps the one of line \(latest.row.line)"
                        : "\(person) and \(other) (line \(latest.row.line)) would both be \(role) of \(of) on \(span.start)"
                    throw span.row.error(message + "; a term ends the day the next one starts")
                }
                if let e = span.end, let l = latest.end, e > l { latest = span } else if span.end == nil { latest = span }
            }
        }
        return offices
    }
}
