import TestSupport
import Foundation
import Testing
import KnowledgeGraph
@testable import Ontology

/// The repository's ontology folder.
let ontologyDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("ontology").path

@Suite struct OntologyLoadingTests {
    /// Every relation of shared/spec/relations.md, with its symmetry and QuadClass.
    static let spec: [(String, Bool, Int)] = [
        ("meetsWith", true, 1), ("negotiatesWith", true, 1), ("mediates", false, 1), ("invites", false, 1),
        ("visits", false, 1), ("appealsTo", false, 1), ("praises", false, 1), ("supports", false, 1),
        ("allyOf", true, 1), ("signsAgreementWith", true, 1), ("cooperatesWith", true, 2), ("aids", false, 2),
        ("criticizes", false, 3), ("accuses", false, 3), ("warns", false, 3), ("threatens", false, 3),
        ("demands", false, 3), ("rejects", false, 3), ("opposes", false, 3), ("protestsAgainst", false, 4),
        ("sanctions", false, 4), ("attacks", false, 4), ("invades", false, 4), ("fightsWith", true, 4),
        ("concedesTo", false, 2), ("withdrawsFrom", false, 2), ("investigates", false, 3), ("mobilizesAgainst", false, 4),
        ("reducesRelationsWith", false, 4), ("coerces", false, 4),
        ("leaderOf", false, 0), ("memberOf", false, 0), ("claims", false, 0),
    ]

