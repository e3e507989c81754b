/// How an actor mention was recognized.
public enum MentionKind: String, Sendable {
    /// A gazetteer name or alias ("Russia", "Putin").
    case name
    /// A capital or seat of government standing for its state ("Beijing", "the Kremlin").
    case seat
    /// A demonym with a noun that makes it the state ("Russian army").
    case state
    /// A demonym modifying an event noun ("Russian bombardment"): the agent of that noun only.
    case demonym
    /// A titled person ("Foreign Minister Retno Marsudi", "Secretary Blinken").
    case titled
    /// A definite description of a person ("the Russian president", "the Secretary").
    case description
    /// A personal or possessive pronoun ("he", "its", "their", "the two leaders").
    case pronoun
    /// First person plural of a statement ("we", "our").
    case firstPerson
    /// A relative pronoun ("who") standing for the actor before it.
    case relative
    /// Members of an actor ("foreign ministers of ASEAN", "ASEAN foreign ministers").
    case members
}

/// An actor mention in a sentence, resolved to entities of the document.
public struct Mention: Sendable {
    /// Token indices in the document.
    public var range: Range<Int>
    /// Indices into the document's entity table; several for "the two" or "their".
    public var entities: [Int]
    public var kind: MentionKind
    /// Followed by "'s", or a possessive pronoun ("his", "its").
    public var possessive: Bool = false
    /// Preceded by a locative preposition ("in Beijing"): a place, not an agent.
    public var locative: Bool = false
    /// Part of a hyphenated modifier ("Rwanda-supported", "ASEAN-U.S."): an argument only of
    /// the compound's own relation, never a subject or object of the clause.
    public var modifier: Bool = false
    /// A leader title attached to a person mention, with what it is of ("President" of RUS).
    public var leaderOf: Int? = nil
    /// The state or body a titled person's title names in the text ("EU foreign policy chief
    /// NAME": the EU), which the text has then named, as if on its own.
    public var titleOf: Int? = nil
    /// The person `leaderOf` belongs to when the mention stands for somebody else: "the spokesman
    /// for UN Secretary-General António Guterres" is the deputy, and Guterres leads the UN.
    public var titledPerson: Int? = nil
    /// People or craft of a country ("two Guatemalan priests", "a Filipino fishing boat"): the
    /// country as what an act is done to, never as the one who acts.
    public var target: Bool = false
    /// The CAMEO role a state noun gives the mention ("Russian troops": MIL), joined to the
    /// state's code in the mention's actor code (`RUSMIL`).
    public var role: String? = nil
    /// How it was resolved, for `kg explain`.
    public var note: String
}
