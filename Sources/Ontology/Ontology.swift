import KnowledgeGraph

/// An actor of the gazetteer with the surface forms that name it.
public struct GazetteerEntry: Sendable {
    public var entity: Entity
    /// Capitals and seats of government that stand for the state ("Beijing", "the Kremlin").
    public var seats: [String]
    /// Adjectives that stand for the state ("Russian bombardment").
    public var demonyms: [String]
}

/// A dated office: who held which role of which country or organization, when.
public struct Office: Sendable {
    /// The key of the person.
    public var person: String
    /// The role, from the vocabulary of `titles.tsv` ("president", "foreign minister").
    public var role: String
    /// The key of the country or organization.
    public var of: String
    /// ISO dates; `end` is nil while in office.
    public var start: String
    public var end: String?

    /// Whether the office was held on `date` (ISO "YYYY-MM-DD"; string order is date order).
    public func held(on date: String) -> Bool {
        start <= date && (end.map { date < $0 } ?? true)
    }
}

/// A dated CAMEO actor code of a person (`gazetteer/*-roles.tsv`): the code the person
/// carries from `start` to `end` (nil: open). A role with neither is the person's default.
public struct ActorRole: Sendable {
    public var person: String
    /// A CAMEO actor code: a country code and a sector ("RUSGOV"), or an IGO code ("IGOUNO").
    public var code: String
    public var start: String?
    public var end: String?

    /// Whether the role holds on `date` (ISO; both ends included, as in PETRARCH).
    public func holds(on date: String) -> Bool {
        (start.map { $0 <= date } ?? true) && (end.map { date <= $0 } ?? true)
    }

    public var isDefault: Bool { start == nil && end == nil }
}

/// An agent noun of `agents.tsv` ("minister", "rebels") and the CAMEO code it adds to its
/// actor's code: after it ("RUS" + "GOV") or, for `before`, in front ("NGO" + ...).
public struct Agent: Sendable {
    public var noun: String
    /// The plural, if the noun has one.
    public var plural: String?
    public var code: String
    public var before: Bool
    /// The CAMEO sector: the first three letters of the code ("GOV", "MIL", "REB").
    public var sector: String { String(code.prefix(3)) }
}

/// A title that names a role: "Prime Minister" → prime minister, a leader role.
public struct Title: Sendable {
    public var phrase: String
    public var role: String
    /// Whether holding the role makes the person `leaderOf` what they hold it of.
    public var leader: Bool
    /// The key of the organization or country the bare title means by convention, if any.
    public var defaultOf: String?
}

/// Where a trigger's object stands: as a direct object, or after one of some prepositions.
public enum PartOfSpeech: String, Sendable {
    case verb, noun
    /// A verb with its object noun in the parse (`lexicon-cameo.tsv`: "expel ambassador"): the
    /// first word is the verb's lemma, the others the noun phrase of its direct object.
    case frame
    /// A verb with its object and a word predicated of the object (a secondary predicate, UD
    /// `xcomp`): "hold responsible" is "held Russia responsible for"; the first word is the
    /// verb's lemma, the last the predicate's word. Found in the parse only.
    case predicative
}

/// One entry of the trigger lexicon: a word or phrase that signals a relation.
public struct LexiconEntry: Sendable {
    public var relation: String
    /// The trigger's words, lower-cased; for a verb the first word is the lemma.
    public var words: [String]
    public var pos: PartOfSpeech
    /// How the object attaches: "" for a direct object, else a preposition ("with", "on").
    public var objectMarkers: [String]
    public var confidence: Double
    /// "lexicon.tsv:LINE", or "lexicon-cameo.tsv:LINE (CAMEO.2.0.txt:LINE)", shown by `kg explain`.
    public var source: String
    /// The CAMEO event code of the entry's pattern (`lexicon-cameo.tsv`), or "".
    public var cameo: String = ""
}

/// A cue word or phrase of the language: negation, modality, light verbs and the like.
public struct Cue: Sendable {
    public var category: String
    public var words: [String]
    public var value: String

    /// The categories of `cues.tsv` (its header says what each means); any other is a load error.
    public static let categories: Set<String> = [
        "negation", "modality", "light-verb", "control-object", "control-subject", "state-noun", "person-noun",
        "locative", "clause-break", "reporting", "place-noun", "territory-noun", "quantity", "report-noun",
        "spokes-noun", "document-noun", "member-noun", "determiner", "asserting-control", "negating-verb",
        "threat-control", "amount-word", "adverbial", "multilateral", "agent-noun", "plural-pronoun",
        "date-weekday", "date-day", "date-period", "event-place", "complement-noun", "organization-head", "member-list", "group-noun", "example-marker", "object-clause-marker", "finite-clause-marker", "contrast-conjunction", "resident-state-noun", "title-modifier",
        "deputy-noun", "deputy-modifier", "role-noun", "kin-noun", "target-noun", "elicit-verb", "impact-verb", "bloc-noun", "act-noun",
        "nominalization", "naming-verb", "threat-clause", "honorific", "occupation-noun", "light-verb-phrase", "reciprocal", "act-anaphor", "flag-participle", "consequence", "thanked-act",
    ]
}

/// A city events happen in ("in Jeddah"): its name and the gazetteer id of its country.
public struct PlaceEntry: Sendable, Hashable {
    public var name: String
    public var country: String

    public init(name: String, country: String) {
        self.name = name
        self.country = country
    }
}

/// Everything the extractor knows, loaded from `ontology/`.
public struct Ontology: Sendable {
    /// The namespace of the relations and classes ("https://w3id.org/kg-news/ontology#").
    public var namespace: String
    public var relations: RelationVocabulary
    public var gazetteer: [GazetteerEntry]
    public var offices: [Office]
    /// Dated CAMEO actor codes of people, in file order (the first that holds on a date wins).
    public var roles: [ActorRole]
    /// Agent nouns with their CAMEO codes (`agents.tsv`), in file order.
    public var agents: [Agent]
    public var titles: [Title]
    public var lexicon: [LexiconEntry]
    public var cues: [Cue]
    /// Irregular verb forms by lemma: [3sg, past, past participle, gerund].
    public var irregularVerbs: [String: [String]]
    /// Abbreviations that end with a period and do not end a sentence ("Mr.", "Gen.").
    public var abbreviations: Set<String>
    /// Cities where events happen (`places.tsv`), with their country; empty without the file.
    public var places: [PlaceEntry] = []
    /// Given names (`given-names.tsv`, from PETRARCH's people), as written ("Dan"): a run of
    /// capitalized words no list knows that starts with one is a person. Empty without the file.
    public var givenNames: Set<String> = []
    /// The folder it was loaded from.
    public var directory: String

    /// The cues of one category.
    public func cues(_ category: String) -> [Cue] { cues.filter { $0.category == category } }
}
