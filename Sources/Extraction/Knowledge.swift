import KnowledgeGraph
import Ontology

/// How a gazetteer surface form names its entity.
enum SurfaceKind: Int, Sendable {
    case name, seat, demonym
}

/// A surface form of the gazetteer, as tokens.
struct Surface: Sendable {
    var tokens: [String]
    var entity: Int
    var kind: SurfaceKind
}

/// A compiled lexicon trigger: the word forms that start it and the rest of its words.
struct Trigger: Sendable {
    var entry: Int
    /// The words after the first, lower case.
    var rest: [String]
    var form: VerbForm

    /// Whether the trigger's other words follow its first word at `i`, word for word, before `limit`.
    func restFollows(_ i: Int, in tokens: [Token], limit: Int) -> Bool {
        i + 1 + rest.count <= limit && rest.indices.allSatisfy { tokens[i + 1 + $0].lower == rest[$0] }
    }

    /// Where the trigger at `i` ends, nil when its words are not there. With `filler`, a verb
    /// phrase may have one determiner, possessive or number after the verb, and one lower-case
    /// word after that: "pulled its troops out of", "cut all ties with", "lifted the sanctions
    /// on", "hosting these recent talks" (a particle never follows one).
    func end(at i: Int, in tokens: [Token], limit: Int, filler: Bool) -> Int? {
        if restFollows(i, in: tokens, limit: limit) { return i + 1 + rest.count }
        guard filler, !rest.isEmpty, i + 2 + rest.count <= limit else { return nil }
        let f = tokens[i + 1]
        guard f.is([.determiner, .possessivePronoun]) || f.text.first?.isNumber == true else { return nil }
        let follows = { (k: Int) in k + rest.count <= limit && rest.indices.allSatisfy { tokens[k + $0].lower == rest[$0] } }
        if follows(i + 2) { return i + 2 + rest.count }
        let g = tokens[i + 2]
        guard g.isWord, !g.isCapitalized, !g.is([.determiner, .possessivePronoun, .preposition]), follows(i + 3) else { return nil }
        return i + 3 + rest.count
    }
}

enum VerbForm: Sendable {
    case base, third, past, participle, gerund, pastOrParticiple, noun
}

