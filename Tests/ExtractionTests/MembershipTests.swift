import Testing
@testable import Extraction

/// Membership lists after an organization give `memberOf` (sentences written for the tests).
@Suite struct MembershipTests {
    @Test(arguments: [
        ("ASEAN members Indonesia, Malaysia and Thailand condemned the coup.", ["Indonesia", "Malaysia", "Thailand"], "ASEAN"),
        ("The BRICS group, which includes Brazil, India and South Africa, met in Kazan.", ["Brazil", "India", "South Africa"], "BRICS"),
        ("The G7 (Canada, France and Italy) issued a statement.", ["Canada", "France", "Italy"], "G7"),
        ("The African Union, including Kenya and Ghana, issued a statement.", ["Kenya", "Ghana"], "African Union"),
        ("The Arab League, whose members include Egypt, Jordan and Iraq, met in Cairo.", ["Egypt", "Jordan", "Iraq"], "Arab League"),
    ])
    func aListAfterAnOrganizationNamesItsMembers(_ text: String, _ members: [String], _ body: String) {
        let f = extract(text)
        for m in members { #expect(f.positive.contains("\(m) memberOf \(body)"), "\(text) → \(f.all)") }
    }

    @Test func noListNoMembers() {
        // "of" needs a list of two countries; one country after "including" is no list; a
        // country that merely follows is no member.
        #expect(!extract("NATO of today is strong.").all.contains { $0.contains("memberOf") })
        #expect(!extract("The African Union, including Kenya, issued a statement.").all.contains { $0.contains("memberOf") })
        #expect(!extract("The European Union praised Kenya and Ghana.").all.contains { $0.contains("memberOf") })
        // The list starts right after the marker, and places are no members.
        #expect(!extract("Talks between NATO members and Russia stalled.").all.contains { $0.contains("memberOf") })
        #expect(!extract("The drills threaten NATO members, Russia's defence ministry said.").all.contains { $0.contains("memberOf") })
        #expect(!extract("Israel vowed to hunt Hamas leaders everywhere, including in Qatar and Turkey.").all.contains { $0.contains("memberOf") })
        #expect(!extract("Criticism by the G7 of Russia and China grew.").all.contains { $0.contains("memberOf") })
        // After "of", three members at least.
        #expect(extract("The Quad of the United States, Japan, India and Australia met.").positive.contains("Japan memberOf Quad"))
    }
}
