import Foundation
import KnowledgeGraph
import Testing
import TestSupport
@testable import Ontology

/// A small valid gazetteer; each case breaks one line of it and expects the load error.
enum GazetteerFixture {
    static let files: [String: String] = [
        "countries.tsv": """
            id\tlabel\ttype\tcountry\taliases\tseats\tdemonyms\twikidata
            RUS\tRussia\tCountry\tRUS\tRussian Federation\tMoscow|the Kremlin\tRussian\tQ159
            UKR\tUkraine\tCountry\tUKR\t\tKyiv\tUkrainian\tQ212

            """,
        "organizations.tsv": """
            id\tlabel\ttype\tcountry\taliases\twikidata
            nato\tNATO\tOrganization\t\tNorth Atlantic Treaty Organization\tQ7184

            """,
        "groups.tsv": """
            id\tlabel\ttype\tcountry\taliases\twikidata
            the-west\tthe West\tGroup\t\t\t

            """,
        "people.tsv": """
            id\tlabel\ttype\tcountry\taliases\twikidata
            vladimir-putin\tVladimir Putin\tPerson\tRUS\tPutin\tQ7747
            volodymyr-zelensky\tVolodymyr Zelensky\tPerson\tUKR\tZelensky|Zelenskyy\t

            """,
        "offices.tsv": """
            person\trole\tof\tstart\tend
            vladimir-putin\tpresident\tRUS\t2012-05-07\t
            volodymyr-zelensky\tpresident\tUKR\t2019-05-20\t

            """,
    ]

    /// Writes the repository's ontology without its gazetteer, plus the fixture gazetteer with
    /// `edit` applied to `file`, into a new temporary folder.
    static func write(file: String? = nil, edit: (String) -> String = { $0 }) throws -> String {
        let fm = FileManager.default
        let dir = TestTemporary.path("kg-gazetteer")
        try fm.createDirectory(atPath: dir + "/gazetteer", withIntermediateDirectories: true)
        for name in try fm.contentsOfDirectory(atPath: ontologyDirectory) where name != "gazetteer" && name != "README.md" {
            try fm.copyItem(atPath: "\(ontologyDirectory)/\(name)", toPath: "\(dir)/\(name)")
        }
        for (name, text) in files {
            try (name == file ? edit(text) : text).write(toFile: "\(dir)/gazetteer/\(name)", atomically: false, encoding: .utf8)
        }
        return dir
    }

    /// Replaces line `line` (1-based) of `text`.
    static func replacing(line: Int, with new: String) -> @Sendable (String) -> String {
        { text in
            var lines = text.components(separatedBy: "\n")
            lines[line - 1] = new
            return lines.joined(separator: "\n")
        }
    }

    /// Adds `row` as the last line.
    static func appending(_ row: String) -> @Sendable (String) -> String {
        { $0 + row + "\n" }
    }
}

/// One broken gazetteer: the file, the edit, and the expected `file:line: message`.
struct BrokenGazetteer: CustomTestStringConvertible, Sendable {
    let name: String
    let file: String
    let edit: @Sendable (String) -> String
    let line: Int
    /// The message; `DIR` stands for the fixture's gazetteer folder.
    let message: String

    var testDescription: String { name }

