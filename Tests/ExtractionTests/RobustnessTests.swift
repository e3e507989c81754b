import Testing
import KnowledgeGraph
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
            checkWellFormed(String(view))
        }
        // The whole paragraph does give statements, so the prefixes exercise real patterns.
        #expect(!extract(Self.paragraph).all.isEmpty)
    }

    @Test(arguments: ["", " ", "\n\n\n", "the", "The Russian", "'s", "“”", "- - -", "U.S.", "(", "his his his", "Mr.",
                      // A mention before "with" and an event noun at the very start (once an index crash).
                      "Iran with sanctions", "Iran with new sanctions.", "EU with invasion in : attacks", "Dr.", "Dr. Dr. Dr.",
                      // The new actor rules at the very end of a text (once a range crash).
                      "Kenya", "Dan Voicu", "Dan Voicu said", "Nile Basin Initiative", "Ana Cebotari, Moldova", "NATO members",
                      String(repeating: "and ", count: 500), String(repeating: "Russia ", count: 300)])
    func oddInputs(_ text: String) {
        checkWellFormed(text)
    }

    /// The graph's indexes agree and every mention's offsets lie inside the text.
    func checkWellFormed(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let g = extractGraph(text)
        #expect(g.checkInvariants(), sourceLocation: sourceLocation)
        let count = text.unicodeScalars.count
        for s in g.statements {
            for e in s.evidence {
                #expect(0 <= e.start && e.start < e.end && e.end <= count, "\(e.start)..<\(e.end) of \(count)", sourceLocation: sourceLocation)
            }
        }
    }
}

/// Long texts are analyzed in segments; offsets and sentences stay those of the whole text.
@Suite struct SegmentTests {
    static let text = (0..<60).map { i in
        i % 3 == 0 ? "Russia attacked Ukraine on day \(i). " : (i % 3 == 1 ? "China praised Pakistan again. " : "Turkey met with Greece in Ankara. ")
    }.joined()

    @Test func segmentsCoverTheTextAndCutAfterSentences() {
        let pieces = Extractor.segments(of: Self.text, length: 100)
        #expect(pieces.map(\.text).joined() == Self.text)
        var offset = 0
        for p in pieces {
            #expect(p.offset == offset)
            offset += p.text.unicodeScalars.count
        }
        #expect(pieces.dropLast().allSatisfy { $0.text.hasSuffix(". ") })
    }

    @Test func segmentedExtractionKeepsOffsetsAndStatements() {
        let small = Extractor(ontology: sharedOntology, segmentSize: 100)
        var segmented = Graph(vocabulary: sharedOntology.relations)
        small.extract(SourceDocument(id: "long", text: Self.text), into: &segmented)
        var whole = Graph(vocabulary: sharedOntology.relations)
        sharedExtractor.extract(SourceDocument(id: "long", text: Self.text), into: &whole)
        let names = { (g: Graph) in Set(g.statements.map { "\(g[$0.subject].label) \(g.vocabulary[$0.relation].name) \(g[$0.object].label) \($0.weight)" }) }
        #expect(names(segmented) == names(whole))
        let scalars = Array(Self.text.unicodeScalars)
        for s in segmented.statements {
            for e in s.evidence {
                var view = String.UnicodeScalarView()
                view.append(contentsOf: scalars[e.start..<e.end])
                #expect(e.quote.contains(String(view)))
            }
        }
        #expect(Set(segmented.statements.flatMap { $0.evidence.map(\.sentence) }) == Set(whole.statements.flatMap { $0.evidence.map(\.sentence) }))
    }
}