    @Test func containsEveryRelationOfTheSpecWithItsMeaning() throws {
        let o = try Ontology.load(directory: ontologyDirectory)
        for (name, symmetric, quad) in Self.spec {
            let id = try #require(o.relations.id(name), "missing relation \(name)")
            #expect(o.relations[id].symmetric == symmetric, "\(name) symmetry")
            #expect(o.relations[id].quadClass == quad, "\(name) QuadClass")
        }
        // attacks covers CAMEO 18, 19 and 20; exports write the first.
        let attacks = o.relations[o.relations.id("attacks")!]
        #expect(attacks.cameoCodes == ["18", "19", "20"] && attacks.cameo == "18")
        #expect(attacks.goldstein == -9)
        // The six CAMEO roots the spec added, with their codes.
        let codes = ["concedesTo": "08", "withdrawsFrom": "087", "investigates": "09", "mobilizesAgainst": "15",
                     "reducesRelationsWith": "16", "coerces": "17"]
        for (name, code) in codes {
            let r = o.relations[try #require(o.relations.id(name))]
            #expect(r.cameoCodes == [code], "\(name)")
            #expect(!r.plover.isEmpty && r.goldstein != nil, "\(name)")
        }
        #expect(o.namespace == "https://w3id.org/kg-news/ontology#")
    }

    @Test func everyLexiconEntryNamesAKnownRelation() throws {
        let o = try Ontology.load(directory: ontologyDirectory)
        #expect(o.lexicon.count > 100)
        for entry in o.lexicon { #expect(o.relations.id(entry.relation) != nil) }
    }

    @Test func gazetteerCoversEveryCountryWithISOCodes() throws {
        let o = try Ontology.load(directory: ontologyDirectory)
        let countries = o.gazetteer.filter { $0.entity.type == .country }
        #expect(countries.count >= 249)
        let russia = try #require(o.gazetteer.first { $0.entity.key == "RUS" })
        #expect(russia.entity.label == "Russia")
        #expect(russia.demonyms.contains("Russian"))
        #expect(russia.seats.contains("Moscow"))
        #expect(o.gazetteer.contains { $0.entity.label == "NATO" })
        #expect(o.gazetteer.contains { $0.entity.label == "Vladimir Putin" && $0.entity.country == "RUS" })
    }

    @Test func readingGraphsLoadsOnlyWhatTheyNeed() throws {
        let full = try Ontology.load(directory: ontologyDirectory)
        let light = try Ontology.load(directory: ontologyDirectory, scope: .graphs)
        #expect(light.relations.relations.map(\.name) == full.relations.relations.map(\.name))
        #expect(light.namespace == full.namespace)
        #expect(light.lexicon.isEmpty && light.places.isEmpty && !full.lexicon.isEmpty && !full.places.isEmpty)
        // The hand-made gazetteer, not the entries converted from PETRARCH.
        #expect(light.gazetteer.contains { $0.entity.key == "vladimir-putin" })
        #expect(light.gazetteer.count < full.gazetteer.count)
    }

    @Test func everyPlaceIsInACountryOfTheGazetteer() throws {
        let o = try Ontology.load(directory: ontologyDirectory)
        let lines = try String(contentsOfFile: ontologyDirectory + "/places.tsv", encoding: .utf8)
            .split(separator: "\n").filter { !$0.hasPrefix("#") }.count - 1
        #expect(o.places.count == lines && lines > 10_000)
        #expect(o.places.contains(PlaceEntry(name: "Jeddah", country: "SAU")))
    }

    @Test func officesAreDated() throws {
        let o = try Ontology.load(directory: ontologyDirectory)
        let biden = o.offices.filter { $0.person == "joe-biden" && $0.role == "president" }
        #expect(biden.contains { $0.held(on: "2022-06-01") })
        #expect(!biden.contains { $0.held(on: "2018-06-01") })
    }

    func copyOntology() throws -> String {
        let dir = TestTemporary.path("kg-onto")
        try FileManager.default.copyItem(atPath: ontologyDirectory, toPath: dir)
        return dir
    }

    /// A copy of the ontology with `row` appended to `file`: the folder, the file's path and the row's line.
    func copyWithRow(_ file: String, _ row: String) throws -> (dir: String, path: String, line: Int) {
        let dir = try copyOntology()
        let path = dir + "/" + file
        let text = try String(contentsOfFile: path, encoding: .utf8) + row + "\n"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return (dir, path, text.split(separator: "\n", omittingEmptySubsequences: false).count - 1)
    }

    /// Expects loading a copy of the ontology with `row` appended to `file` to fail with `message`
    /// at that row's line.
    func expectLoadError(_ file: String, _ row: String, _ message: String) throws {
        let (dir, path, line) = try copyWithRow(file, row)
        #expect {
            _ = try Ontology.load(directory: dir)
        } throws: { error in
            "\(error)" == "\(path):\(line): \(message)"
        }
    }

    @Test func aLexiconRowWithAnUnknownRelationIsReportedWithItsLine() throws {
        try expectLoadError("lexicon.tsv", "bombs\tbomb\tverb\t-\t0.9", "unknown relation 'bombs' (not in kg.owl)")
    }

    @Test func aFrameNeedsAVerbAndItsObjectNoun() throws {
        try expectLoadError("lexicon-cameo.tsv", "concedesTo\trelease\tframe\t-\t0.65\t0841\tCAMEO.2.0.txt:1",
                            "a frame needs a verb and its object noun, not 'release'")
        try expectLoadError("lexicon.tsv", "attacks\tbomb\tverbal\t-\t0.9", "pos must be 'verb', 'noun', 'frame' or 'predicative', not 'verbal'")
    }

    @Test func aPredicativeEntryIsAVerbAndOneWordPredicatedOfItsObject() throws {
        try expectLoadError("lexicon.tsv", "accuses\thold\tpredicative\t-\t0.8",
                            "a predicative entry is a verb and the word predicated of its object ('hold responsible'), not 'hold'")
        try expectLoadError("lexicon.tsv", "accuses\thold fully responsible\tpredicative\t-\t0.8",
                            "a predicative entry is a verb and the word predicated of its object ('hold responsible'), not 'hold fully responsible'")
    }

    @Test func aRelationRewriteIsDataAndMustNameARelation() throws {
        let o = try Ontology.load(directory: ontologyDirectory)
        #expect(o.relations.relations.first { $0.name == "protestsAgainst" }?.byCountry == "criticizes")
        #expect(Set(o.relations.relations.filter(\.withOwnState).map(\.name)) == ["leaderOf", "memberOf", "coerces", "investigates"])
        let dir = try copyOntology()
        let path = dir + "/kg.owl"
        let text = try String(contentsOfFile: path, encoding: .utf8)
            .replacingOccurrences(of: "ontology#criticizes\"/>\n  </owl:ObjectProperty>", with: "ontology#scolds\"/>\n  </owl:ObjectProperty>")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        #expect {
            _ = try Ontology.load(directory: dir)
        } throws: { error in
            "\(error)".contains("kg.owl:") && "\(error)".contains("relation 'protestsAgainst': kg:byCountry 'scolds' is not a relation of kg.owl")
        }
    }

