import Testing
@testable import Extraction

/// The six CAMEO roots of the spec (08, 087, 09, 15, 16, 17), on sentences written for the tests.
@Suite struct CAMEORootTests {
    @Test(arguments: [
        // 08 yield: lifting or easing sanctions is a concession, not a negated sanction.
        ("The United States eased sanctions on Venezuela on Tuesday.", "United States concedesTo Venezuela"),
        ("The European Union lifted sanctions on Iran after the agreement.", "European Union concedesTo Iran"),
        ("Armenia made concessions to Azerbaijan.", "Armenia concedesTo Azerbaijan"),
        // 087 withdraw: the object is the country left.
        ("Russia withdrew from Georgia in 2008.", "Russia withdrawsFrom Georgia"),
        ("The United States announced its withdrawal from Afghanistan.", "United States withdrawsFrom Afghanistan"),
        // 09 investigate.
        ("The International Criminal Court opened an investigation into Israel.", "International Criminal Court investigates Israel"),
        // 15 force posture.
        ("Russia mobilized against Ukraine.", "Russia mobilizesAgainst Ukraine"),
        ("China held military drills around Taiwan.", "China mobilizesAgainst Taiwan"),
        // 16 reduce relations.
        ("Lithuania recalled its ambassador from China.", "Lithuania reducesRelationsWith China"),
        ("Morocco cut ties with Iran.", "Morocco reducesRelationsWith Iran"),
        ("Algeria broke off diplomatic relations with Morocco.", "Algeria reducesRelationsWith Morocco"),
        ("Poland expelled Russian diplomats.", "Poland reducesRelationsWith Russia"),
        // 17 coerce.
        ("Saudi Arabia imposed a blockade on Qatar.", "Saudi Arabia coerces Qatar"),
    ])
    func eachRootHasItsRelation(_ text: String, _ triple: String) {
        let f = extract(text, date: "2023-06-01")
        #expect(f.all.contains(triple), "\(text) → \(f.all)")
    }

    @Test func liftedSanctionsAreNoNegatedSanctions() {
        let f = extract("Washington lifted sanctions on Venezuela.")
        #expect(f.positive == ["United States concedesTo Venezuela"])
        #expect(f.negated.isEmpty)
    }

    @Test func aFutureInvestigationIsHypothetical() {
        let f = extract("The European Union will investigate China over subsidies.")
        #expect(f.hypothetical == ["European Union investigates China"] && f.positive.isEmpty)
    }

    @Test func withdrawingFromATreatyOrAnOrganizationIsNoWithdrawalFromACountry() {
        // rdfs:range kg:Country in kg.owl: only a country is left.
        #expect(extract("The United States withdrew from the Paris Agreement.").all.isEmpty)
        #expect(extract("The United States withdrew from UNESCO.").all.isEmpty)
    }

    @Test func bothCoordinatedSubjectsCoerce() {
        #expect(extract("Egypt and Saudi Arabia blockaded Qatar.").positive == ["Egypt coerces Qatar", "Saudi Arabia coerces Qatar"])
    }

    @Test func policeAndSecurityForcesActForTheirState() {
        #expect(extract("Israeli police arrested Palestinians.").positive == ["Israel coerces Palestinians"])
        #expect(extract("Russian special forces attacked Ukraine.").positive == ["Russia attacks Ukraine"])
        // A demonym before another noun is still only a modifier.
        #expect(extract("Israeli tourists visited Egypt.").all.isEmpty)
    }
}