    static let all: [BrokenGazetteer] = {
        typealias F = GazetteerFixture
        let people = "people.tsv", offices = "offices.tsv", countries = "countries.tsv"
        func c(_ name: String, _ file: String, _ edit: @escaping @Sendable (String) -> String, _ line: Int, _ message: String) -> BrokenGazetteer {
            BrokenGazetteer(name: name, file: file, edit: edit, line: line, message: message)
        }
        return [
            // Format
            c("header", people, F.replacing(line: 1, with: "id\tlabel\ttype\tcountry\taliases\tqid"), 1,
              "the header must be 'id\\tlabel\\ttype\\tcountry\\taliases\\twikidata'"),
            c("too few cells", people, F.replacing(line: 2, with: "vladimir-putin\tVladimir Putin\tPerson\tRUS\tPutin"), 2,
              "5 cells but the header has 6 columns"),
            c("surrounding whitespace", people, F.replacing(line: 2, with: "vladimir-putin\tVladimir Putin \tPerson\tRUS\tPutin\tQ7747"), 2,
              "label: surrounding whitespace in 'Vladimir Putin '"),
            c("quoting", people, F.replacing(line: 2, with: "vladimir-putin\t\"Vladimir Putin\"\tPerson\tRUS\tPutin\tQ7747"), 2,
              "label: quoted value '\"Vladimir Putin\"'; the files use no quoting"),
            c("CR line endings", people, { $0.replacingOccurrences(of: "\n", with: "\r\n") }, 1, "CR found; use LF line endings"),
            c("no final LF", people, { String($0.dropLast()) }, 3, "the last line is not terminated by LF"),
            c("empty line", people, F.replacing(line: 3, with: "\nvolodymyr-zelensky\tVolodymyr Zelensky\tPerson\tUKR\tZelensky|Zelenskyy\t"), 3,
              "empty line"),
            c("comment line", people, F.appending("# a note"), 4, "comment line; the gazetteer's tables have none"),
            // Ids and types
            c("duplicate id", people, F.appending("nato\tNATO Secretary\tPerson\t\t\t"), 4,
              "id 'nato' is already used in DIR/organizations.tsv:2"),
            c("id not a slug", people, F.replacing(line: 2, with: "Vladimir_Putin\tVladimir Putin\tPerson\tRUS\tPutin\tQ7747"), 2,
              "id 'Vladimir_Putin' is not a lowercase ASCII slug (a-z, 0-9, single '-' between them)"),
            c("country id form", countries, F.replacing(line: 3, with: "Ukr\tUkraine\tCountry\tUkr\t\tKyiv\tUkrainian\tQ212"), 3,
              "country id 'Ukr' is not three uppercase letters (ISO 3166-1 alpha-3, or X.. for a user-assigned code)"),
            c("country column of a country", countries, F.replacing(line: 3, with: "UKR\tUkraine\tCountry\tRUS\t\tKyiv\tUkrainian\tQ212"), 3,
              "country 'RUS' must equal the id 'UKR' in countries.tsv"),
            c("type of the file", people, F.replacing(line: 2, with: "vladimir-putin\tVladimir Putin\tOrganization\tRUS\tPutin\tQ7747"), 2,
              "type 'Organization' in a file of Person rows"),
            c("unknown country code", people, F.replacing(line: 2, with: "vladimir-putin\tVladimir Putin\tPerson\tSUN\tPutin\tQ7747"), 2,
              "country 'SUN' is not the id of a country of the gazetteer"),
            c("empty label", people, F.replacing(line: 2, with: "vladimir-putin\t\tPerson\tRUS\tPutin\tQ7747"), 2, "empty label"),
            // Multi-valued cells, Q-ids, surface forms
            c("empty value", people, F.replacing(line: 2, with: "vladimir-putin\tVladimir Putin\tPerson\tRUS\tPutin||V. Putin\tQ7747"), 2,
              "aliases: empty value or surrounding whitespace in 'Putin||V. Putin'"),
            c("repeated value", people, F.replacing(line: 3, with: "volodymyr-zelensky\tVolodymyr Zelensky\tPerson\tUKR\tZelensky|Zelensky\t"), 3,
              "aliases: 'Zelensky' is listed twice"),
            c("wikidata form", people, F.replacing(line: 2, with: "vladimir-putin\tVladimir Putin\tPerson\tRUS\tPutin\t7747"), 2,
              "wikidata '7747' is not a Q-id (Q followed by digits)"),
            c("wikidata shared", people, F.replacing(line: 3, with: "volodymyr-zelensky\tVolodymyr Zelensky\tPerson\tUKR\tZelensky\tQ7747"), 3,
              "wikidata Q7747 is already the Q-id of 'vladimir-putin' (DIR/people.tsv:2)"),
            c("form shared", people, F.replacing(line: 3, with: "volodymyr-zelensky\tVolodymyr Zelensky\tPerson\tUKR\tZelensky|putin\t"), 3,
              "form 'putin' is also a form of 'vladimir-putin' (DIR/people.tsv:2); a form belongs to one entity"),
            // Offices
            c("office header", offices, F.replacing(line: 1, with: "person\trole\tof\tfrom\tto"), 1,
              "the header must be 'person\\trole\\tof\\tstart\\tend'"),
            c("unknown person", offices, F.appending("boris-yeltsin\tpresident\tRUS\t1991-07-10\t1999-12-31"), 4,
              "unknown person 'boris-yeltsin' (not an id of the gazetteer)"),
            c("person not a Person", offices, F.appending("nato\tpresident\tRUS\t1991-07-10\t1999-12-31"), 4,
              "person 'nato' is of type Organization, not Person"),
            c("office of a group", offices, F.appending("vladimir-putin\tpresident\tthe-west\t1991-07-10\t1999-12-31"), 4,
              "of 'the-west' is of type Group; an office is of a Country or an Organization"),
            c("role outside titles.tsv", offices, F.appending("vladimir-putin\ttsar\tRUS\t1991-07-10\t1999-12-31"), 4,
              "role 'tsar' is not a role of titles.tsv"),
            c("impossible start date", offices, F.replacing(line: 3, with: "volodymyr-zelensky\tpresident\tUKR\t2022-02-30\t"), 3,
              "start '2022-02-30' is not a valid YYYY-MM-DD date"),
            c("February 29 of a common year", offices, F.appending("vladimir-putin\tprime minister\tRUS\t1999-08-16\t2023-02-29"), 4,
              "end '2023-02-29' is not a valid YYYY-MM-DD date"),
            c("April 31", offices, F.appending("vladimir-putin\tprime minister\tRUS\t1999-04-31\t2000-05-07"), 4,
              "start '1999-04-31' is not a valid YYYY-MM-DD date"),
            c("date format", offices, F.appending("vladimir-putin\tprime minister\tRUS\t1999-8-16\t2000-05-07"), 4,
              "start '1999-8-16' is not a valid YYYY-MM-DD date"),
            c("end before start", offices, F.appending("vladimir-putin\tprime minister\tRUS\t2008-05-08\t2008-05-07"), 4,
              "end 2008-05-07 is before start 2008-05-08"),
            c("duplicate office", offices, F.appending("vladimir-putin\tpresident\tRUS\t2012-05-07\t"), 4, "the same office as line 2"),
            c("two holders at once", offices, F.appending("volodymyr-zelensky\tpresident\tRUS\t2020-01-01\t2021-01-01"), 4,
              "volodymyr-zelensky and vladimir-putin (line 2) would both be president of RUS on 2020-01-01; a term ends the day the next one starts"),
            c("overlapping terms of one person", offices, F.appending("vladimir-putin\tpresident\tRUS\t2000-05-07\t2012-05-08"), 2,
              "vladimir-putin's term as president of RUS overlaps the one of line 4; a term ends the day the next one starts"),
        ]
    }()
}