    @Test func aLightVerbPhraseNamesARelationOfTheOntology() throws {
        // An unknown relation, and prepositions with no relation.
        for value in ["signsTreatyWith:to", "to|on"] {
            try expectLoadError("cues.tsv", "light-verb-phrase\tagree\t\(value)",
                                "light-verb-phrase 'agree': value '\(value)' is not RELATION:PREPOSITIONS with a relation of kg.owl")
        }
    }

    @Test func consequencesAndThankedActsNameARelationOfTheOntology() throws {
        // An unknown relation, and a phrase of more words than the category reads.
        let rows = [("consequence", "pay price", "punishes"), ("consequence", "pay a heavy price", "threatens"),
                    ("thanked-act", "for", "helps"), ("thanked-act", "in return for", "supports")]
        for (category, phrase, value) in rows {
            let need = category == "consequence" ? "a verb and at most one complement" : "one preposition"
            try expectLoadError("cues.tsv", "\(category)\t\(phrase)\t\(value)",
                                "\(category) '\(phrase)': needs \(need), and a relation of kg.owl as its value, not '\(value)'")
        }
    }

    @Test func givenNamesAreCapitalizedWordsNoTitle() throws {
        let o = try Ontology.load(directory: ontologyDirectory)
        #expect(o.givenNames.isSuperset(of: ["Dan", "Ana", "Mohammed", "Olga"]))
        // No courtesy title, country word or English word is a given name.
        #expect(o.givenNames.isDisjoint(with: ["Ayatollah", "Baroness", "Russian", "Jordan", "May", "Will", "General"]))
        try expectLoadError("given-names.tsv", "dan\t7", "given name 'dan' is not one capitalized word")
        try expectLoadError("given-names.tsv", "Dan Voicu\t7", "given name 'Dan Voicu' is not one capitalized word")
    }

    @Test func aCueOfAnUnknownCategoryIsReportedWithItsLine() throws {
        let (dir, path, line) = try copyWithRow("cues.tsv", "light-verbs\tstage\t")
        #expect {
            _ = try Ontology.load(directory: dir)
        } throws: { error in
            "\(error)".hasPrefix("\(path):\(line): unknown cue category 'light-verbs' (known: ")
        }
        // Every category of the shipped file is known.
        #expect(Set(try Ontology.load(directory: ontologyDirectory).cues.map(\.category)).isSubset(of: Cue.categories))
    }

    @Test func stateNounRolesAreCAMEOCodesAgreeingWithAgents() throws {
        let o = try Ontology.load(directory: ontologyDirectory)
        let roles = o.cues("state-noun")
        #expect(roles.filter { $0.value.isEmpty }.map { $0.words.joined(separator: " ") } == ["side"])
        // Where agents.tsv has the noun (singular or plural), it gives the same sector.
        var agents: [String: String] = [:]
        for a in o.agents {
            agents[a.noun] = a.sector
            if let p = a.plural { agents[p] = a.sector }
        }
        var compared = 0
        for cue in roles where !cue.value.isEmpty {
            let noun = cue.words.joined(separator: " ")
            guard let sector = agents[noun] else { continue }
            compared += 1
            #expect(cue.value == sector, "state-noun '\(noun)': \(cue.value), agents.tsv \(sector)")
        }
        #expect(compared >= 20)
        let dir = try copyOntology()
        let path = dir + "/cues.tsv"
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text += "state-noun\tgendarmes\tcops\n"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count - 1
        #expect {
            _ = try Ontology.load(directory: dir)
        } throws: { error in
            "\(error)".hasPrefix("\(path):\(lines): state-noun 'gendarmes': role 'cops' is not a CAMEO code")
        }
    }

    @Test func aRelationThatCannotBeAQNameIsRefused() throws {
        let dir = try copyOntology()
        let path = dir + "/kg.owl"
        let text = try String(contentsOfFile: path, encoding: .utf8)
            .replacingOccurrences(of: "ontology#attacks\"", with: "ontology#04attacks\"")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        // Any error would do if the check were missing (the lexicon's rows of 'attacks' fail too):
        // the message must be the QName check's.
        #expect {
            _ = try Ontology.load(directory: dir)
        } throws: { error in
            error is OntologyError && "\(error)".contains("04attacks")
        }
    }

    @Test func aMissingFolderIsAClearError() {
        #expect {
            _ = try Ontology.load(directory: "/nonexistent/ontology")
        } throws: { error in
            "\(error)" == "/nonexistent/ontology: no such ontology folder"
        }
    }
}