/// The ontology compiled for fast lookup by the extraction stages.
///
/// Built once per ontology; every table is keyed by a token's normalized text, so each stage
/// looks tokens up in O(1) instead of scanning lists.
public final class Knowledge: Sendable {
    public let ontology: Ontology
    /// CAMEO actor codes of the gazetteer's actors, by date.
    public let coder: ActorCoder
    let tokenizer: Tokenizer
    /// Gazetteer entries, as loaded; `Surface.entity` indexes this.
    let entries: [GazetteerEntry]
    let entryByKey: [String: Int]
    /// Titles by their first token, lower case, longest first.
    let titles: [String: [(tokens: [String], title: Title)]]
    /// The roles of the titles that make their holder `leaderOf` (titles.tsv leader=yes).
    let leaderRoles: Set<String>
    let officesByPerson: [String: [Office]]
    let officesByRole: [String: [Office]]
    let negations: PhraseIndex
    /// Modality cues by first word, longest first.
    let modalities: [String: [(words: [String], value: Modality)]]
    let lightVerbs: Set<String>
    let controlObject: Set<String>
    /// The control-object verbs that only ask for the infinitive (`cues.tsv` value `request`:
    /// "urged Sudan to attack Chad"): the asked party's act is no fact, so it gives no triple.
    let requestVerbs: Set<String>
    /// The control-object verbs whose infinitive happened (`cues.tsv` value `cause`: "prompted
    /// Riyadh to sever ties", "forced Russia to withdraw"), every form.
    let causeVerbs: Set<String>
    /// Light verbs whose subject arranges the event for others (`cues.tsv` light-verb value
    /// `arrange`: "hosted talks"): coordinated hosts are no parties to it with each other.
    let arrangingVerbs: Set<String>
    /// The noun of a verb's act by the verb's forms (`cues.tsv` `nominalization`: "detained" →
    /// "detention"), and those nouns with their plurals.
    let nominalizations: [String: String]
    /// The finite forms of those verbs that tell an event ("launched", "detains"; not a form
    /// spelled as the noun or its plural: "strikes").
    let eventVerbForms: Set<String>
    /// Verb forms that name what they take ("called", "described as": `cues.tsv` `naming-verb`).
    let namingVerbs: Set<String>
    /// The past tense forms of irregular verbs that are no participle ("flew", "went", "took":
    /// `irregular-verbs.tsv`): a finite verb wherever it stands.
    let pastTenseForms: Set<String>
    let nominalNouns: Set<String>
    let controlSubject: Set<String>
    let reporting: Set<String>
    let stateNouns: PhraseIndex
    /// "envoy", "spokesman", "adviser": a person's deputy, who is not that person (`cues.tsv` `deputy-noun`).
    let deputyNouns: PhraseIndex
    /// "sister", "son": a person's relative, who stands for nobody (`cues.tsv` `kin-noun`).
    let kinNouns: Set<String>
    /// Deputy nouns whose principal may follow "to" ("an adviser to Zelensky"; `cues.tsv` value "to").
    let deputiesTo: Set<String>
    /// After a demonym, people or craft of the country as what an act is done to ("Guatemalan
    /// priests", "American citizens") (`cues.tsv` `target-noun`).
    let targetNouns: PhraseIndex
    /// Relations that may join a person and their own state (kg.owl `kg:withOwnState`: leaderOf,
    /// memberOf; coerces and investigates, the state's act on its citizen).
    let ownStateRelations: Set<String>
    /// Relations whose object may be a country's people or craft (kg.owl `kg:onPeopleOf`).
    let onPeopleRelations: Set<String>
    /// Relations whose act on a place in a country is done to it (`kg:onPlaceIn`).
    let onPlaceRelations: Set<String>
    /// Relations whose object must be a name itself, not a stand-in or a possessor (`kg:onNamedObject`).
    let namedObjectRelations: Set<String>
    /// Roles a relation's object may not have (kg.owl `kg:notOnRole`: no meeting with troops).
    let notOnRoles: [String: Set<String>]
    /// CAMEO roles a relation's subject may not have (`kg:notByRole`).
    let notByRoles: [String: Set<String>]
    /// Relation rewrites for a country subject (kg.owl `kg:byCountry`).
    let byCountry: [String: String]
    /// "of", "for", "against": a clause after an object that is the object's act ("condemned
    /// Russia for attacking"); those with the value "prevented" did not happen ("warned Iran
    /// against attacking") (`cues.tsv` `object-clause-marker`).
    let objectClauseMarkers: Set<String>
    let preventingMarkers: Set<String>
    /// Conjunctions of clauses with a subject of their own (`cues.tsv` finite-clause-marker).
    let finiteClauseMarkers: Set<String>
    /// Member-list markers after which one member is a list ("ASEAN members Laos"): value "one".
    let singleMemberLists: Set<String>
    /// Member-list markers that need three members (`cues.tsv` member-list value "three"): "the
    /// Quad of A, B, C and D", not "criticism by the G7 of Russia and China".
    let longMemberLists: Set<String>
    /// "such as", "including": before the examples that stand for a group (`cues.tsv` `example-marker`).
    let exampleMarkers: Set<String>
    /// "the bloc", "the alliance": a definite noun for the organization the text named last
    /// (`cues.tsv` `bloc-noun`).
    let blocNouns: Set<String>
    /// "response", "decision", "stance": nouns of an actor's act, whose owner is what a verb
    /// of judgement judges (`cues.tsv` `act-noun`).
    let actNouns: Set<String>
    /// Nouns that take up the latest act told ("the move", "the decision"; `cues.tsv` `act-anaphor`).
    let actAnaphors: Set<String>
    /// Consequences announced for a clause's subject, by verb ("pay" → price, dearly; `cues.tsv`
    /// consequence): the speaker's act of the cue's relation against that subject.
    let consequences: [String: [(phrase: String, complement: String, relation: String)]]
    /// The relations whose acts have as beneficiary whoever thanks for them, with the
    /// prepositions that take the act after the thanking word (`cues.tsv` thanked-act).
    let thankedActs: [String: Set<String>]
    /// "flagged", "owned": after "STATE-", the craft or firm that follows is the state's (`cues.tsv` `flag-participle`).
    let flagParticiples: Set<String>
    /// The CAMEO role of a state noun ("troops" → MIL, "police" → COP), by its words joined by spaces.
    let stateNounRoles: [String: String]
    /// The CAMEO role of a member noun ("US troops" MIL, "US lawmakers" LEG): a state noun's,
    /// else the code agents.tsv gives the noun or its plural; by its words joined by spaces.
    let memberNounRoles: [String: String]
    /// Member nouns whose "from" phrase names the states they act for ("envoys from Kenya";
    /// `cues.tsv` member-noun value `from`).
    let membersFrom: Set<String>
    /// After a demonym, the state as a place or target ("the Russian border region").
    let territoryNouns: PhraseIndex
    /// "members", ", which includes", "(": a list of an organization's members follows.
    let memberLists: PhraseIndex
    let personNouns: PhraseIndex
    let memberNouns: PhraseIndex
    let locatives: Set<String>
    let clauseBreaks: Set<String>
    /// Courtesy titles and ranks before a name that are not part of it (`cues.tsv` honorific).
    let honorifics: Set<String>
    /// Given names as written ("Dan"): the first word of a person's name (`given-names.tsv`).
    let givenNames: Set<String>
    /// Verb forms whose subject is the agent of an event noun of a relation in their phrase of
    /// some prepositions (`cues.tsv` light-verb-phrase: "agreed to a ceasefire"), by relation.
    let lightVerbPhrases: [String: [String: Set<String>]]
    /// Nouns of a private person's occupation before a name (`cues.tsv` occupation-noun).
    let occupationNouns: Set<String>
    /// Reciprocal pronouns of two words ("each other", `cues.tsv` reciprocal).
    let reciprocals: Set<String>
    /// Organization heads that also end a name in lower case ("the Victory bloc").
    let lowerCaseOrganizationHeads: Set<String>
    /// Lower-case heads of a country's bodies that are no organs of its state ("Sudan's civilian
    /// coalition"; `cues.tsv` organization-head value `lower-case`, not `lower-case-armed`).
    let bodyHeads: Set<String>
    let pluralPronouns: PhraseIndex
    let determiners: Set<String>
    let placeNouns: Set<String>
    let adverbials: PhraseIndex
    let multilateral: Set<String>
    let agentNouns: Set<String>
    /// Bodies of the state where they are ("police in Kenya", `cues.tsv` resident-state-noun).
    let residentStateNouns: Set<String>
    /// Words between a body and its lower-case title ("M23 political leader", `cues.tsv` title-modifier).
    let titleModifiers: Set<String>
    let negatingVerbs: Set<String>
    /// Control-verb forms that add a threat to the infinitive's object, with the relation.
    let threatControl: [String: String]
    /// Verb forms whose that-clause announces the subject's own act against a target (`cues.tsv` `threat-clause`).
    let threatClauseVerbs: Set<String>
    let amountWords: Set<String>
    /// "dozens of", "hundreds of": skipped before an object.
    let quantityWords: Set<String>
    /// Control-verb forms whose infinitive asserts the relation, by relation name.
    let assertingControl: [String: Set<String>]
    /// All forms of "be".
    let beForms: Set<String> = ["be", "is", "are", "was", "were", "been", "being", "'s", "'re", "am"]
    /// Every word the tables above know, with its classes, triggers and surfaces, for one
    /// lookup per token (`annotate`).
    /// The ontology's lexicon and symmetric relations, held directly: reading them through the
    /// `ontology` struct copies it (and retains all its arrays) at every access.
    let lexicon: [LexiconEntry]
    /// Verb-object frames of the lexicon (`PartOfSpeech.frame`) by verb form; `rest` is the
    /// object's noun phrase (singular or plural). Also the predicative entries
    /// (`PartOfSpeech.predicative`): `rest` is the word predicated of the object.
    let frames: [String: [Trigger]]
    let symmetricRelations: Set<String>
    /// The subject and object classes kg.owl gives each relation that limits them.
    let relationClasses: [String: (domain: ActorType?, range: ActorType?)]
    /// Relations of material events (QuadClass 2 and 4: deeds, not statements).
    let materialRelations: Set<String>
    /// Relations of conflict, verbal or material (QuadClass 3 and 4).
    let conflictRelations: Set<String>
    /// Relations of verbal events (QuadClass 1 and 3: statements, not deeds).
    let verbalRelations: Set<String>
    func isVerbalEvent(_ relation: String) -> Bool { verbalRelations.contains(relation) }
    func isSymmetric(_ relation: String) -> Bool { symmetricRelations.contains(relation) }