@Suite struct GazetteerValidationTests {
    @Test func theFixtureLoads() throws {
        let dir = try GazetteerFixture.write()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let o = try Ontology.load(directory: dir)
        #expect(o.gazetteer.count == 6)
        #expect(o.offices.count == 2)
    }

    @Test func theCommittedGazetteerLoads() throws {
        let o = try Ontology.load(directory: ontologyDirectory)
        #expect(o.gazetteer.count > 1000)
        #expect(o.offices.count > 400)
    }

    @Test(arguments: BrokenGazetteer.all)
    func aBrokenGazetteerIsALoadErrorWithItsFileAndLine(_ broken: BrokenGazetteer) throws {
        let dir = try GazetteerFixture.write(file: broken.file, edit: broken.edit)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let expected = "\(dir)/gazetteer/\(broken.file):\(broken.line): "
            + broken.message.replacingOccurrences(of: "DIR/", with: "\(dir)/gazetteer/")
        #expect {
            _ = try Ontology.load(directory: dir)
        } throws: { error in
            "\(error)" == expected
        }
    }

    @Test func successiveHoldersMayShareADayAndVicePresidentsMayOverlap() throws {
        let dir = try GazetteerFixture.write(file: "offices.tsv", edit: {
            $0.replacingOccurrences(of: "2012-05-07\t\n", with: "2012-05-07\t2020-01-01\n")
                + "volodymyr-zelensky\tpresident\tRUS\t2020-01-01\t\n"
                + "vladimir-putin\tvice president\tUKR\t2019-01-01\t\nvolodymyr-zelensky\tvice president\tUKR\t2019-01-01\t\n"
        })
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try Ontology.load(directory: dir).offices.count == 5)
    }
}

@Suite struct CalendarDateTests {
    @Test func acceptsOnlyDaysThatExist() {
        for valid in ["2024-02-29", "2000-02-29", "2023-01-31", "2023-04-30", "2023-12-31", "0001-01-01"] {
            #expect(CalendarDate(iso: valid)?.description == valid, "\(valid)")
        }
        for invalid in ["2022-02-30", "2023-02-29", "1900-02-29", "2023-04-31", "2023-13-01", "2023-00-10",
                        "2023-01-00", "2023-1-01", "2023-01-1", "20230101", "2023/01/01", "２０２３-01-01", ""] {
            #expect(CalendarDate(iso: invalid) == nil, "\(invalid)")
        }
    }

    @Test func ordersByDay() {
        #expect(CalendarDate(iso: "2022-12-31")! < CalendarDate(iso: "2023-01-01")!)
        #expect(CalendarDate(iso: "2023-02-01")! > CalendarDate(iso: "2023-01-31")!)
    }
}
