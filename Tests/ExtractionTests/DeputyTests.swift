import Testing
@testable import Extraction

/// An envoy, spokesperson or adviser of a person is not that person: the deputy stands for the
/// person's country, as its government, or for nobody. Sentences written for these tests.
@Suite struct DeputyTests {
    func actors(_ text: String, date: String = "2025-06-01") -> [String] {
        sharedExtractor.explain(.init(id: "t", text: text, date: date)).sentences.flatMap { $0.mentions.flatMap(\.entities) }
    }

    @Test func aPersonsEnvoyActsForTheCountryNotThePerson() {
        let f = extract("Putin's envoy met Zelensky in Kyiv.", date: "2025-06-01")
        #expect(f.positive == ["Russia meetsWith Volodymyr Zelensky"], "\(f.positive)")
        #expect(extract("Trump's special envoy visited Moscow.", date: "2025-06-01").positive == ["United States visits Russia"])
        #expect(extract("An adviser to President Macron criticized Iran.", date: "2025-06-01").positive == ["France criticizes Iran", "Emmanuel Macron leaderOf France"])
        #expect(extract("A spokesman for the Chinese President praised Kenya.", date: "2025-06-01").positive.filter { $0.contains("Kenya") }
                    == ["China praises Kenya"])
    }

    @Test func withoutACountryOrForAFormerDeputyNobodyActs() {
        // The Secretary-General's envoy acts for the UN he leads; a former adviser for nobody, and so
        // does the spokesman of a listed person out of office on the date.
        #expect(extract("The Secretary-General's envoy met Abdul Hamid Dbeibah.", date: "2025-06-01").all.contains { $0.contains("United Nations") })
        #expect(extract("Biden's spokesman criticized Qatar.", date: "2025-06-01").all.isEmpty)
        #expect(extract("Biden's spokesman criticized Qatar.", date: "2023-06-01").positive == ["United States criticizes Qatar"])
        #expect(extract("Xi's former adviser criticized Japan.", date: "2025-06-01").all.isEmpty)
        // The person's own title still tells what they lead.
        let f = extract("The statement was issued by the Spokesman for UN Secretary-General António Guterres.", date: "2025-06-01")
        #expect(f.positive == ["António Guterres leaderOf United Nations"], "\(f.positive)")
    }

    @Test func aNamedDeputyIsThatPersonOfTheSameCountry() throws {
        let a = actors("Putin's special envoy Lev Orlov criticized Finland.")
        #expect(a == ["Lev Orlov", "Finland"], "\(a)")
        let g = extractGraph("Putin's special envoy Lev Orlov criticized Finland.", date: "2025-06-01")
        let orlov = try #require(g.entityID(key: "lev-orlov"))
        #expect(g[orlov].country == "RUS")
    }

    @Test func aDeputyInAppositionIsTheNamedPerson() {
        let f = extract("Lev Orlov, an adviser to Putin, met Zelensky in Kyiv.", date: "2025-06-01")
        #expect(f.positive == ["Lev Orlov meetsWith Volodymyr Zelensky"], "\(f.positive)")
        // A modifier that starts a deputy noun of its own: "chief of staff", "press secretary".
        #expect(extract("Trump's press secretary criticized China.", date: "2025-06-01").positive == ["United States criticizes China"])
        // A name in apposition after the noun, also after its "for" phrase, closed by a comma.
        #expect(extract("Putin's envoy, Lev Orlov, met Zelensky.", date: "2025-06-01").positive == ["Lev Orlov meetsWith Volodymyr Zelensky"])
        let g = extract("The UN Secretary-General's special envoy for Sudan, Ana Rusu, met Burhan in Port Sudan.", date: "2025-06-01")
        #expect(g.positive == ["Abdel Fattah al-Burhan meetsWith Ana Rusu"], "\(g.positive)")
        // Not without the closing comma, nor a country in apposition.
        #expect(extract("Putin's envoy, Russia, met Zelensky.", date: "2025-06-01").positive == ["Russia meetsWith Volodymyr Zelensky"])
        // "an envoy to Putin" is sent to him, not his.
        #expect(!extract("Trump sent an envoy to Putin.", date: "2025-06-01").all.contains { $0.hasPrefix("Russia") })
    }

    @Test func theOwnBusinessOfAPersonIsStillTheirs() {
        // Not deputies: the person's own war, and negotiators or representatives doing the person's business.
        #expect(extract("Poland condemned Putin's war.", date: "2025-06-01").positive == ["Poland criticizes Vladimir Putin"])
        #expect(!actors("Putin's envoy met Zelensky.").contains("Vladimir Putin"))
        #expect(actors("Representatives of Putin met Zelensky.").contains("Vladimir Putin"))
    }

    @Test func aRelativeStandsForNobody() {
        // (The title still says who the leader is.)
        #expect(extract("The sister of leader Kim Jong Un criticized Seoul.", date: "2025-06-01").all == ["Kim Jong Un leaderOf North Korea"])
        #expect(extract("Putin's daughter visited Iran.", date: "2025-06-01").all.isEmpty)
    }
}
