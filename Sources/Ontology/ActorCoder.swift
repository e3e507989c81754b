import KnowledgeGraph

/// Gives actors their CAMEO actor code for a date, from the ontology's data: the codes of
/// countries and organizations (`code` columns, `gazetteer/cameo-codes.tsv`), people's dated roles
/// (`gazetteer/*-roles.tsv`) and dated offices (`offices.tsv`).
///
/// A person's code on a date is, in this order: the first dated role that holds, the
/// default role, the office held (an office of a country gives the country's code + `GOV`,
/// an office of an organization the organization's code), and else the code of the person's
/// country. Countries and organizations have the code the gazetteer gives them, or none.
public struct ActorCoder: Sendable {
    private let codes: [String: String]
    private let roles: [String: [ActorRole]]
    private let offices: [String: [Office]]
    private let countries: Set<String>

    /// - Complexity: O(entities + roles + offices).
    public init(_ ontology: Ontology) {
        var codes: [String: String] = [:]
        for e in ontology.gazetteer { if let c = e.entity.code { codes[e.entity.key] = c } }
        self.codes = codes
        self.countries = Set(ontology.gazetteer.lazy.filter { $0.entity.type == .country }.map(\.entity.key))
        self.roles = Dictionary(grouping: ontology.roles, by: \.person)
        self.offices = Dictionary(grouping: ontology.offices, by: \.person)
    }

    /// The CAMEO actor code of `entity` on `date` (ISO `YYYY-MM-DD`), if any. An undated
    /// document is read as current: the roles and offices still open count.
    /// - Complexity: O(roles and offices of the entity).
    public func code(of entity: Entity, on date: String?) -> String? {
        guard entity.type == .person else { return entity.code ?? codes[entity.key] }
        let date = date ?? "9999-12-31"
        if let roles = roles[entity.key] {
            if let r = roles.first(where: { !$0.isDefault && $0.holds(on: date) }) { return r.code }
            if let r = roles.first(where: \.isDefault) { return r.code }
        }
        if let office = offices[entity.key]?.first(where: { $0.held(on: date) }) {
            if let c = codes[office.of] {
                // An office of a country is a government office; an organization's is the organization's.
                return countries.contains(office.of) ? c + "GOV" : c
            }
        }
        return entity.country.flatMap { codes[$0] }
    }
}
