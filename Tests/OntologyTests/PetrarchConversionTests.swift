import Foundation
import KnowledgeGraph
import Testing
import TestSupport
@testable import Ontology

/// The actors converted from PETRARCH 2's dictionaries (`scripts/data/convert-petrarch.py`):
/// what the loader makes of the committed files, the CAMEO codes they give, and the converter
/// itself on the small fixture `Tests/Fixtures/petrarch` (never on `../shared`).
@Suite struct PetrarchConversionTests {
    static let repository = URL(fileURLWithPath: ontologyDirectory).deletingLastPathComponent().path
    static let fixture = repository + "/Tests/Fixtures/petrarch"
    static let script = repository + "/scripts/data/convert-petrarch.py"
    /// The fixture's English words (a treebank's lower-case words), so that no run reads `../shared`.
    static let treebank = fixture + "/english.conllu"

    func entry(_ o: Ontology, _ key: String) -> GazetteerEntry? { o.gazetteer.first { $0.entity.key == key } }

    @Test func theLoaderReadsTheConvertedFiles() throws {
        let o = try Ontology.load(directory: ontologyDirectory)
        // A foreign minister of 1998-2004 that the hand-made gazetteer does not list.
        let ivanov = try #require(entry(o, "igor-ivanov"))
        #expect(ivanov.entity.type == .person && ivanov.entity.country == "RUS" && ivanov.entity.label == "Igor Ivanov")
        #expect(o.roles.contains { $0.person == "igor-ivanov" && $0.code == "RUSGOV" })
        // Converted organizations and armed groups carry their code.
        #expect(entry(o, "angry-brigade")?.entity.code == "ITAREB")
        #expect(o.gazetteer.filter { $0.entity.type == .person }.count > 10_000)
    }

    @Test func theHandMadeEntryWinsOnASharedName() throws {
        let o = try Ontology.load(directory: ontologyDirectory)
        // PETRARCH has VLADIMIR_PUTIN_ and THE_UNITED_NATIONS_: the hand-made entities keep the names.
        let putin = o.gazetteer.filter { $0.entity.label == "Vladimir Putin" || $0.entity.aliases.contains("Vladimir Putin") }
        #expect(putin.map(\.entity.key) == ["vladimir-putin"])
        #expect(!o.roles.contains { $0.person == "vladimir-putin" })
        // ... and get PETRARCH's code through cameo-codes.tsv.
        #expect(entry(o, "united-nations")?.entity.code == "IGOUNO")
        #expect(entry(o, "RUS")?.entity.code == "RUS")
        #expect(entry(o, "XKX")?.entity.code == "KSV")
    }

    @Test func agentNounsAreLoadedWithTheirSector() throws {
        let o = try Ontology.load(directory: ontologyDirectory)
        let byNoun = Dictionary(o.agents.map { ($0.noun, $0) }, uniquingKeysWith: { a, _ in a })
        #expect(byNoun["foreign minister"]?.sector == "GOV")
        #expect(byNoun["foreign minister"]?.before == false)
        #expect(byNoun["police"]?.sector == "COP")
        #expect(byNoun["rebel"]?.plural == "rebels" && byNoun["rebel"]?.sector == "REB")
        #expect(o.agents.count > 1000)
    }

    @Test func peopleHaveTheCodeOfTheirRoleOrOfficeOnTheDate() throws {
        let o = try Ontology.load(directory: ontologyDirectory)
        let coder = ActorCoder(o)
        let ivanov = try #require(entry(o, "igor-ivanov")).entity
        #expect(coder.code(of: ivanov, on: "2003-05-20") == "RUSGOV")
        #expect(coder.code(of: ivanov, on: "2005-06-01") == "RUSGOVMIL")
        #expect(coder.code(of: ivanov, on: "2012-01-01") == "RUS")  // no role then: the country's code
        let putin = try #require(entry(o, "vladimir-putin")).entity
        #expect(coder.code(of: putin, on: "2022-12-30") == "RUSGOV")  // president of RUS
        let guterres = try #require(entry(o, "antonio-guterres")).entity
        #expect(coder.code(of: guterres, on: "2023-03-10") == "IGOUNO")  // secretary-general of the UN
        // Someone the text introduces, with a country and no office: the country's code.
        #expect(coder.code(of: Entity(key: "x", label: "X", type: .person, country: "RUS"), on: "2023-01-01") == "RUS")
        #expect(coder.code(of: Entity(key: "y", label: "Y", type: .group), on: nil) == nil)
    }

