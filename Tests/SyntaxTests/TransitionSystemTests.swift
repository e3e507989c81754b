import Testing
@testable import Syntax

/// The arc-hybrid system and its dynamic oracle on hand-made trees and on the fixture.
@Suite struct TransitionSystemTests {
    // heads[0] is unused (−1); 0 is the root.
    static let trees: [[Int]] = [
        [-1, 0],                                   // one word
        [-1, 2, 0, 2],                             // Russia attacked Ukraine
        [-1, 2, 0, 2, 2],                          // Russia attacked Ukraine .
        [-1, 2, 4, 4, 0, 6, 4, 4],                 // The man has left the city .
        [-1, 0, 1, 2, 3, 4, 5],                    // a right chain
        [-1, 6, 6, 6, 6, 6, 0],                    // everything left of the root
        [-1, 3, 3, 0, 5, 3, 7, 5, 3],              // nested right and left dependents
    ]

    @Test(arguments: trees)
    func oracleReproducesProjectiveTrees(_ heads: [Int]) {
        #expect(ArcHybrid.isProjective(heads: heads))
        #expect(ArcHybrid.oracleHeads(heads) == Array(heads.dropFirst()))
    }

    @Test func goldPathHasZeroCostAndTakesTwoNTransitions() {
        let heads = [-1, 2, 4, 4, 0, 6, 4, 4]
        let gold = ArcHybrid.Gold(heads: heads)
        var state = ArcHybrid(words: 7)
        var steps = 0
        while !state.isTerminal {
            let valid = ArcHybrid.Action.allCases.filter { state.isValid($0) }
            let free = valid.filter { state.cost($0, gold: gold) == 0 }
            #expect(!free.isEmpty)
            state.apply(free[0], label: 0)
            steps += 1
        }
        #expect(steps == 14)
    }

    @Test func costCountsLostArcs() {
        // Russia attacked Ukraine: after SHIFT Russia, SHIFT attacked would lose Russia's head
        // arc (attacked → Russia needs LEFT while attacked is in the buffer).
        let gold = ArcHybrid.Gold(heads: [-1, 2, 0, 2])
        var state = ArcHybrid(words: 3)
        state.apply(.shift)
        #expect(state.cost(.shift, gold: gold) == 1)
        #expect(state.cost(.left, gold: gold) == 0)
        #expect(!state.isValid(.right))
    }

    @Test func nonProjectiveTreesDoNotCrash() {
        // 1 → 3 crosses 2 → 4.
        let heads = [-1, 0, 4, 1, 1]
        #expect(!ArcHybrid.isProjective(heads: heads))
        let result = ArcHybrid.oracleHeads(heads)
        #expect(result.count == 4)
        #expect(result.filter { $0 == 0 }.count == 1)
    }

    @Test func fixtureTreesAreReproducedWhenProjective() throws {
        var projective = 0
        for s in try fixtureSentences() {
            let heads = [-1] + s.words.map { $0.head ?? 0 }
            if ArcHybrid.isProjective(heads: heads) {
                projective += 1
                #expect(ArcHybrid.oracleHeads(heads) == Array(heads.dropFirst()))
            } else {
                #expect(ArcHybrid.oracleHeads(heads).count == s.words.count)
            }
        }
        #expect(projective >= 70)
    }
}
