import Foundation
import Testing
import KnowledgeGraph
@testable import Ontology

/// The curation rules of the committed gazetteer (`ontology/gazetteer/README.md`). They are
/// choices of this gazetteer, not conditions of a valid one, so the loader does not enforce
/// them on a user's gazetteer (the hostile fixture breaks several on purpose).
@Suite struct GazetteerCurationTests {
    /// Whole surface forms that are ordinary English words (compared case-insensitively);
    /// "US" is the one accepted abbreviation that is also a pronoun.
    static let englishWords: Set<String> = [
        "a", "am", "an", "as", "at", "be", "by", "do", "go", "he", "hi", "if", "in", "is", "it", "me",
        "my", "no", "of", "oh", "ok", "on", "or", "so", "to", "up", "we", "us", "the", "and", "for",
        "can", "may", "will", "new", "all", "one", "man", "war", "its", "not", "but", "out", "now",
    ]

    func forms(_ e: GazetteerEntry) -> [String] {
        [e.entity.label] + e.entity.aliases + e.seats + e.demonyms
    }

    @Test func formsWithAnApostropheHaveBothSpellings() throws {
        let o = try Ontology.load(directory: ontologyDirectory)
        for e in o.gazetteer {
            let all = Set(forms(e))
            for form in all {
                if form.contains("'") {
                    #expect(all.contains(form.replacingOccurrences(of: "'", with: "\u{2019}")), "\(e.entity.key): '\(form)' lacks its typographic twin")
                }
                if form.contains("\u{2019}") {
                    #expect(all.contains(form.replacingOccurrences(of: "\u{2019}", with: "'")), "\(e.entity.key): '\(form)' lacks its ASCII twin")
                }
            }
        }
    }

    @Test func noFormIsAnOrdinaryEnglishWord() throws {
        let o = try Ontology.load(directory: ontologyDirectory)
        for e in o.gazetteer {
            for form in forms(e) where form != "US" {
                #expect(!Self.englishWords.contains(form.lowercased()), "\(e.entity.key): '\(form)' is an ordinary English word")
            }
        }
    }

    @Test func everyPersonHoldsAnOfficeOrRoleThatHasBegun() throws {
        let o = try Ontology.load(directory: ontologyDirectory)
        // Hand-made people hold an office of offices.tsv; converted PETRARCH people a dated CAMEO role.
        let holders = Set(o.offices.map(\.person)).union(o.roles.lazy.filter { !$0.isDefault }.map(\.person))
        for e in o.gazetteer where e.entity.type == .person {
            #expect(holders.contains(e.entity.key), "\(e.entity.key) has no row in offices.tsv nor a dated role")
        }
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd"
        formatter.timeZone = TimeZone(identifier: "UTC")
        let today = formatter.string(from: Date())
        for office in o.offices {
            #expect(office.start <= today, "\(office.person): \(office.role) of \(office.of) starts in the future (\(office.start))")
        }
    }
}
