import Testing
@testable import Extraction

@Suite struct TokenizerTests {
    let tokenizer = Tokenizer(abbreviations: sharedOntology.abbreviations)

    @Test func keepsAcronymsAndAbbreviationsWhole() {
        let t = tokenizer.tokenize("Mr. Blinken met U.S. and U.N. officials on Jan. 5.").map(\.text)
        #expect(t == ["Mr.", "Blinken", "met", "U.S.", "and", "U.N.", "officials", "on", "Jan.", "5", "."])
    }

    @Test func splitsPossessivesAndContractions() {
        let t = tokenizer.tokenize("China’s claim, Russia's army; they don't agree in Côte d'Ivoire.").map(\.norm)
        #expect(t == ["China", "'s", "claim", ",", "Russia", "'s", "army", ";", "they", "do", "n't", "agree", "in", "Côte", "d'Ivoire", "."])
    }

    @Test func offsetsAreUnicodeScalarOffsets() {
        let text = "🚀 Xi met Putin"
        let t = tokenizer.tokenize(text)
        #expect(t.map(\.start) == [0, 2, 5, 9])
        #expect(t[1].text == "Xi")
    }

    @Test func keepsNumbersWhole() {
        #expect(tokenizer.tokenize("2,000 troops and 3.5 billion").map(\.text) == ["2,000", "troops", "and", "3.5", "billion"])
    }
}

@Suite struct SentenceSplitterTests {
    let tokenizer = Tokenizer(abbreviations: sharedOntology.abbreviations)

    func sentences(_ text: String) -> [String] {
        let tokens = tokenizer.tokenize(text)
        return SentenceSplitter.split(tokens).map { r in tokens[r].map(\.text).joined(separator: " ") }
    }

    @Test func theTitleLineIsASentence() {
        #expect(sentences("Xi meets Putin\nThe two leaders met. They talked.") ==
                ["Xi meets Putin", "The two leaders met .", "They talked ."])
    }

    @Test func abbreviationsAndInitialsDoNotEndSentences() {
        #expect(sentences("Gen. Smith met Antony J. Blinken in the U.S. on Monday. Then he left.") ==
                ["Gen. Smith met Antony J. Blinken in the U.S. on Monday .", "Then he left ."])
    }

    @Test func closingQuotesStayWithTheirSentence() {
        #expect(sentences("He said: “We are ready.” Then he left.") ==
                ["He said : “ We are ready . ”", "Then he left ."])
    }

    @Test func bulletLinesAreSentences() {
        #expect(sentences("- Russia attacked Ukraine\n- China called for talks").count == 2)
    }

    @Test func anUnpunctuatedRunIsCutIntoBoundedSentences() {
        let text = String(repeating: "Russia attacked Ukraine and ", count: 120)
        let pieces = SentenceSplitter.split(tokenizer.tokenize(text))
        #expect(pieces.count == 3)
        #expect(pieces.allSatisfy { $0.count <= SentenceSplitter.maximumLength })
        #expect(pieces.map(\.count).reduce(0, +) == 480)
        #expect(extract(text).positive.contains("Russia attacks Ukraine"))
    }

    @Test func aLowerCaseWordAfterAPeriodDoesNotStartASentence() {
        #expect(sentences("The figure was 3.5 percent. vs. last year").count == 1)
    }
}
