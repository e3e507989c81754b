/// The four classes of actor of `relations.md`.
public enum ActorType: String, Sendable, CaseIterable, Comparable {
    case person = "Person"
    case country = "Country"
    case organization = "Organization"
    case group = "Group"

    public static func < (a: ActorType, b: ActorType) -> Bool { a.rawValue < b.rawValue }
}

/// How a statement is asserted: as a fact, or as something not (yet) real.
public enum Modality: String, Sendable, CaseIterable, Comparable {
    /// Reported as fact.
    case asserted
    /// Will happen ("will visit", "plans to").
    case future
    /// Intended, offered, promised or requested ("offered to mediate", "invited Xi to visit").
    case intended
    /// Possible ("may", "could", "might").
    case possible
    /// Conditional or hypothetical ("if", "would").
    case conditional

    public static func < (a: Modality, b: Modality) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// A relation of the ontology with its event-coding annotations.
public struct Relation: Sendable, Hashable {
    /// The local name, a valid XML NCName ("meetsWith").
    public var name: String
    public var label: String
    public var comment: String
    public var symmetric: Bool
    /// 0 structural, 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
    public var quadClass: Int
    /// The nearest CAMEO code, or "" when CAMEO has none: the first of `cameoCodes`, the one
    /// exports write for a statement.
    public var cameo: String
    /// Every CAMEO code the relation covers (`attacks`: 18, 19 and 20), the first one first.
    public var cameoCodes: [String]
    /// The PLOVER category, or "".
    public var plover: String
    /// The Goldstein scale value of the CAMEO code, if any.
    public var goldstein: Double?
    /// The class the subject must have (`rdfs:domain`), nil for any actor.
    public var domain: ActorType?
    /// The class the object must have (`rdfs:range`), nil for any actor.
    public var range: ActorType?
    /// The relation a statement becomes when its subject is a country (`kg:byCountry`):
    /// a state does not protest, it criticizes.
    public var byCountry: String?
    /// Whether the relation may join a person and the state they act for (`kg:withOwnState`:
    /// leaderOf, memberOf; coerces and investigates, the state's act on its citizen); for the
    /// others a person and their state are one actor.
    public var withOwnState: Bool
    /// Whether the object may be a country's people or craft standing for it (`kg:onPeopleOf`:
    /// "arrested two Guatemalan priests" coerces Guatemala); for the others they are no actor.
    public var onPeopleOf: Bool
    /// Whether an act on a place or thing in a country is done to the country (`kg:onPlaceIn`:
    /// "struck an oil facility in Saudi Arabia" attacks Saudi Arabia).
    public var onPlaceIn: Bool
    /// CAMEO roles the object may not have (`kg:notOnRole`): hosting troops or warships is no
    /// meeting (meetsWith, MIL).
    public var notOnRoles: Set<String>
    /// CAMEO roles the subject may not have (`kg:notByRole`): troops arriving in a country are
    /// deployed, not visiting (visits, MIL).
    public var notByRoles: Set<String>
    /// Whether the object must be named itself (`kg:onNamedObject`): "X leads Hamas" makes X
    /// Hamas's leader, "X leads Hamas's political bureau" or "the Russian delegation" does not.
    public var onNamedObject: Bool

    public init(name: String, label: String, comment: String = "", symmetric: Bool, quadClass: Int,
                cameo: String, cameoCodes: [String]? = nil, plover: String, goldstein: Double?,
                domain: ActorType? = nil, range: ActorType? = nil, byCountry: String? = nil, withOwnState: Bool = false,
                onPeopleOf: Bool = false, onPlaceIn: Bool = false, notOnRoles: Set<String> = [], notByRoles: Set<String> = [], onNamedObject: Bool = false) {
        self.onNamedObject = onNamedObject
        self.onPeopleOf = onPeopleOf
        self.onPlaceIn = onPlaceIn
        self.notOnRoles = notOnRoles
        self.notByRoles = notByRoles
        self.byCountry = byCountry
        self.withOwnState = withOwnState
        self.domain = domain
        self.range = range
        self.cameoCodes = cameoCodes ?? (cameo.isEmpty ? [] : [cameo])
        self.name = name
        self.label = label
        self.comment = comment
        self.symmetric = symmetric
        self.quadClass = quadClass
        self.cameo = cameo
        self.plover = plover
        self.goldstein = goldstein
    }
}

/// A dense id of a relation within a `RelationVocabulary`.
public struct RelationID: Hashable, Comparable, Sendable {
    public let raw: UInt16
    public init(_ raw: UInt16) { self.raw = raw }
    public static func < (a: RelationID, b: RelationID) -> Bool { a.raw < b.raw }
}

/// The relations a graph may use, in a fixed order, looked up by name.
public struct RelationVocabulary: Sendable {
    public private(set) var relations: [Relation] = []
    private var byName: [String: RelationID] = [:]

    public init(_ relations: [Relation] = []) {
        for r in relations { add(r) }
    }

    /// Adds a relation; a relation with an existing name replaces it.
    @discardableResult
    public mutating func add(_ relation: Relation) -> RelationID {
        if let id = byName[relation.name] {
            relations[Int(id.raw)] = relation
            return id
        }
        let id = RelationID(UInt16(relations.count))
        relations.append(relation)
        byName[relation.name] = id
        return id
    }

    public func id(_ name: String) -> RelationID? { byName[name] }
    public subscript(id: RelationID) -> Relation { relations[Int(id.raw)] }
    public var ids: [RelationID] { (0..<relations.count).map { RelationID(UInt16($0)) } }
}
