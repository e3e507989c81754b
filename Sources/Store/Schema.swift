/// The SQL of a kg store, version 1: tables kg writes (prefixed `kg_`), indexes for the lookups
/// kg's commands make, and views meant for people and their tools (pandas, R, DuckDB, the
/// `sqlite3` shell), which need nothing of kg to read them.
///
/// A store is marked by `PRAGMA application_id` (`applicationID`, "kgDB") and its schema
/// version by `PRAGMA user_version` (`version`); kg refuses a SQLite file without the mark and
/// a store of a newer version. Documents, entities and statements are keyed as in the graph:
/// documents by their id, entities by key, statements by subject, relation, object, polarity
/// and modality; every mention is one `kg_mention` row.
public enum Schema {
    /// `PRAGMA application_id` of a kg store: the bytes "kgDB".
    public static let applicationID: Int32 = 0x6B67_4442
    /// `PRAGMA user_version`: the schema version this kg reads and writes.
    public static let version = 1

    /// The statements creating schema version 1 (run once, in the transaction that creates the store).
    public static let create = """
    -- What kg wrote the store, and the ontology namespace of its relations.
    CREATE TABLE kg_meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );

    -- The relations of the ontology the statements use, with their CAMEO/PLOVER attributes.
    CREATE TABLE kg_relation (
        id         INTEGER PRIMARY KEY,
        name       TEXT NOT NULL UNIQUE,          -- attacks, allyOf, ...
        label      TEXT NOT NULL,
        symmetric  INTEGER NOT NULL,              -- 1: (A r B) is (B r A), stored with A.key < B.key
        quad_class INTEGER NOT NULL,              -- 0 structural, 1-2 cooperation, 3-4 conflict
        cameo      TEXT NOT NULL,                 -- CAMEO event code, text ("042")
        plover     TEXT NOT NULL,
        goldstein  REAL                           -- Goldstein scale, NULL when none
    );

    -- Actors, by their stable key (ISO alpha-3 for countries, a slug for others).
    CREATE TABLE kg_entity (
        id       INTEGER PRIMARY KEY,
        key      TEXT NOT NULL UNIQUE,
        label    TEXT NOT NULL,
        type     TEXT NOT NULL,                   -- Country, Person, Organization, Group, ...
        country  TEXT,                            -- ISO 3166 alpha-3
        wikidata TEXT,                            -- Q-id
        code     TEXT                             -- CAMEO actor code (RUS, RUSGOV, IGOUNO)
    );

    -- Other names of an actor, in order.
    CREATE TABLE kg_alias (
        entity   INTEGER NOT NULL REFERENCES kg_entity(id),
        position INTEGER NOT NULL,
        alias    TEXT NOT NULL,
        PRIMARY KEY (entity, position)
    ) WITHOUT ROWID;

    -- Source documents, by id; digest is sha256:HEX of the text, so a document added again is
    -- known for the same one (skipped) and the same id with other content is kept as ID~2.
    CREATE TABLE kg_document (
        id     INTEGER PRIMARY KEY,
        key    TEXT NOT NULL UNIQUE,              -- the document id
        title  TEXT,
        date   TEXT,                              -- YYYY-MM-DD
        url    TEXT,
        digest TEXT
    );

    -- Statements merged over their mentions; weight and confidence are kept up to date for the
    -- views (kg itself recomputes them from kg_mention).
    CREATE TABLE kg_statement (
        id         INTEGER PRIMARY KEY,
        subject    INTEGER NOT NULL REFERENCES kg_entity(id),
        relation   INTEGER NOT NULL REFERENCES kg_relation(id),
        object     INTEGER NOT NULL REFERENCES kg_entity(id),
        negated    INTEGER NOT NULL,              -- 1: "did not attack"
        modality   TEXT NOT NULL,                 -- asserted, future, intended, possible, conditional
        weight     INTEGER NOT NULL DEFAULT 0,    -- mentions
        confidence REAL NOT NULL DEFAULT 0,       -- 1 - prod(1 - mention confidence)
        UNIQUE (subject, relation, object, negated, modality)   -- also the index by subject
    );
    CREATE INDEX kg_statement_object ON kg_statement (object, relation);
    CREATE INDEX kg_statement_relation ON kg_statement (relation);

    -- Every mention of a statement: the evidence (document, sentence, span, quote, pattern).
    CREATE TABLE kg_mention (
        id         INTEGER PRIMARY KEY,
        statement  INTEGER NOT NULL REFERENCES kg_statement(id),
        document   INTEGER NOT NULL REFERENCES kg_document(id),
        sentence   INTEGER NOT NULL,              -- index of the sentence in the document, from 0
        start_char INTEGER NOT NULL,              -- span in Unicode scalars, end exclusive
        end_char   INTEGER NOT NULL,
        quote      TEXT NOT NULL,                 -- the sentence
        pattern    TEXT NOT NULL,                 -- the lexicon pattern that matched
        confidence REAL NOT NULL,
        event_id   TEXT NOT NULL,                 -- stable id of the mention (EventID)
        event_date TEXT,                          -- ISO 8601 day, month, year or week of the event
        place_name TEXT,                          -- where it happened, if the sentence says
        place_country TEXT,
        subject_code TEXT,                        -- CAMEO actor codes of the mention's actors (SDNMIL, RUS)
        object_code  TEXT
    );
    CREATE INDEX kg_mention_statement ON kg_mention (statement, document);
    CREATE INDEX kg_mention_document ON kg_mention (document);

    -- One row per statement per document (GDELT's event grain): written once with the document.
    CREATE TABLE kg_event (
        statement     INTEGER NOT NULL REFERENCES kg_statement(id),
        document      INTEGER NOT NULL REFERENCES kg_document(id),
        mentions      INTEGER NOT NULL,
        confidence    REAL NOT NULL,              -- 1 - prod(1 - c) over the mentions in the document
        first_mention INTEGER NOT NULL REFERENCES kg_mention(id),   -- by span
        PRIMARY KEY (statement, document)
    ) WITHOUT ROWID;

    -- Views for people: plain names and codes, no ids to join.

    \(mentionViews)

    -- Actors with their aliases ("; "-separated) and how many statements they are an end of.
    CREATE VIEW entities AS
    SELECT e.key, e.label, e.type, e.country, e.wikidata, e.code,
           (SELECT group_concat(alias, '; ') FROM (SELECT alias FROM kg_alias x WHERE x.entity = e.id ORDER BY x.position)) AS aliases,
           (SELECT count(*) FROM kg_statement s WHERE s.subject = e.id)
             + (SELECT count(*) FROM kg_statement s WHERE s.object = e.id AND s.subject <> e.id) AS statements
    FROM kg_entity e;

    -- Statements with their weight and confidence over every document.
    CREATE VIEW statements AS
    SELECT s.id AS statement, a.key AS subject, a.label AS subject_label, r.name AS relation,
           b.key AS object, b.label AS object_label, s.negated, s.modality, s.weight, s.confidence,
           r.quad_class AS QuadClass, r.cameo AS EventCode, r.goldstein AS GoldsteinScale
    FROM kg_statement s
    JOIN kg_entity a ON a.id = s.subject
    JOIN kg_entity b ON b.id = s.object
    JOIN kg_relation r ON r.id = s.relation;

    -- Documents with how many mentions they gave.
    CREATE VIEW documents AS
    SELECT d.key AS document, d.title, d.date, d.url, d.digest,
           (SELECT count(*) FROM kg_mention m WHERE m.document = d.id) AS mentions
    FROM kg_document d;
    """

