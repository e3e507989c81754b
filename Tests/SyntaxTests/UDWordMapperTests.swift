import Testing
@testable import Syntax

@Suite struct UDWordMapperTests {
    /// Tokens of `text` split at spaces and at the given extra boundaries (scalar offsets).
    func tokens(_ parts: [String], in text: String) -> [UDWordMapper.Token] {
        var out: [UDWordMapper.Token] = []
        let scalars = Array(text.unicodeScalars)
        var at = 0
        for p in parts {
            let n = p.unicodeScalars.count
            while at < scalars.count, String(String.UnicodeScalarView(scalars[at..<min(at + n, scalars.count)])) != p { at += 1 }
            out.append(.init(text: p, start: at, end: at + n))
            at += n
        }
        return out
    }

    @Test func splitsLikeEWT() {
        let text = "I cannot go, we're gonna wait... It’s John’s car, he didn’t say “no” -- long-term."
        let t = tokens(["I", "cannot", "go", ",", "we", "'re", "gonna", "wait", ".", ".", ".", "It", "’s", "John", "’s", "car", ",",
                        "he", "did", "n’t", "say", "“", "no", "”", "-", "-", "long", "-", "term", "."], in: text)
        let w = UDWordMapper.words(t)
        #expect(w.map(\.form) == ["I", "can", "not", "go", ",", "we", "'re", "gon", "na", "wait", "...", "It", "'s", "John", "'s", "car", ",",
                                  "he", "did", "n't", "say", "\"", "no", "\"", "--", "long", "-", "term", "."])
        let scalars = Array(text.unicodeScalars)
        for word in w {
            #expect(String(String.UnicodeScalarView(scalars[word.start..<word.end])) == word.text)
        }
        #expect(w[1].text == "can" && w[2].text == "not")
        #expect(w[12].text == "’s")
    }

    @Test func spacedPeriodsStaySeparate() {
        let w = UDWordMapper.words(tokens(["end", ".", ".", "Next"], in: "end. . Next"))
        #expect(w.map(\.form) == ["end", ".", ".", "Next"])
    }

    @Test func emptyInput() { #expect(UDWordMapper.words([]).isEmpty) }
}
