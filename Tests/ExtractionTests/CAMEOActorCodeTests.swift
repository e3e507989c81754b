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
}
