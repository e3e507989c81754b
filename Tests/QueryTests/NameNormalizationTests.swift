import Foundation
@testable import Query
import Testing

/// `NameResolver.normalize` takes a byte-wise path for ASCII names; it must agree with the
/// Foundation folding every other name goes through.
@Suite struct NameNormalizationTests {
    static func folded(_ s: String) -> String {
        var n = s.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        if n.hasPrefix("the ") { n.removeFirst(4) }
        return n
    }

    @Test func asciiNamesNormalizeAsFoldingDoes() {
        let names = ["Xi Jinping", "  The   United\tStates ", "THE HAGUE", "the", "The", "theater", "RUS", "vladimir-putin",
                     "Ben & Jerry's \"Republic\"", "a\r\nb", "x\u{0B}y\u{0C}z", "", "   ", "E000123", "Actor 19999",
                     "U.A.E.", "People's Republic of China", "the  the x", "\u{1F}unit", "del\u{7F}"]
        for n in names { #expect(NameResolver.normalize(n) == Self.folded(n), "\(n.debugDescription)") }
    }

    @Test func otherNamesStillFold() {
        for n in ["Recep Tayyip Erdoğan", "Ñandú", "People’s Republic", "ÉTATS-UNIS", "The Élysée"] {
            #expect(NameResolver.normalize(n) == Self.folded(n), "\(n)")
        }
        #expect(NameResolver.normalize("Recep Tayyip Erdoğan") == "recep tayyip erdogan")
    }
}