    /// The views over `kg_mention` with its actor codes (`subject_code`, `object_code`), also
    /// made anew when an older version-1 store without those columns is opened to write.
    static let mentionViews = """
    -- GDELT-like events, the columns of kg's CSV export: one row per statement per document.
    CREATE VIEW events AS
    SELECT d.date AS date,
           coalesce(m.subject_code, a.code) AS Actor1Code, a.label AS Actor1Name, a.country AS Actor1CountryCode, a.type AS Actor1Type,
           r.cameo AS EventCode, substr(r.cameo, 1, 2) AS EventRootCode, r.quad_class AS QuadClass,
           r.goldstein AS GoldsteinScale, r.name AS relation,
           coalesce(m.object_code, b.code) AS Actor2Code, b.label AS Actor2Name, b.country AS Actor2CountryCode, b.type AS Actor2Type,
           ev.mentions AS NumMentions, ev.confidence AS confidence, s.negated AS negated, s.modality AS modality,
           d.key AS document, d.url AS SourceURL, m.quote AS sentence,
           CASE WHEN length(m.event_date) = 10 THEN replace(m.event_date, '-', '') END AS SQLDATE,
           m.event_date AS EventDate, m.place_name AS ActionGeo_FullName, m.place_country AS ActionGeo_CountryCode,
           m.event_id AS EventId, a.key AS Actor1Id, b.key AS Actor2Id, s.id AS statement
    FROM kg_event ev
    JOIN kg_statement s ON s.id = ev.statement
    JOIN kg_entity a ON a.id = s.subject
    JOIN kg_entity b ON b.id = s.object
    JOIN kg_relation r ON r.id = s.relation
    JOIN kg_document d ON d.id = ev.document
    JOIN kg_mention m ON m.id = ev.first_mention;

    -- Every mention of every statement: the evidence, with its document.
    CREATE VIEW evidence AS
    SELECT m.statement, a.key AS subject, r.name AS relation, b.key AS object, s.negated, s.modality,
           d.key AS document, d.date, d.title, d.url, m.sentence, m.start_char, m.end_char, m.quote,
           m.pattern, m.confidence, m.event_id, m.event_date, m.place_name, m.place_country, m.subject_code, m.object_code
    FROM kg_mention m
    JOIN kg_statement s ON s.id = m.statement
    JOIN kg_entity a ON a.id = s.subject
    JOIN kg_entity b ON b.id = s.object
    JOIN kg_relation r ON r.id = s.relation
    JOIN kg_document d ON d.id = m.document;
    """
}
