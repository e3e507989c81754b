/// English inflection for lexicon triggers: regular rules plus the irregular table.
struct Morphology: Sendable {
    let irregular: [String: [String]]

    static let vowels: Set<Character> = ["a", "e", "i", "o", "u"]

    /// Whether a short one-syllable verb doubles its final consonant ("ban" → "banned", "snap" → "snapped").
    func doubles(_ lemma: String) -> Bool {
        let c = Array(lemma)
        guard c.count >= 3, c.count <= 4 else { return false }
        let last = c[c.count - 1], mid = c[c.count - 2], before = c[c.count - 3]
        guard !Self.vowels.contains(last), !"wxy".contains(last), Self.vowels.contains(mid), !Self.vowels.contains(before) else { return false }
        // One syllable only: "open" and "edit" have two ("opened", not "openned").
        return c.dropLast(2).allSatisfy { !Self.vowels.contains($0) }
    }

    /// Every form of a verb with its kind.
    func verbForms(_ lemma: String) -> [(String, VerbForm)] {
        if let f = irregular[lemma], f.count == 4 {
            var forms: [(String, VerbForm)] = [(lemma, .base), (f[0], .third), (f[3], .gerund)]
            if f[1] == f[2] { forms.append((f[1], .pastOrParticiple)) } else { forms += [(f[1], .past), (f[2], .participle)] }
            return forms
        }
        let c = Array(lemma)
        let third: String
        if lemma.hasSuffix("s") || lemma.hasSuffix("x") || lemma.hasSuffix("z") || lemma.hasSuffix("ch") || lemma.hasSuffix("sh") {
            third = lemma + "es"
        } else if lemma.hasSuffix("y"), c.count > 1, !Self.vowels.contains(c[c.count - 2]) {
            third = String(lemma.dropLast()) + "ies"
        } else {
            third = lemma + "s"
        }
        let past: String
        let gerund: String
        if lemma.hasSuffix("e") {
            past = lemma + "d"
            gerund = lemma.hasSuffix("ee") ? lemma + "ing" : (lemma.hasSuffix("ie") ? String(lemma.dropLast(2)) + "ying" : String(lemma.dropLast()) + "ing")
        } else if lemma.hasSuffix("y"), c.count > 1, !Self.vowels.contains(c[c.count - 2]) {
            past = String(lemma.dropLast()) + "ied"
            gerund = lemma + "ing"
        } else if doubles(lemma) {
            past = lemma + String(c.last!) + "ed"
            gerund = lemma + String(c.last!) + "ing"
        } else {
            past = lemma + "ed"
            gerund = lemma + "ing"
        }
        var forms: [(String, VerbForm)] = [(lemma, .base), (third, .third), (past, .pastOrParticiple), (gerund, .gerund)]
        // A final "l" after one vowel doubles in British spelling and after a stressed last
        // syllable in both ("cancelled", "travelling", "expelled", "controlled"): both spellings.
        if c.count >= 5, c.last == "l", Self.vowels.contains(c[c.count - 2]), !Self.vowels.contains(c[c.count - 3]) {
            forms += [(lemma + "led", .pastOrParticiple), (lemma + "ling", .gerund)]
        }
        return forms
    }

    /// The past tense forms of the irregular verbs that are no participle ("flew", "went", "took";
    /// not "sent", which is both): a finite verb wherever it stands.
    var pastTenseOnly: Set<String> {
        Set(irregular.values.compactMap { f in f.count == 4 && f[1] != f[2] ? f[1] : nil })
    }

    /// The plural of a noun.
    func plural(_ noun: String) -> String {
        let c = Array(noun)
        if noun.hasSuffix("s") { return noun }
        if noun.hasSuffix("x") || noun.hasSuffix("z") || noun.hasSuffix("ch") || noun.hasSuffix("sh") { return noun + "es" }
        if noun.hasSuffix("y"), c.count > 1, !Self.vowels.contains(c[c.count - 2]) { return String(noun.dropLast()) + "ies" }
        return noun + "s"
    }
}
