import Foundation
import Testing
@testable import Syntax

/// Odd input never crashes the tagger and parser, and long input stays linear.
@Suite struct RobustnessTests {
    func check(_ words: [String], _ model: SyntaxModel = tinyModel) {
        let a = model.analyse(words)
        #expect(a.count == words.count)
        #expect(a.upos.count == words.count && a.relations.count == words.count)
        if !words.isEmpty { #expect(a.heads.filter { $0 == 0 }.count >= 1) }
        for (i, h) in a.heads.enumerated() { #expect(h >= 0 && h <= words.count && h != i + 1) }
    }

    @Test func emptySentence() { check([]) }
    @Test func onlyPunctuation() { check(["!", "?", ".", ",", "...", "\""]) }
    @Test func unseenScripts() {
        check(["北京", "是", "中国", "的", "首都", "。"])
        check(["القاهرة", "هي", "عاصمة", "مصر"])
        check(["Кремль", "заявил", "😀", "🇺🇦"])
    }
    @Test func controlCharactersAndOddStrings() {
        check(["\u{0}", "\u{7}", "a\tb", "\n", "", " ", "\u{FEFF}", "\u{202E}abc", String(repeating: "x", count: 10_000)])
    }

    @Test func fiveHundredWordsWithoutPunctuationAreParsedInBoundedPieces() throws {
        let model = try committedModel.get()
        let words = (0..<500).map { ["the", "army", "said", "that", "troops", "moved", "north", "and"][$0 % 8] }
        let a = model.analyse(words)
        #expect(a.count == 500)
        #expect(a.heads.filter { $0 == 0 }.count >= 1)
        // 5000 words are cut into pieces of SyntaxModel.maximumSentenceLength, each parsed alone
        // (so the time is linear in the words; the speed is kg-train-syntax --benchmark's, not a test's):
        // one tree, every later piece's root attached to the first.
        let long = (0..<5000).map { words[$0 % 500] }
        let b = model.analyse(long)
        #expect(b.count == 5000)
        #expect(b.heads.filter { $0 == 0 }.count == 1)
        #expect(b.relations.filter { $0 == "parataxis" }.count >= 5000 / SyntaxModel.maximumSentenceLength - 1)
        #expect(b.heads.allSatisfy { $0 >= 0 && $0 <= 5000 })
        check(long, model)
    }
}