    /// Whether a noun trigger starting at `token` takes an object after `marker` ("war with",
    /// "talks with"): a phrase of that preposition right after it is its own.
    func startsNounTrigger(_ token: Token, taking marker: String) -> Bool {
        guard token.triggerList >= 0 else { return false }
        return triggerLists[Int(token.triggerList)].contains { lexicon[$0.entry].pos == .noun && lexicon[$0.entry].objectMarkers.contains(marker) }
    }
    let wordTable: WordTable
    /// Lexicon triggers by the lower-cased first word form, and gazetteer surfaces by their first
    /// token (normalized), each list longest first; `WordInfo` holds the index of a word's lists.
    let triggerLists: [[Trigger]]
    let surfaceLists: [[Surface]]

    public init(ontology: Ontology) {
        self.ontology = ontology
        coder = ActorCoder(ontology)
        let tokenizer = Tokenizer(abbreviations: ontology.abbreviations)
        self.tokenizer = tokenizer
        entries = ontology.gazetteer
        var byKey: [String: Int] = [:]
        for (i, e) in entries.enumerated() { byKey[e.entity.key] = i }
        entryByKey = byKey

        var surfaces: [String: [Surface]] = [:]
        func addSurface(_ text: String, _ entity: Int, _ kind: SurfaceKind) {
            let tokens = tokenizer.tokenize(text).map(\.norm)
            guard let first = tokens.first else { return }
            surfaces[first, default: []].append(Surface(tokens: tokens, entity: entity, kind: kind))
        }
        for (i, e) in ontology.gazetteer.enumerated() {
            addSurface(e.entity.label, i, .name)
            for a in e.entity.aliases { addSurface(a, i, .name) }
            for s in e.seats { addSurface(s, i, .seat) }
            for d in e.demonyms { addSurface(d, i, .demonym) }
        }
        for k in surfaces.keys {
            surfaces[k]!.sort { a, b in
                a.tokens.count != b.tokens.count ? a.tokens.count > b.tokens.count : a.kind.rawValue < b.kind.rawValue
            }
        }

        var titles: [String: [(tokens: [String], title: Title)]] = [:]
        for t in ontology.titles {
            let tokens = tokenizer.tokenize(t.phrase).map(\.lower)
            guard let first = tokens.first else { continue }
            titles[first, default: []].append((tokens, t))
        }
        for k in titles.keys { titles[k]!.sort { $0.tokens.count > $1.tokens.count } }
        self.titles = titles

        var byPerson: [String: [Office]] = [:]
        var byRole: [String: [Office]] = [:]
        for o in ontology.offices {
            byPerson[o.person, default: []].append(o)
            byRole[o.role, default: []].append(o)
        }
        officesByPerson = byPerson
        officesByRole = byRole

        let morphology = Morphology(irregular: ontology.irregularVerbs)
        pastTenseForms = morphology.pastTenseOnly
        var triggers: [String: [Trigger]] = [:]
        var frames: [String: [Trigger]] = [:]
        for (i, entry) in ontology.lexicon.enumerated() {
            guard let first = entry.words.first else { continue }
            let rest = Array(entry.words.dropFirst())
            switch entry.pos {
            case .verb:
                for (form, kind) in morphology.verbForms(first) {
                    triggers[form, default: []].append(Trigger(entry: i, rest: rest, form: kind))
                }
            case .frame:
                // Found in the parse only: the verb's forms, with the object noun and its plural.
                var plural = rest
                plural[plural.count - 1] = morphology.plural(plural[plural.count - 1])
                for (form, kind) in morphology.verbForms(first) {
                    frames[form, default: []].append(Trigger(entry: i, rest: rest, form: kind))
                    if plural != rest { frames[form, default: []].append(Trigger(entry: i, rest: plural, form: kind)) }
                }
            case .predicative:
                for (form, kind) in morphology.verbForms(first) {
                    frames[form, default: []].append(Trigger(entry: i, rest: rest, form: kind))
                }
            case .noun:
                if rest.isEmpty {
                    for form in Set([first, morphology.plural(first)]) {
                        triggers[form, default: []].append(Trigger(entry: i, rest: [], form: .noun))
                    }
                } else {
                    triggers[first, default: []].append(Trigger(entry: i, rest: rest, form: .noun))
                    var plural = rest
                    plural[plural.count - 1] = morphology.plural(plural[plural.count - 1])
                    triggers[first, default: []].append(Trigger(entry: i, rest: plural, form: .noun))
                }
            }
        }
        for k in triggers.keys { triggers[k]!.sort { $0.rest.count > $1.rest.count } }
        self.frames = frames

        func words(_ c: String) -> [[String]] { ontology.cues(c).map(\.words) }
        func verbSet(_ c: String, value: String? = nil) -> Set<String> {
            var set = Set<String>()
            for cue in ontology.cues(c) where value == nil || cue.value == value {
                guard let first = cue.words.first else { continue }
                let rest = cue.words.dropFirst().joined(separator: " ")
                for (form, _) in morphology.verbForms(first) { set.insert(rest.isEmpty ? form : "\(form) \(rest)") }
            }
            return set
        }
        negations = PhraseIndex(words("negation"), start: .negationStart)
        var modalities: [String: [(words: [String], value: Modality)]] = [:]
        for cue in ontology.cues("modality") where !cue.words.isEmpty {
            modalities[cue.words[0], default: []].append((cue.words, Modality(rawValue: cue.value) ?? .possible))
        }
        for k in modalities.keys { modalities[k]!.sort { $0.words.count > $1.words.count } }
        self.modalities = modalities
        lightVerbs = verbSet("light-verb")
        var phrases: [String: [String: Set<String>]] = [:]
        for cue in ontology.cues("light-verb-phrase") where cue.words.count == 1 {
            let parts = cue.value.split(separator: ":", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { continue }
            for (form, _) in morphology.verbForms(cue.words[0]) {
                phrases[form, default: [:]][parts[0], default: []].formUnion(parts[1].split(separator: "|").map(String.init))
            }
        }
        lightVerbPhrases = phrases
        controlObject = verbSet("control-object")
        requestVerbs = verbSet("control-object", value: "request")
        causeVerbs = verbSet("control-object", value: "cause")
        arrangingVerbs = verbSet("light-verb", value: "arrange")
        leaderRoles = Set(ontology.titles.filter(\.leader).map(\.role))
        var nominal: [String: String] = [:]
        var eventForms = Set<String>()
        for cue in ontology.cues("nominalization") where cue.words.count == 1 && !cue.value.isEmpty {
            for (form, kind) in morphology.verbForms(cue.words[0]) {
                nominal[form] = cue.value
                if [.third, .past, .pastOrParticiple].contains(kind), form != cue.value, form != morphology.plural(cue.value) { eventForms.insert(form) }
            }
        }
        nominalizations = nominal
        eventVerbForms = eventForms
        namingVerbs = verbSet("naming-verb")
        nominalNouns = Set(nominal.values.flatMap { [$0, morphology.plural($0)] })
        controlSubject = verbSet("control-subject")
        reporting = verbSet("reporting")
        stateNouns = PhraseIndex(words("state-noun"), start: .stateNounStart)
        stateNounRoles = Dictionary(ontology.cues("state-noun").filter { !$0.value.isEmpty }.map { ($0.words.joined(separator: " "), $0.value) },
                                    uniquingKeysWith: { a, _ in a })
        var agentCodes: [String: String] = [:]
        for a in ontology.agents where !a.before {
            if agentCodes[a.noun] == nil { agentCodes[a.noun] = a.code }
            if let p = a.plural, agentCodes[p] == nil { agentCodes[p] = a.code }
        }
        membersFrom = Set(ontology.cues("member-noun").filter { $0.value == "from" }.map { $0.words.joined(separator: " ") })
        var memberNounRoles: [String: String] = [:]
        for words in words("member-noun") {
            let noun = words.joined(separator: " ")
            if let role = stateNounRoles[noun] ?? agentCodes[noun] { memberNounRoles[noun] = role }
        }
        self.memberNounRoles = memberNounRoles
        territoryNouns = PhraseIndex(words("territory-noun"), start: .territoryNounStart)
        memberLists = PhraseIndex(words("member-list"), start: .memberListStart)
        personNouns = PhraseIndex(words("person-noun"), start: .personNounStart)
        deputyNouns = PhraseIndex(words("deputy-noun"), start: .deputyNounStart)
        kinNouns = Set(words("kin-noun").map { $0.joined(separator: " ") })
        deputiesTo = Set(ontology.cues("deputy-noun").filter { $0.value == "to" }.map { $0.words.joined(separator: " ") })
        targetNouns = PhraseIndex(words("target-noun"), start: .targetNounStart)
        memberNouns = PhraseIndex(words("member-noun"), start: .memberNounStart)
        locatives = Set(words("locative").map { $0.joined(separator: " ") })
        clauseBreaks = Set(words("clause-break").map { $0.joined(separator: " ") })
        pluralPronouns = PhraseIndex(words("plural-pronoun"), start: .pluralPronounStart)
        determiners = Set(words("determiner").map { $0.joined(separator: " ") })
        placeNouns = Set(words("place-noun").map { $0.joined(separator: " ") })
        adverbials = PhraseIndex(words("adverbial"), start: .adverbialStart)
        multilateral = Set(words("multilateral").map { $0.joined(separator: " ") })
        agentNouns = Set(words("agent-noun").map { $0.joined(separator: " ") })
        residentStateNouns = Set(words("resident-state-noun").map { $0.joined(separator: " ") })
        titleModifiers = Set(words("title-modifier").map { $0.joined(separator: " ") })
        negatingVerbs = verbSet("negating-verb")
        var threat: [String: String] = [:]
        for cue in ontology.cues("threat-control") {
            guard let first = cue.words.first else { continue }
            for (form, _) in morphology.verbForms(first) { threat[form] = cue.value }
        }
        threatControl = threat
        threatClauseVerbs = verbSet("threat-clause")
        amountWords = Set(words("amount-word").map { $0.joined(separator: " ") })
        quantityWords = Set(words("quantity").map { $0.joined(separator: " ") })
        var asserting: [String: Set<String>] = [:]
        for cue in ontology.cues("asserting-control") {
            guard let first = cue.words.first else { continue }
            for (form, _) in morphology.verbForms(first) { asserting[cue.value, default: []].insert(form) }
        }
        assertingControl = asserting

        var table = WordTable(capacity: 8192)
        var surfaceLists: [[Surface]] = []
        for (first, list) in surfaces.sorted(by: { $0.key < $1.key }) {
            table.update(first) { $0.surfaces = Int32(surfaceLists.count) }
            surfaceLists.append(list)
        }
        var triggerLists: [[Trigger]] = []
        for (first, list) in triggers.sorted(by: { $0.key < $1.key }) {
            table.update(first) {
                $0.triggers = Int32(triggerLists.count)
                if list.contains(where: { $0.form != .noun }) { $0.classes.insert(.verbTrigger) }
            }
            triggerLists.append(list)
        }
        func mark<S: Sequence>(_ words: S, _ c: WordClass) where S.Element == String {
            // Entries of several words never equal one token's text: only single words get the bit.
            for w in words where !w.contains(" ") { table.update(w) { $0.classes.insert(c) } }
        }
        func markFirst(_ phrases: [[String]], _ c: WordClass) {
            for p in phrases { if let f = p.first { table.update(f) { $0.classes.insert(c) } } }
        }
        mark(determiners, .determiner)
        mark(locatives, .locative)
        mark(DocumentAnalysis.prepositions, .preposition)
        mark(DocumentAnalysis.personPronouns, .personPronoun)
        mark(DocumentAnalysis.thingPronouns, .thingPronoun)
        mark(DocumentAnalysis.firstPersonPlural, .firstPersonPlural)
        mark(DocumentAnalysis.possessivePronouns, .possessivePronoun)
        mark(DocumentAnalysis.nameParticles, .nameParticle)
        mark(DocumentAnalysis.officeAdjectives, .officeAdjective)
        mark(ontology.cues("date-weekday").compactMap { $0.words.count == 1 ? $0.words[0] : nil }, .weekday)
        mark(reporting, .reporting)
        mark(lightVerbs, .lightVerb)
        mark(verbSet("elicit-verb"), .elicitVerb)
        mark(verbSet("impact-verb"), .impactVerb)
        mark(controlObject, .controlObject)
        mark(Set(requestVerbs.map { $0.split(separator: " ")[0] }).map(String.init), .requestVerb)
        mark(controlSubject, .controlSubject)
        mark(negatingVerbs, .negatingVerb)
        mark(clauseBreaks, .clauseBreak)
        mark(multilateral, .multilateral)
        mark(agentNouns, .agentNoun)
        mark(amountWords, .amountWord)
        mark(placeNouns, .placeNoun)
        mark(beForms, .be)
        mark(DateFinder.monthNumbers.keys, .month)
        mark(words("report-noun").map { $0.joined(separator: " ") }, .reportNoun)
        mark(words("spokes-noun").map { $0.joined(separator: " ") }, .spokesNoun)
        mark(words("document-noun").map { $0.joined(separator: " ") }, .documentNoun)
        mark(words("complement-noun").map { $0.joined(separator: " ") }, .complementNoun)
        mark(words("organization-head").map { $0.joined(separator: " ") }, .organizationHead)
        lowerCaseOrganizationHeads = Set(ontology.cues("organization-head").filter { $0.value.hasPrefix("lower-case") }.map { $0.words.joined(separator: " ") })
        bodyHeads = Set(ontology.cues("organization-head").filter { $0.value == "lower-case" }.map { $0.words.joined(separator: " ") })
        mark(words("group-noun").map { $0.joined(separator: " ") }, .groupNoun)
        mark(words("deputy-modifier").map { $0.joined(separator: " ") }, .deputyModifier)
        mark(words("role-noun").map { $0.joined(separator: " ") }, .roleNoun)
        mark(threat.keys, .threatControl)
        for (first, list) in titles {
            table.update(first) { $0.classes.insert(.titleStart) }
            if list.contains(where: { $0.tokens.count == 1 }), first.count >= 3 { table.update(first + "s") { $0.classes.insert(.pluralTitle) } }
        }
        for index in [stateNouns, territoryNouns, personNouns, memberNouns, pluralPronouns, negations, adverbials, memberLists, deputyNouns, targetNouns] { markFirst(index.all, index.start) }
        // Plurals whose singular (DocumentAnalysis.singular) is an agent noun.
        for n in agentNouns where !n.contains(" ") && n.count >= 3 && !n.hasSuffix("s") {
            table.update(n + "s") { $0.classes.insert(.agentNounPlural) }
        }
        for (first, _) in modalities { table.update(first) { $0.classes.insert(.modalityStart) } }
        wordTable = table
        lexicon = ontology.lexicon
        symmetricRelations = Set(ontology.relations.relations.filter(\.symmetric).map(\.name))
        ownStateRelations = Set(ontology.relations.relations.filter(\.withOwnState).map(\.name))
        onPeopleRelations = Set(ontology.relations.relations.filter(\.onPeopleOf).map(\.name))
        onPlaceRelations = Set(ontology.relations.relations.filter(\.onPlaceIn).map(\.name))
        namedObjectRelations = Set(ontology.relations.relations.filter(\.onNamedObject).map(\.name))
        notOnRoles = Dictionary(ontology.relations.relations.filter { !$0.notOnRoles.isEmpty }.map { ($0.name, $0.notOnRoles) }, uniquingKeysWith: { a, _ in a })
        notByRoles = Dictionary(ontology.relations.relations.filter { !$0.notByRoles.isEmpty }.map { ($0.name, $0.notByRoles) }, uniquingKeysWith: { a, _ in a })
        exampleMarkers = Set(ontology.cues("example-marker").map { $0.words.joined(separator: " ") })
        honorifics = Set(ontology.cues("honorific").map { $0.words.joined(separator: " ") })
        givenNames = ontology.givenNames
        occupationNouns = Set(ontology.cues("occupation-noun").map { $0.words.joined(separator: " ") })
        reciprocals = Set(ontology.cues("reciprocal").map { $0.words.joined(separator: " ") })
        blocNouns = Set(ontology.cues("bloc-noun").map { $0.words.joined(separator: " ") })
        actNouns = Set(ontology.cues("act-noun").map { $0.words.joined(separator: " ") })
        actAnaphors = Set(ontology.cues("act-anaphor").map { $0.words.joined(separator: " ") })
        var consequences: [String: [(phrase: String, complement: String, relation: String)]] = [:]
        for cue in ontology.cues("consequence") {
            consequences[cue.words[0], default: []].append((cue.words.joined(separator: " "), cue.words.dropFirst().joined(), cue.value))
        }
        self.consequences = consequences
        thankedActs = Dictionary(ontology.cues("thanked-act").map { ($0.value, Set([$0.words.joined(separator: " ")])) }, uniquingKeysWith: { $0.union($1) })
        flagParticiples = Set(ontology.cues("flag-participle").map { $0.words.joined(separator: " ") })
        singleMemberLists = Set(ontology.cues("member-list").filter { $0.value == "one" }.map { $0.words.joined(separator: " ") })
        longMemberLists = Set(ontology.cues("member-list").filter { $0.value == "three" }.map { $0.words.joined(separator: " ") })
        objectClauseMarkers = Set(ontology.cues("object-clause-marker").map { $0.words.joined(separator: " ") })
        finiteClauseMarkers = Set(words("finite-clause-marker").map { $0.joined(separator: " ") })
        preventingMarkers = Set(ontology.cues("object-clause-marker").filter { $0.value == "prevented" }.map { $0.words.joined(separator: " ") })
        byCountry = Dictionary(uniqueKeysWithValues: ontology.relations.relations.compactMap { r in r.byCountry.map { (r.name, $0) } })
        var classes: [String: (domain: ActorType?, range: ActorType?)] = [:]
        for r in ontology.relations.relations where r.domain != nil || r.range != nil { classes[r.name] = (r.domain, r.range) }
        relationClasses = classes
        verbalRelations = Set(ontology.relations.relations.filter { $0.quadClass == 1 || $0.quadClass == 3 }.map(\.name))
        materialRelations = Set(ontology.relations.relations.filter { $0.quadClass == 2 || $0.quadClass == 4 }.map(\.name))
        conflictRelations = Set(ontology.relations.relations.filter { $0.quadClass == 3 || $0.quadClass == 4 }.map(\.name))
        self.triggerLists = triggerLists
        self.surfaceLists = surfaceLists
    }

    /// Fills in what the tables know of each token: one lookup of its lower-case form, one of
    /// its written form when that differs, one of its form with the capital lowered when that
    /// differs from both.
    /// - Complexity: O(n) in the length of the tokens' text.
    func annotate(_ tokens: inout [Token]) {
        for k in tokens.indices {
            let lower = wordTable.info(tokens[k].lower)
            tokens[k].classes = lower?.classes ?? []
            tokens[k].triggerList = lower?.triggers ?? -1
            let sameText = tokens[k].norm == tokens[k].lower
            tokens[k].surfaceList = sameText ? (lower?.surfaces ?? -1) : (wordTable.info(tokens[k].norm)?.surfaces ?? -1)
            guard tokens[k].isCapitalized, !sameText else { continue }
            let norm = tokens[k].norm
            guard let f = norm.first else { continue }
            let lowered = f.lowercased() + norm.dropFirst()
            tokens[k].loweredSurfaceList = lowered == tokens[k].lower ? (lower?.surfaces ?? -1) : (wordTable.info(lowered)?.surfaces ?? -1)
        }
    }

    /// The offices a person held on `date` (all of them when the date is unknown).
    func offices(of person: String, on date: String?) -> [Office] {
        let all = officesByPerson[person] ?? []
        guard let date else { return all.filter { $0.end == nil } }
        return all.filter { $0.held(on: date) }
    }

    /// Who held `role` of `of` on `date` (the incumbent when the date is unknown).
    func holder(role: String, of: String?, on date: String?) -> [String] {
        let offices = (officesByRole[role] ?? []).filter { of == nil || $0.of == of }
        let held = offices.filter { o in date.map { o.held(on: $0) } ?? (o.end == nil) }
        var seen = Set<String>()
        return held.map(\.person).filter { seen.insert($0).inserted }
    }
}
