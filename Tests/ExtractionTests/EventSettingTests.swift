import KnowledgeGraph
import Testing
@testable import Extraction

/// When and where: dates resolved against the document's date, places from the ontology.
@Suite struct EventSettingTests {
    /// The (eventDate, place name, place country) of each mention of `triple`.
    func setting(_ text: String, date: String?, _ triple: String) -> [(String?, String?, String?)] {
        let g = extractGraph(text, date: date)
        return g.statements.filter { "\(g[$0.subject].label) \(g.vocabulary[$0.relation].name) \(g[$0.object].label)" == triple }
            .flatMap(\.evidence).map { ($0.eventDate, $0.place?.name, $0.place?.country) }
    }

    func date(_ text: String, on documentDate: String?, _ triple: String = "Russia attacks Ukraine") -> String? {
        setting(text, date: documentDate, triple).first?.0
    }

    // 2023-05-24 is a Wednesday.
    @Test(arguments: [
        ("Russia attacked Ukraine on March 4, 2023.", "2023-03-04"),
        ("Russia attacked Ukraine on 4 March 2023.", "2023-03-04"),
        ("Russia attacked Ukraine on 2023-03-04.", "2023-03-04"),
        ("Russia attacked Ukraine on May 20.", "2023-05-20"),
        ("Russia attacked Ukraine on December 30.", "2022-12-30"),
        ("Russia attacked Ukraine in June 2021.", "2021-06"),
        ("Russia attacked Ukraine in 2014.", "2014"),
        ("Russia attacked Ukraine on Monday.", "2023-05-22"),
        ("Russia attacked Ukraine on Wednesday.", "2023-05-24"),
        ("Russia attacked Ukraine last Wednesday.", "2023-05-17"),
        ("Russia attacked Ukraine yesterday.", "2023-05-23"),
        ("Russia attacked Ukraine last week.", "2023-W20"),
        ("Russia attacked Ukraine earlier this month.", "2023-05"),
        ("Russia attacked Ukraine last year.", "2022"),
        ("Russia attacked Ukraine.", "2023-05-24"),
    ])
    func datesAreResolvedAgainstTheDocumentDate(_ text: String, _ expected: String) {
        #expect(date(text, on: "2023-05-24") == expected, "\(text)")
    }

    @Test func futureWeekdaysLookForward() {
        #expect(date("Russia will attack Ukraine on Monday.", on: "2023-05-24") == "2023-05-29")
        #expect(setting("Iran will meet Qatar next Tuesday.", date: "2023-05-24", "Iran meetsWith Qatar").first?.0 == "2023-05-30")
    }

    @Test func whatNeedsTheDocumentDateIsLeftOutWithoutOne() {
        #expect(date("Russia attacked Ukraine on Monday.", on: nil) == nil)
        #expect(date("Russia attacked Ukraine yesterday.", on: nil) == nil)
        #expect(date("Russia attacked Ukraine on March 4, 2023.", on: nil) == "2023-03-04")
        #expect(date("Russia attacked Ukraine.", on: nil) == nil)
    }

    @Test func aDatelineDatesTheReportNotTheEvent() {
        let text = "KYIV, May 24, 2023 — Russia attacked Ukraine on Monday."
        #expect(date(text, on: nil) == "2023-05-22")
    }

    @Test func theNearestDateToTheStatementWins() {
        let text = "Russia attacked Ukraine on Monday, and China praised Pakistan on Friday."
        #expect(date(text, on: "2023-05-24") == "2023-05-22")
        #expect(setting(text, date: "2023-05-24", "China praises Pakistan").first?.0 == "2023-05-19")
    }

    @Test func placesComeFromTheGazetteerAndThePlaceList() {
        let met = setting("Putin met Xi in Moscow on Tuesday.", date: "2023-03-22", "Vladimir Putin meetsWith Xi Jinping")
        #expect(met.first?.1 == "Moscow" && met.first?.2 == "RUS")
        let talks = setting("Iran met Qatar in Jeddah.", date: "2023-05-24", "Iran meetsWith Qatar")
        #expect(talks.first?.1 == "Jeddah" && talks.first?.2 == "SAU")
        let strike = setting("Russia attacked Ukraine near Kharkiv.", date: "2023-05-24", "Russia attacks Ukraine")
        #expect(strike.first?.1 == "Kharkiv" && strike.first?.2 == "UKR")
        // "in Russia's Samara region": the city of that country after the possessive.
        let drone = setting("Ukraine attacked Russia in Russia's Samara region.", date: "2023-05-24", "Ukraine attacks Russia")
        #expect(drone.first?.1 == "Samara" && drone.first?.2 == "RUS")
        // No place preposition, no place.
        #expect(setting("Russia attacked Ukraine.", date: "2023-05-24", "Russia attacks Ukraine").first?.1 == nil)
    }
}

@Suite struct CalendarArithmeticTests {
    @Test func daysWeekdaysAndWeeks() throws {
        let d = try #require(CalendarDate(iso: "2023-05-24"))
        #expect(d.weekday == 3)
        #expect(CalendarDate(dayNumber: d.dayNumber) == d)
        #expect(CalendarDate(iso: "1970-01-01")?.dayNumber == 0)
        #expect(d.adding(days: -24)?.iso == "2023-04-30")
        #expect(CalendarDate(iso: "2024-02-28")?.adding(days: 1)?.iso == "2024-02-29")
        #expect(d.isoWeek == "2023-W21")
        // Weeks at the turn of a year belong to the year of their Thursday.
        #expect(CalendarDate(iso: "2021-01-03")?.isoWeek == "2020-W53")
        #expect(CalendarDate(iso: "2024-12-30")?.isoWeek == "2025-W01")
    }
}
