import Testing
import KnowledgeGraph
@testable import Extraction

/// Actors converted from PETRARCH's dictionaries are recognised, and every actor of a
/// statement carries its CAMEO actor code for the document's date.
@Suite struct CAMEOActorCodeTests {
    func entity(_ graph: Graph, _ key: String) -> Entity? {
        graph.entityID(key: key).map { graph[$0] }
    }

    @Test func aPetrarchPersonIsRecognisedAndMappedToItsCountry() throws {
        // Igor Ivanov, Russia's foreign minister 1998-2004, is not in the hand-made gazetteer.
        let g = extractGraph("Igor Ivanov met Colin Powell in Washington on Tuesday.", date: "2003-05-20")
        let ivanov = try #require(entity(g, "igor-ivanov"))
        #expect(ivanov.type == .person && ivanov.country == "RUS")
        #expect(ivanov.code == "RUSGOV")
        #expect(g.statements.contains { g[$0.subject].key == "igor-ivanov" || g[$0.object].key == "igor-ivanov" })
    }

    @Test func countriesOrganizationsAndOfficeHoldersCarryTheirCode() throws {
        let g = extractGraph("Russia attacked Ukraine. NATO condemned Russia. Vladimir Putin met Xi Jinping in Moscow.",
                             date: "2023-03-21")
        #expect(entity(g, "RUS")?.code == "RUS")
        #expect(entity(g, "UKR")?.code == "UKR")
        #expect(entity(g, "nato")?.code == "IGOWSTNAT")
        #expect(entity(g, "vladimir-putin")?.code == "RUSGOV")
        #expect(entity(g, "xi-jinping")?.code == "CHNGOV")
    }

    /// The (subjectCode, objectCode) of every mention of `triple` ("Sudan attacks Chad").
    func codes(_ text: String, date: String? = "2023-05-24", _ triple: String) -> [[String?]] {
        let g = extractGraph(text, date: date)
        return g.statements.filter { "\(g[$0.subject].label) \(g.vocabulary[$0.relation].name) \(g[$0.object].label)" == triple }
            .flatMap(\.evidence).map { [$0.subjectCode, $0.objectCode] }
    }

    @Test func aStateNounGivesTheMentionItsRoleButTheActorStaysTheCountry() {
        #expect(codes("Sudanese forces shelled Chad.", "Sudan attacks Chad") == [["SDNMIL", "TCD"]])
        #expect(codes("Russian police seized Ukrainian boats.", "Russia coerces Ukraine") == [["RUSCOP", "UKR"]])
        #expect(codes("Israeli police arrested Palestinian protesters.", "Israel coerces protesters").map { $0[0] } == ["ISRCOP"])
        #expect(codes("Iran's foreign ministry condemned Israel.", "Iran criticizes Israel") == [["IRNGOV", "ISR"]])
        #expect(codes("Russian troops attacked Ukraine.", "Russia attacks Ukraine") == [["RUSMIL", "UKR"]])
        // The object's mention has its role too.
        #expect(codes("Ukraine attacked Russian troops.", "Ukraine attacks Russia") == [["UKR", "RUSMIL"]])
    }

    @Test func membersOfAStateHaveTheirNounsRole() {
        // A member noun's role: a state noun's, else agents.tsv's code for the noun.
        #expect(codes("US troops attacked Syria.", "United States attacks Syria") == [["USAMIL", "SYR"]])
        #expect(codes("The government of Sudan criticized Chad.", "Sudan criticizes Chad") == [["SDNGOV", "TCD"]])
        #expect(codes("US lawmakers criticized China.", "United States criticizes China") == [["USALEG", "CHN"]])
        #expect(codes("Officials in Kyiv accused Russia.", "Ukraine accuses Russia") == [["UKRGOV", "RUS"]])
        // An organization keeps its own code: its members add no role to it.
        #expect(codes("ASEAN foreign ministers met China.", "China meetsWith ASEAN") == [["CHN", "IGOSEAASN"]])
    }

    @Test func aMentionWithoutARoleHasTheEntitysCode() {
        #expect(codes("Russia attacked Ukraine.", "Russia attacks Ukraine") == [["RUS", "UKR"]])
        // "the Russian side" is the state with no role.
        #expect(codes("The Russian side criticized Ukraine.", "Russia criticizes Ukraine") == [["RUS", "UKR"]])
        // A person keeps the person's code on the document's date.
        let people = codes("Vladimir Putin met Xi Jinping in Moscow.", date: "2023-03-21", "Vladimir Putin meetsWith Xi Jinping")
            + codes("Vladimir Putin met Xi Jinping in Moscow.", date: "2023-03-21", "Xi Jinping meetsWith Vladimir Putin")
        #expect(people.count == 1 && Set(people.flatMap { $0 }) == ["RUSGOV", "CHNGOV"], "\(people)")
    }

    @Test func mentionsOfOneStatementKeepTheirOwnCodes() {
        let text = "Sudanese forces shelled Chad. Later, Sudan attacked Chad again."
        #expect(codes(text, "Sudan attacks Chad") == [["SDNMIL", "TCD"], ["SDN", "TCD"]])
    }

    @Test func aSymmetricStatementSwapsItsMentionsCodesWithItsActors() {
        // meetsWith is stored with the smaller key first (POL before UKR): the codes follow the actors.
        #expect(codes("The Ukrainian army met Polish police.", "Poland meetsWith Ukraine") == [["POLCOP", "UKRMIL"]])
    }
}
