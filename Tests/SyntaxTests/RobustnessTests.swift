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

    @Test func fiveHundredWordsWithoutPunctuationIsLinear() throws {
        let model = try committedModel.get()
        let words = (0..<500).map { ["the", "army", "said", "that", "troops", "moved", "north", "and"][$0 % 8] }
        let start = Date()
        let a = model.analyse(words)
        let one = Date().timeIntervalSince(start)
        #expect(a.count == 500)
        #expect(a.heads.filter { $0 == 0 }.count >= 1)
        // 5000 words (cut into pieces of SyntaxModel.maximumSentenceLength) in about 10× the time.
        let long = (0..<5000).map { words[$0 % 500] }
        let start2 = Date()
        let b = model.analyse(long)
        let ten = Date().timeIntervalSince(start2)
        #expect(b.count == 5000)
        #expect(b.heads.filter { $0 == 0 }.count == 1)
        #expect(ten < max(one * 40, 2.0), "500 words in \(one) s, 5000 in \(ten) s")
        check(long, model)
    }
}