    @Test func aBrokenRoleOrAgentIsALoadErrorWithItsPlace() throws {
        let dir = try GazetteerFixture.write()
        try "person\tcode\tstart\tend\nvladimir-putin\tRUSgov\t2000-05-07\t\n"
            .write(toFile: dir + "/gazetteer/test-roles.tsv", atomically: false, encoding: .utf8)
        #expect { _ = try Ontology.load(directory: dir) } throws: {
            "\($0)" == "\(dir)/gazetteer/test-roles.tsv:2: code 'RUSgov' is not a CAMEO actor code (uppercase letters or digits in groups of three)"
        }
        try "person\tcode\tstart\tend\nnato\tIGOWSTNAT\t\t\n".write(toFile: dir + "/gazetteer/test-roles.tsv", atomically: false, encoding: .utf8)
        #expect { _ = try Ontology.load(directory: dir) } throws: {
            "\($0)" == "\(dir)/gazetteer/test-roles.tsv:2: person 'nato' is of type Organization, not Person"
        }
        try FileManager.default.removeItem(atPath: dir + "/gazetteer/test-roles.tsv")
        try "agent\tplural\tcode\tposition\npolice\t\tCOP\tafterwards\n".write(toFile: dir + "/agents.tsv", atomically: false, encoding: .utf8)
        #expect { _ = try Ontology.load(directory: dir) } throws: {
            "\($0)" == "\(dir)/agents.tsv:2: position must be 'after' or 'before', not 'afterwards'"
        }
        try "agent\tplural\tcode\tposition\n".write(toFile: dir + "/agents.tsv", atomically: false, encoding: .utf8)
        try "id\tcode\nnowhere\tRUS\n".write(toFile: dir + "/gazetteer/cameo-codes.tsv", atomically: false, encoding: .utf8)
        #expect { _ = try Ontology.load(directory: dir) } throws: {
            "\($0)" == "\(dir)/gazetteer/cameo-codes.tsv:2: unknown id 'nowhere' (not an id of the gazetteer)"
        }
    }

    // MARK: The converter, on the fixture

    /// Runs the converter with `arguments` (and the fixture's treebank unless they name one); nil
    /// when there is no python3 to run it.
    func convert(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String)? {
        guard let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first(where: FileManager.default.isExecutableFile) else { return nil }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: python)
        p.arguments = [Self.script] + arguments + (arguments.contains("--treebank") ? [] : ["--treebank", Self.treebank])
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    func rows(_ path: String) throws -> [String] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("#") }.dropFirst().map(String.init)
    }

    @Test func theConverterTurnsTheFixtureIntoGazetteerFiles() throws {
        let out = try TestTemporary.folder("petrarch-out")
        guard let run = try convert(["--petrarch", Self.fixture, "--output", out]) else { return }
        #expect(run.status == 0, "\(run.stderr)")
        let people = try rows(out + "/gazetteer/petrarch-people.tsv")
        // Display case, apostrophe twins; no title form, no lone surname, nobody the hand-made
        // gazetteer has (Putin), nobody out of office since before 2000 (Andropov).
        #expect(people == [
            "dmitri-mcdonald-oneill\tDmitri McDonald-O'Neill\tPerson\tRUS\tDmitri McDonald-O\u{2019}Neill\t",
            "igor-ivanov\tIgor Ivanov\tPerson\tRUS\tIgor S. Ivanov\t",
        ])
        // Two-digit years: 00-30 are 20YY; '>' and '<' ends are open.
        #expect(try rows(out + "/gazetteer/petrarch-roles.tsv") == [
            "dmitri-mcdonald-oneill\tRUSGOV\t2015-01-01\t2020-01-01",
            "igor-ivanov\tRUSELI\t1945-01-01\t1998-09-11",
            "igor-ivanov\tRUSGOV\t1998-09-11\t2004-03-09",
            "igor-ivanov\tRUSELI\t\t",
        ])
        // An IGO and a national institution; the company and the news agency are dropped.
        #expect(try rows(out + "/gazetteer/petrarch-organizations.tsv") == [
            "russian-strategic-rocket-forces\tRussian Strategic Rocket Forces\tOrganization\tRUS\t\t\tRUSMIL",
            "world-customs-organization\tWorld Customs Organization\tOrganization\t\tWCO\t\tIGOBUS",
        ])
        // CAMEO ITA is ISO ITA; "Martyrs of Democracy" shares the code, not a word: not an alias;
        // a group whose name has a discard ("World Cup") is dropped.
        #expect(try rows(out + "/gazetteer/petrarch-armed-groups.tsv") == [
            "angry-brigade\tAngry Brigade\tOrganization\tITA\t\t\tITAREB",
        ])
        // Codes for the hand-made entities that share a name; Kosovo's CAMEO code is KSV.
        #expect(try rows(out + "/gazetteer/cameo-codes.tsv") == ["ITA\tITA", "RUS\tRUS", "XKX\tKSV", "united-nations\tIGOUNO"])
        let agents = try rows(out + "/agents.tsv")
        #expect(agents.contains("foreign minister\tforeign ministers\tGOVFRM\tafter"))
        #expect(agents.contains("police\t\tCOP\tafter"))
        #expect(agents.contains("congresswoman\t\tLEG\tafter"))
        #expect(agents.contains("human rights body\thuman rights bodies\tNGO\tbefore"))
        #expect(!agents.contains { $0.hasPrefix("chief executive") })  // "A B" lets words come between
        // Given names: three people named Igor; "Mark", a lower-case word of the treebank, is none.
        #expect(try rows(out + "/given-names.tsv") == ["Igor\t3"])
        let text = try String(contentsOfFile: out + "/gazetteer/petrarch-people.tsv", encoding: .utf8)
        #expect(text.contains("MIT License") && text.contains("Open Event Data Alliance"))
    }

    @Test func theConverterIsDeterministicAndItsCheckSeesAStaleFile() throws {
        let out = try TestTemporary.folder("petrarch-check")
        guard let first = try convert(["--petrarch", Self.fixture, "--output", out]) else { return }
        #expect(first.status == 0)
        let path = out + "/gazetteer/petrarch-people.tsv"
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(try convert(["--petrarch", Self.fixture, "--output", out])?.status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
        #expect(try convert(["--petrarch", Self.fixture, "--output", out, "--check"])?.status == 0)
        try (String(decoding: bytes, as: UTF8.self) + "x\tX\tPerson\t\t\t\n").write(toFile: path, atomically: false, encoding: .utf8)
        let stale = try #require(try convert(["--petrarch", Self.fixture, "--output", out, "--check"]))
        #expect(stale.status == 1 && stale.stderr.contains("gazetteer/petrarch-people.tsv"))
        let absent = try #require(try convert(["--petrarch", out + "/nowhere", "--output", out, "--check"]))
        #expect(absent.status == 1 && absent.stderr.contains("not found"))
        let noTreebank = try #require(try convert(["--petrarch", Self.fixture, "--output", out, "--treebank", out + "/none.conllu"]))
        #expect(noTreebank.status == 1 && noTreebank.stderr.contains("\(out)/none.conllu: missing"))
    }
}
