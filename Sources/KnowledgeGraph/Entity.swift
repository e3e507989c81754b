/// A dense id of an entity within one `Graph`.
public struct EntityID: Hashable, Comparable, Sendable {
    public let raw: UInt32
    public init(_ raw: UInt32) { self.raw = raw }
    public static func < (a: EntityID, b: EntityID) -> Bool { a.raw < b.raw }
}

/// An actor: a person, country, organization or group.
public struct Entity: Sendable, Hashable {
    /// A stable key, unique in the graph, safe in IRIs and XML ids: an ISO 3166 alpha-3 code for
    /// countries ("RUS"), a slug for others ("vladimir-putin").
    public var key: String
    /// The canonical English label ("Vladimir Putin").
    public var label: String
    public var type: ActorType
    /// Other names the entity goes by.
    public var aliases: [String]
    /// ISO 3166 alpha-3 code of the country the actor is or acts for, if any.
    public var country: String?
    /// Wikidata id ("Q7747"), if known.
    public var wikidata: String?
    /// The CAMEO actor code, if known: a country's CAMEO country code ("RUS"), an organization's
    /// code ("IGOUNO", "SDNMIL"), a person's code for the date of the document it was found in
    /// ("RUSGOV" while in a government office of Russia).
    public var code: String?

    public init(key: String, label: String, type: ActorType, aliases: [String] = [], country: String? = nil,
                wikidata: String? = nil, code: String? = nil) {
        self.key = key
        self.label = label
        self.type = type
        self.aliases = aliases
        self.country = country
        self.wikidata = wikidata
        self.code = code
    }
}

/// A source document of the graph.
public struct DocumentInfo: Sendable, Hashable {
    /// The document id: the file name without its extension, or the id given on input.
    public var id: String
    public var title: String?
    /// ISO 8601 date (YYYY-MM-DD), if known.
    public var date: String?
    public var url: String?
    /// `sha256:HEX` of the text the statements were extracted from (`SHA256.contentDigest`), so
    /// that a document read twice is known for the same one; nil in exports of older kg versions.
    public var digest: String?

    public init(id: String, title: String? = nil, date: String? = nil, url: String? = nil, digest: String? = nil) {
        self.id = id
        self.title = title
        self.date = date
        self.url = url
        self.digest = digest
    }
}
