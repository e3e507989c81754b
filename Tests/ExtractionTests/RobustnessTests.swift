import Testing
@testable import Extraction

/// Truncated and odd input must never crash the pipeline (the end of a text can cut any pattern).
@Suite struct RobustnessTests {
    static let paragraph = """
    Hours after a Russian bombardment of Ukraine, its president, Vladimir Putin, met his Chinese counterpart, \
    Xi Jinping. "We condemn the attacks by Iran," said the Secretary-General. The Kenyan President William Ruto \
    and the Republic of Korea (ROK) First Vice Foreign Minister Cho met the parties, who denied that they had \
    attacked the U.S.-backed forces of the
    """

    @Test func everyPrefixIsHandled() {
        let scalars = Array(Self.paragraph.unicodeScalars)
        for end in stride(from: 0, through: scalars.count, by: 1) {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[..<end])
            _ = extract(String(view))
        }
    }

    @Test(arguments: ["", " ", "\n\n\n", "the", "The Russian", "'s", "“”", "- - -", "U.S.", "(", "his his his", "Mr.",
                      String(repeating: "and ", count: 500), String(repeating: "Russia ", count: 300)])
    func oddInputs(_ text: String) {
        _ = extract(text)
    }
}
