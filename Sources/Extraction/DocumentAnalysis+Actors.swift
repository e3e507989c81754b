import Foundation
import KnowledgeGraph
import Ontology

/// Stage: actor mentions. Gazetteer names (longest match), seats of government, demonyms,
/// titled people, definite descriptions, pronouns and first person, each resolved to an entity
/// of the document, in text order, so that pronouns and descriptions see what came before.
extension DocumentAnalysis {
    static let personPronouns: Set<String> = ["he", "him", "his", "himself", "she", "her", "hers", "herself"]
    static let thingPronouns: Set<String> = ["it", "its", "itself"]
    static let firstPersonPlural: Set<String> = ["we", "our", "us", "ours", "ourselves"]
    /// Pronouns in the subject case: never the object of a verb or preposition.
    static let nominativePronouns: Set<String> = ["i", "we", "he", "she", "they"]
    static let possessivePronouns: Set<String> = ["his", "her", "its", "their", "our"]
    static let officeAdjectives: Set<String> = ["new", "incoming", "acting", "interim"]
    static let nameParticles: Set<String> = ["al", "bin", "ibn", "de", "da", "van", "von", "el", "la", "du", "del", "der"]
    static let notNames: Set<String> = ["The", "A", "An", "This", "That", "These", "In", "On", "At", "For", "And", "But", "Or",
                                       "He", "She", "It", "We", "They", "His", "Her", "Its", "Their", "Our", "Mr.", "Mrs.", "Ms."]

    struct HistoryItem {
        var entity: Int
        var sentence: Int
        var token: Int
        /// After a preposition or a verb: an object, a weaker antecedent than a subject.
        var oblique: Bool
    }

    /// Whether a mention at `i` follows a preposition or a verb form.
    func isOblique(_ i: Int, _ range: Range<Int>) -> Bool {
        var k = i - 1
        // ("that" is a complementizer here as often as a determiner: "denied that it ...")
        while k >= range.lowerBound, tokens[k].is(.determiner), tokens[k].lower != "that" { k -= 1 }
        guard k >= range.lowerBound else { return false }
        let w = tokens[k].lower
        if tokens[k].is(.preposition) || w == "as" { return true }
        return isVerbForm(k)
    }

    /// Whether mention `m`, right after the actor `previous` and a comma, owns a short apposition
    /// closed by a comma ("Russia, Serbia's traditional ally, said it …"): it describes the actor
    /// before it and is not what a later pronoun takes up.
    func isApposedPossessor(_ m: Mention, after previous: Mention?, _ range: Range<Int>) -> Bool {
        let i = m.range.lowerBound
        guard m.possessive, let previous, i >= 1, previous.range.upperBound == i - 1, tokens[i - 1].norm == ",",
              let s = (i..<min(i + 5, range.upperBound)).first(where: { ["'s", "’s"].contains(tokens[$0].lower) }) else { return false }
        var k = s + 1
        while k < range.upperBound, k - s <= 4, tokens[k].isWord, !tokens[k].isCapitalized { k += 1 }
        return k > s + 1 && k < range.upperBound && tokens[k].norm == ","
    }

    /// Whether token `k` looks like a verb form: a lower-case word in "-ed" or "-ing" (of more
    /// than five letters), or a verb trigger.
    func isVerbForm(_ k: Int) -> Bool {
        guard tokens[k].isWord, !tokens[k].isCapitalized else { return false }
        let w = tokens[k].lower
        return w.hasSuffix("ed") || (w.hasSuffix("ing") && w.count > 5) || tokens[k].is(.verbTrigger)
    }

    /// Whether "it" at `i` is a verb's object: a verb form just before it ("accusing it",
    /// "criticized it") and a preposition, punctuation or the sentence's end just after it
    /// ("said it would" is a clause's subject).
    func isObliqueIt(at i: Int, sentence s: Int) -> Bool {
        let range = sentences[s]
        guard i - 1 >= range.lowerBound, isVerbForm(i - 1) else { return false }
        guard i + 1 < range.upperBound else { return true }
        return tokens[i + 1].is(.preposition) || !tokens[i + 1].isWord
    }

    /// Whether sentence `s` is a title-case headline ("China Slams US Over Taiwan Arms Sale"):
    /// no final full stop and at least four in five of its words of four letters or more capitalized.
    func isTitleCase(_ s: Int) -> Bool {
        if let known = titleCase[s] { return known }
        let answer = computeTitleCase(s)
        titleCase[s] = answer
        return answer
    }

    private func computeTitleCase(_ s: Int) -> Bool {
        let range = sentences[s]
        guard let last = range.last, tokens[last].norm != "." else { return false }
        var long = 0, capitalized = 0
        for k in range where tokens[k].isWord && tokens[k].text.unicodeScalars.count >= 4 {
            long += 1
            if tokens[k].isCapitalized { capitalized += 1 }
        }
        return long >= 3 && capitalized * 5 >= long * 4
    }

    /// Actors joined by "and" in one sentence, and the token after the last of them.
    struct CoordinatedGroup {
        let entities: [Int]
        let sentence: Int
        let oblique: Bool
        let end: Int
    }

    /// Whether a plural noun phrase names its own referents after it ("the leaders of Ethiopia
    /// and Eritrea", "the two sides of the conflict in Sudan"): then it refers to no one before.
    func namesItsOwn(_ plural: [String], after end: Int, limit: Int) -> Bool {
        guard plural.count > 1, end + 1 < limit, tokens[end].lower == "of" else { return false }
        let k = tokens[end + 1].is(.determiner) && end + 2 < limit ? end + 2 : end + 1
        return tokens[k].isCapitalized && !tokens[k].is(.personPronoun)
    }

    /// Whether a plural reference at `i` is in the clause of the coordinated group `g` before
    /// it, which cannot be its antecedent unless it is a possessive: in "Mexico and Brazil
    /// praised both governments" (or "… praised them") the governments are two others, while
    /// "Mexico and Brazil said both governments would …" may mean the two. Only words that are
    /// neither a clause break nor a reporting verb lie between.
    func inClause(of g: CoordinatedGroup, at i: Int, sentence s: Int) -> Bool {
        guard g.sentence == s, g.end <= i else { return false }
        return (g.end..<i).allSatisfy { tokens[$0].isWord && !tokens[$0].is(.clauseBreak) && !tokens[$0].is(.reporting) }
    }

    /// Runs the stage over every sentence.
    func recognizeActors() {
        var history: [HistoryItem] = []
        var groups: [CoordinatedGroup] = []
        for (s, range) in sentences.enumerated() {
            var list: [Mention] = []
            var i = range.lowerBound
            while i < range.upperBound {
                if let found = recognize(at: i, sentence: s, range: range, list: &list, history: history, groups: groups) {
                    let m = deputy(found, list: &list, range: range)
                    list.append(m)
                    if let of = m.leaderOf, let p = m.titledPerson ?? m.entities.first, p != of { leaders[p, default: []].insert(of) }
                    let oblique = m.kind == .relative || isOblique(m.range.lowerBound, range) || isApposedPossessor(m, after: list.dropLast().last, range)
                    for e in m.entities where m.kind != .firstPerson {
                        history.append(HistoryItem(entity: e, sentence: s, token: m.range.lowerBound, oblique: oblique))
                    }
                    if let g = lastCoordination(list), g.count > 1 {
                        if let last = groups.last, last.sentence == s, g.count > 2 { groups.removeLast() }
                        groups.append(CoordinatedGroup(entities: g.flatMap { list[$0].entities }, sentence: s,
                                                    oblique: isOblique(list[g[0]].range.lowerBound, range), end: m.range.upperBound))
                    }
                    i = max(m.range.upperBound, i + 1)
                } else {
                    i += 1
                }
            }
            mentions.append(list)
        }
        resolveFirstPerson()
    }

    /// Groups of mention indices joined by "and", "," or "as well as"; a chain counts as a
    /// coordination only when its last link has "and" ("A, B and C"), so appositions
    /// ("Russia, its president, Putin") stay apart.
    func coordinations(_ list: [Mention]) -> [[Int]] {
        var result: [[Int]] = []
        var current: [Int] = []
        func close() {
            guard !current.isEmpty else { return }
            if current.count > 1, fallsApart(current, list) {
                result += current.map { [$0] }
            } else {
                result.append(current)
            }
            current = []
        }
        for (k, m) in list.enumerated() {
            if let last = current.last, joined(list[last].range.upperBound, m.range.lowerBound),
               !m.possessive || list[last].possessive {
                current.append(k)
            } else {
                close()
                current = [k]
            }
        }
        close()
        return result
    }

    /// `coordinations(list).last` when it is a group that ends at the last mention, computed
    /// from the end of the list only (recognition asks after every new mention).
    func lastCoordination(_ list: [Mention]) -> [Int]? {
        guard !list.isEmpty else { return nil }
        // The chain of joined mentions that ends at the last one, as `coordinations` builds it.
        var start = list.count - 1
        while start > 0, joined(list[start - 1].range.upperBound, list[start].range.lowerBound),
              !list[start].possessive || list[start - 1].possessive {
            start -= 1
        }
        let chain = Array(start..<list.count)
        guard chain.count > 1, !fallsApart(chain, list) else { return nil }
        return chain
    }

    /// Whether a chain of joined mentions is an apposition, not a coordination: no "and" in its
    /// last link nor right after it ("Russia, its president, Putin").
    func fallsApart(_ chain: [Int], _ list: [Mention]) -> Bool {
        let lastEnd = list[chain[chain.count - 1]].range.upperBound
        let andFollows = lastEnd < tokens.count && (tokens[lastEnd].lower == "and" || (lastEnd + 1 < tokens.count && tokens[lastEnd].norm == "," && tokens[lastEnd + 1].lower == "and"))
        return !andFollows && !hasAnd(list[chain[chain.count - 2]].range.upperBound, list[chain[chain.count - 1]].range.lowerBound)
    }

    func hasAnd(_ from: Int, _ to: Int) -> Bool {
        from < to && tokens[from..<to].contains { $0.lower == "and" || $0.lower == "as" }
    }

    /// Whether the tokens between two mentions only coordinate them ("and", ",", "as well as", "and its").
    func joined(_ from: Int, _ to: Int) -> Bool {
        guard from < to, to - from <= 4 else { return false }
        var commas = 0, ands = 0, others = 0
        for k in from..<to {
            switch tokens[k].lower {
            case ",": commas += 1
            case "and", "as": ands += 1
            case "well", "the", "its", "their", "also": others += 1
            default: return false
            }
        }
        return ands > 0 || (commas == 1 && ands == 0)
    }

    func isCapitalizedWord(_ t: Token) -> Bool { t.isWord && t.isCapitalized }

    /// The longest gazetteer surface at `i`, if any.
    func surface(at i: Int, limit: Int) -> Surface? {
        guard i < limit, i < tokens.count else { return nil }
        // The surfaces starting with the token as written, then (a capital may stand for a
        // lower-case alias: at the start of a sentence, in a title-case headline, or by habit,
        // "Western leaders" for "western leaders") those starting with its capital lowered.
        let written = tokens[i].surfaceList, lowered = tokens[i].loweredSurfaceList
        guard written >= 0 || lowered >= 0 else { return nil }
        var best: Surface? = nil
        let lists = knowledge.surfaceLists
        for list in [written, lowered] where list >= 0 {
            let candidates = lists[Int(list)]
            for c in candidates.indices where i + candidates[c].tokens.count <= limit {
                let words = candidates[c].tokens
                var ok = true
                for k in 1..<words.count where tokens[i + k].norm != words[k] { ok = false; break }
                if ok, best == nil || words.count > best!.tokens.count { best = candidates[c] }
            }
        }
        return best
    }

    /// The longest title at `i` (case-insensitive), if any.
    func title(at i: Int, limit: Int) -> (count: Int, title: Title)? {
        guard i < limit, i < tokens.count, tokens[i].is(.titleStart) else { return nil }
        for t in knowledge.titles[tokens[i].lower] ?? [] where matches(t.tokens, at: i, limit: limit) {
            return (t.tokens.count, t.title)
        }
        return nil
    }

    /// A title in the plural at `i` ("Vice Foreign Ministers"): its token count and its words,
    /// lower case and singular.
    func pluralTitle(at i: Int, limit: Int) -> (count: Int, words: [String])? {
        guard i < limit, tokens[i].is([.titleStart, .pluralTitle]) else { return nil }
        for n in stride(from: min(4, limit - i), through: 1, by: -1) {
            let last = tokens[i + n - 1].lower
            guard last.count > 3, last.hasSuffix("s") else { continue }
            var words = tokens[i..<i + n].map(\.lower)
            words[n - 1] = String(last.dropLast())
            if let candidates = knowledge.titles[words[0]], candidates.contains(where: { $0.tokens == words }) {
                return (n, words)
            }
        }
        return nil
    }

    /// Whether `t` is a courtesy title or rank before a name (`cues.tsv` honorific: "Dr.", "Gen.").
    func isHonorific(_ t: Token) -> Bool {
        t.isCapitalized && knowledge.honorifics.contains(t.lower)
    }

    /// A person's name at `i`: a gazetteer person, a surname the text introduced, or a run of
    /// capitalized words (with initials and particles), at most four.
    func personName(at i: Int, limit: Int) -> (end: Int, entity: Int, note: String)? {
        // An honorific before the name: "Dr. S. Jaishankar", "Mr. Blinken", "Gen. Assimi Goita".
        if i + 1 < limit, isHonorific(tokens[i]), isCapitalizedWord(tokens[i + 1]) {
            return personName(at: i + 1, limit: limit)
        }
        guard i < limit, isCapitalizedWord(tokens[i]), !Self.notNames.contains(tokens[i].text) else { return nil }
        if let s = surface(at: i, limit: limit) {
            let e = knowledge.entries[s.entity].entity
            if e.type == .person {
                let person = local(entry: s.entity)
                rememberNames(i..<i + s.tokens.count, of: person)
                return (i + s.tokens.count, person, trace ? "gazetteer '\(span(i..<i + s.tokens.count))'" : "")
            }
            return nil
        }
        // (Not the first part of a hyphenated given name: "Jean" of "Jean-Pierre Mbuyi" after a
        // "Jean-Claude Rugamba".)
        let hyphenated = i + 1 < limit && tokens[i + 1].norm == "-" && !tokens[i + 1].spaceBefore
        if let e = localNames[tokens[i].norm], !(i + 1 < limit && isCapitalizedWord(tokens[i + 1])), !hyphenated {
            return (i + 1, e, "surname of \(entities[e].label)")
        }
        // A title, a month or a weekday is no first name ("Foreign Minister Tuesday said").
        if title(at: i, limit: limit) != nil || DateFinder.month(tokens[i]) != nil || tokens[i].is(.weekday) { return nil }
        var j = i, words = 0
        while j < limit, words < 4 {
            let t = tokens[j]
            if isCapitalizedWord(t), !Self.notNames.contains(t.text), surface(at: j, limit: limit).map({ knowledge.entries[$0.entity].entity.type != .person }) != true {
                j += 1
                words += 1
            } else if t.is(.nameParticle), j + 1 < limit, isCapitalizedWord(tokens[j + 1]) {
                j += 1
            } else if j > i, t.is(.nameParticle), j + 2 < limit, tokens[j + 1].norm == "-", !tokens[j + 1].spaceBefore,
                      !tokens[j + 2].spaceBefore, isCapitalizedWord(tokens[j + 2]) {
                // "Haider al-Jubouri", "Mishal al-Ahmad al-Sabah": a hyphened particle and its name.
                j += 2
            } else if t.norm == "-", !t.spaceBefore, j + 1 < limit, !tokens[j + 1].spaceBefore, tokens[j + 1].isWord {
                // "Park Ji-hoon", "Moon Jae-in": a hyphenated given name's second part, also in
                // lower case (not "Smith-led": a participle makes a compound adjective).
                // A capitalized second part belongs to the name whatever else it could be:
                // "Margaret Lindqvist-Hale", "Jean-Yves".
                let next = tokens[j + 1]
                if isCapitalizedWord(next) {
                    j += 2
                    words += 1
                } else {
                    j += next.text.allSatisfy(\.isLetter) && !next.lower.hasSuffix("ed") && !next.lower.hasSuffix("ing") ? 2 : 1
                }
            } else {
                break
            }
        }
        guard j > i else { return nil }
        // Drop a trailing particle or hyphen (not the lower-case part of "Ji-hoon").
        while j > i, !isCapitalizedWord(tokens[j - 1]), !(j - 2 > i && tokens[j - 2].norm == "-" && tokens[j - 1].isWord && tokens[j - 1].text.allSatisfy(\.isLetter)) { j -= 1 }
        guard j > i else { return nil }
        // Initials before a known person's surname are that person: "S. Jaishankar".
        if j - i > 1, (i..<j - 1).allSatisfy({ tokens[$0].text.unicodeScalars.count == 2 && tokens[$0].text.hasSuffix(".") }),
           let last = surface(at: j - 1, limit: j), knowledge.entries[last.entity].entity.type == .person {
            return (j, local(entry: last.entity), trace ? "initials + gazetteer '\(tokens[j - 1].text)'" : "")
        }
        let name = span(i..<j)
        // A gazetteer person may go by this full name's last word ("Mori Takeo" vs "Takeo Mori").
        var entity = Entity(key: Self.slug(name), label: name, type: .person)
        if let existing = entityIndex[entity.key] { return (j, existing, "name introduced earlier") }
        // "Sherman" in a title, then "Wendy R. Sherman": the fuller name names the same person.
        if j - i > 1 {
            for part in [tokens[j - 1].norm, tokens[i].norm] {
                if let short = entityIndex[Self.slug(part)], entities[short].type == .person, knowledge.entryByKey[entities[short].key] == nil,
                   !entities[short].label.contains(" ") {
                    entityIndex[entities[short].key] = nil
                    entities[short].key = entity.key
                    entities[short].label = name
                    entityIndex[entity.key] = short
                    localNames[tokens[j - 1].norm] = short
                    return (j, short, "full name of '\(part)' introduced earlier")
                }
            }
        }
        entity.aliases = [tokens[j - 1].text]
        let e = local(entity)
        if j - i > 1 { localNames[tokens[j - 1].norm] = e; localNames[tokens[i].norm] = localNames[tokens[i].norm] ?? e }
        return (j, e, trace ? "titled name '\(name)'" : "")
    }

    /// Later in the text a person's last or first name alone names them: "Putin", and "Kim" for
    /// "Kim Jong Un" (family name first). The first person to claim a first name keeps it.
    func rememberNames(_ name: Range<Int>, of person: Int) {
        guard name.count > 1 else { return }
        localNames[tokens[name.upperBound - 1].norm] = person
        localNames[tokens[name.lowerBound].norm] = localNames[tokens[name.lowerBound].norm] ?? person
    }

    static func slug(_ s: String) -> String {
        var out = ""
        var dash = false
        for c in s.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil) {
            if c.isASCII && (c.isLetter || c.isNumber) {
                out.append(c)
                dash = false
            } else if !dash && !out.isEmpty {
                out.append("-")
                dash = true
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? "x" : out
    }

    /// The country or organization a title is of, from a mention just before it.
    func qualifier(_ m: Mention?, endingAt i: Int) -> (entity: Int, mention: Bool)? {
        guard let m, m.range.upperBound == i else { return nil }
        guard let e = m.entities.first, m.entities.count == 1 else { return nil }
        let type = entities[e].type
        guard type == .country || type == .organization else { return nil }
        guard [.name, .seat, .demonym, .state].contains(m.kind) else { return nil }
        return (e, true)
    }

    /// Where a person with this title and textual `of` is a leader of, checked against the
    /// gazetteer's dated offices, which win over a possessive guess ("its president, Putin").
    func leaderTarget(person: Int, title: Title, textual: Int?, former: Bool) -> Int? {
        guard title.leader, !former else { return nil }
        let key = entities[person].key
        // The bare "leader" names whatever leading office the person holds ("leader Kim Jong Un").
        let offices = (knowledge.officesByPerson[key] ?? []).filter {
            $0.role == title.role || (title.role == "leader" && knowledge.leaderRoles.contains($0.role))
        }
        guard !offices.isEmpty else {
            if knowledge.officesByPerson[key] != nil && textual == nil { return nil }
            if let textual { return textual }
            return title.defaultOf.flatMap { local(key: $0) }
        }
        if let textual, offices.contains(where: { $0.of == entities[textual].key }) { return textual }
        if let date, let o = offices.first(where: { $0.held(on: date) }) { return local(key: o.of) }
        let places = Set(offices.map(\.of))
        if places.count == 1, let only = places.first { return local(key: only) }
        return nil
    }

    /// Recognizes one mention starting at token `i`, or nil.
    func recognize(at i: Int, sentence s: Int, range: Range<Int>, list: inout [Mention], history: [HistoryItem],
                   groups: [CoordinatedGroup]) -> Mention? {
        let limit = range.upperBound
        let t = tokens[i]
        let previous = i > range.lowerBound ? i - 1 : nil
        let former = previous.map { tokens[$0].lower == "former" || tokens[$0].lower == "ex" } ?? false
        let locative = previous.map { tokens[$0].is(.locative) } ?? false

        // 1. Title + name: "Prime Minister Narendra Modi", "AU Commission Chairman Faki"; after
        //    "former" the title may be lower case ("Former president Luis Ortega").
        // (A lower-case title before a name the gazetteer knows as a person: "the sister of leader
        // Kim Jong Un".)
        // (Or a lower-case title right after the state or body it is of, one modifier aside
        // (`cues.tsv` title-modifier): "RSF leader Idris Tayfour", "M23 political leader Ana Rusu".)
        let modifierBefore = !t.isCapitalized && previous.map { knowledge.titleModifiers.contains(tokens[$0].lower) } == true
        let owner = qualifier(list.last, endingAt: i) ?? (modifierBefore ? qualifier(list.last, endingAt: i - 1) : nil)
        if let (count, title) = title(at: i, limit: limit),
           t.isCapitalized || former || owner != nil || surface(at: i + count, limit: limit).map({ knowledge.entries[$0.entity].entity.type == .person }) == true,
           let name = personName(at: i + count, limit: limit) {
            var start = i
            var textual: Int? = nil
            if let q = owner {
                textual = q.entity
                start = list.removeLast().range.lowerBound
            }
            let wasFormer = former || (start > range.lowerBound && tokens[start - 1].lower == "former")
            // "President Daniel Noboa of Ecuador": the office's state or body after the name.
            var end = name.end
            if textual == nil, end + 2 < limit, tokens[end].lower == "of" {
                let k = tokens[end + 1].is(.determiner) ? end + 2 : end + 1
                if k < limit, let sf = surface(at: k, limit: limit), sf.kind == .name,
                   [.country, .organization].contains(knowledge.entries[sf.entity].entity.type) {
                    textual = local(entry: sf.entity)
                    end = k + sf.tokens.count
                }
            }
            roles[name.entity, default: []].formUnion(title.phrase.lowercased().split(separator: " ").map(String.init))
            if entities[name.entity].country == nil, let q = textual {
                entities[name.entity].country = entities[q].type == .country ? entities[q].key : entities[q].country
            }
            var m = Mention(range: start..<end, entities: [name.entity], kind: .titled,
                            note: trace ? "title '\(title.phrase)' + \(name.note)" : "")
            m.leaderOf = leaderTarget(person: name.entity, title: title, textual: textual, former: wasFormer)
            m.titleOf = textual
            return possessive(m, limit: limit)
        }

        // 1a. A courtesy title or a rank, then a name: "Dr. Ion Voda", "Maj. Gen. Ana Rusu".
        if isHonorific(t), i + 1 < limit, isCapitalizedWord(tokens[i + 1]),
           let name = personName(at: i, limit: limit), entities[name.entity].type == .person {
            return possessive(Mention(range: i..<name.end, entities: [name.entity], kind: .titled,
                                      note: trace ? "honorific '\(t.text)' + \(name.note)" : ""), limit: limit)
        }

        // 1a'. A private person's occupation, then a name of two words or more no list knows:
        //     "the fugitive businessman Ilan Shor", "journalist Ana Rusu" (a person of no state).
        if i > range.lowerBound, t.isCapitalized, i + 1 < limit, isCapitalizedWord(tokens[i + 1]),
           knowledge.occupationNouns.contains(tokens[i - 1].lower), !tokens[i - 1].isCapitalized,
           let name = personName(at: i, limit: limit), name.end - i >= 2, entities[name.entity].type == .person {
            return possessive(Mention(range: i..<name.end, entities: [name.entity], kind: .titled,
                                      note: trace ? "occupation '\(tokens[i - 1].text)' + \(name.note)" : ""), limit: limit)
        }

        // 1b. A name no list knows, then its title in apposition: "Ana Cebotari, Moldova's
        //     foreign minister,", "Dan Voicu, the foreign minister of Romania,".
        // (A cheap test first: a comma two to four words on.)
        if t.isCapitalized, (i + 2..<max(i + 2, min(i + 5, limit))).contains(where: { tokens[$0].norm == "," }),
           let m = nameWithAppositiveTitle(at: i, limit: limit) {
            return m
        }

        // 1b'. A name no list knows that speaks: "Dan Voicu said", "according to Ana Cebotari".
        // (A reporting word two or three words on, or "according to" before, first.)
        if t.isCapitalized,
           (i + 2..<max(i + 2, min(i + 4, limit))).contains(where: { tokens[$0].is(.reporting) }) || (i >= range.lowerBound + 2 && tokens[i - 1].lower == "to"),
           !isTitleCase(s), let m = speakingName(at: i, range: range) {
            return m
        }

        // 1b''. A name no list knows that starts with a given name: "met Dan Voicu" (a person
        //      of no state).
        if t.isCapitalized, knowledge.givenNames.contains(t.text), i + 1 < limit, isCapitalizedWord(tokens[i + 1]),
           !isTitleCase(s), let m = givenNamePerson(at: i, range: range) {
            return m
        }

        // 1b‴. A name no list knows opening its sentence, then a verb, taken up by "he", "his",
        //      "she" or "her" later in the sentence or at the next one's start: "Voicu Rusu
        //      criticized Russia over his arrest" (a person of no state).
        if t.isCapitalized, i == range.lowerBound, i + 2 < limit, isCapitalizedWord(tokens[i + 1]), !isTitleCase(s),
           let m = pronounTakenUpName(at: i, sentence: s, range: range) {
            return m
        }

        // 1c. An organization no list knows, by its head word: "the Nile Basin Initiative",
        //     "the Sudan Liberation Movement".
        // (An organization's head word within six words first.)
        if t.isCapitalized, (i + 1..<max(i + 1, min(i + 6, limit))).contains(where: { tokens[$0].is(.organizationHead) }),
           !isTitleCase(s), let m = unlistedOrganization(at: i, limit: limit) {
            return m
        }

        // 2. Gazetteer names, seats and demonyms.
        if let sf = surface(at: i, limit: limit) {
            let end = i + sf.tokens.count
            let entry = knowledge.entries[sf.entity].entity
            switch sf.kind {
            case .name, .seat:
                // A one-word name followed by a capitalized word is part of a longer name ("Beijing Winter
                // Olympics"), except in a title-case headline where every word is capitalized.
                if sf.tokens.count == 1, end < limit, isCapitalizedWord(tokens[end]), !tokens[end].lineBreakBefore, !isTitleCase(s),
                   title(at: end, limit: limit) == nil, entry.type != .person,
                   surface(at: end, limit: limit) == nil {
                    return nil
                }
                let e = local(entry: sf.entity)
                if entry.type == .person { rememberNames(i..<end, of: e) }
                var m = Mention(range: i..<end, entities: [e], kind: sf.kind == .seat ? .seat : .name,
                                locative: locative, note: trace ? "gazetteer '\(span(i..<end))'" : "")
                // "Republic of Korea (ROK)": the abbreviation in brackets is the same mention.
                if end + 2 < limit, tokens[end].norm == "(", let abbr = surface(at: end + 1, limit: limit), abbr.entity == sf.entity,
                   end + 1 + abbr.tokens.count < limit, tokens[end + 1 + abbr.tokens.count].norm == ")" {
                    m.range = i..<end + 2 + abbr.tokens.count
                }
                let end = m.range.upperBound
                // "a Panama-flagged oil tanker": the state as a target.
                if entry.type == .country, let t = flagState(e, from: i, after: end, limit: limit) { return t }
                // "Georgia's government", "Russia's army": the state itself (but "Iran's foreign
                // ministry spokesman, NAME" is a person described by a longer title).
                if end < limit, tokens[end].norm == "'s", entry.type == .country, let noun = longest(knowledge.stateNouns, at: end + 1, limit: limit) {
                    if let d = description(at: end + 1, demonym: e, start: i, limit: limit, history: history), d.range.upperBound > end + 1 + noun.count {
                        return d
                    }
                    return Mention(range: i..<end + 1 + noun.count, entities: [e], kind: .state, locative: locative,
                                   role: knowledge.stateNounRoles[noun.joined(separator: " ")], note: trace ? "'\(span(i..<end + 1 + noun.count))'" : "")
                }
                // "Sudan's civilian coalition", "Myanmar's ruling party": a body of the country's that
                // is no organ of its state (a lower-case organization head, `cues.tsv`, one
                // lower-case word may stand before it) is an Organization of that country.
                if end + 1 < limit, tokens[end].norm == "'s", entry.type == .country {
                    var k = end + 1
                    if k + 1 < limit, tokens[k].isWord, !tokens[k].isCapitalized, !tokens[k].is([.preposition, .determiner]),
                       !knowledge.bodyHeads.contains(tokens[k].lower) {
                        k += 1
                    }
                    if k < limit, !tokens[k].isCapitalized, knowledge.bodyHeads.contains(tokens[k].lower),
                       !(k + 1 < limit && tokens[k + 1].lower == "of") {
                        let label = "\(entry.label)'s \(span(end + 1..<k + 1))"
                        var body = Entity(key: Self.slug(label), label: label, type: .organization)
                        body.country = entry.key
                        let o = entityIndex[body.key] ?? local(body)
                        return possessive(Mention(range: i..<k + 1, entities: [o], kind: .name,
                                                  note: trace ? "organization '\(label)' (a body of \(entry.label)'s)" : ""), limit: limit)
                    }
                }
                // "Saudi Arabia's crown prince", "Russia's foreign minister": a description of a person.
                if end < limit, tokens[end].norm == "'s", entry.type == .country || entry.type == .organization,
                   let d = description(at: end + 1, demonym: e, start: i, limit: limit, history: history) {
                    return d
                }
                // "Argentina's Milei", "Russia's Putin": a known person right after a country's "'s"
                // is that person, so that "Brazil's Lula and Argentina's Milei" coordinate.
                if end + 1 < limit, tokens[end].norm == "'s", entry.type == .country, let p = surface(at: end + 1, limit: limit),
                   p.kind == .name, knowledge.entries[p.entity].entity.type == .person {
                    let person = local(entry: p.entity)
                    if entities[person].country == nil { entities[person].country = entry.key }
                    return possessive(Mention(range: i..<end + 1 + p.tokens.count, entities: [person], kind: .titled,
                                              note: trace ? "'\(span(i..<end + 1 + p.tokens.count))'" : ""), limit: limit)
                }
                // "the United Nations Secretary-General", "the U.S. president": a title right after
                // the name with no person named after it describes the holder of that office.
                if end < limit, entry.type == .country || entry.type == .organization, let t = title(at: end, limit: limit),
                   personName(at: end + t.count, limit: limit) == nil,
                   let d = description(at: end, demonym: e, start: i, limit: limit, history: history) {
                    return d
                }
                // "ASEAN foreign ministers": the members stand for the body.
                if let member = longest(knowledge.memberNouns, at: end, limit: limit), entry.type != .person {
                    m.range = i..<end + member.count
                    m.kind = .members
                    m.role = knowledge.memberNounRoles[member.joined(separator: " ")]
                }
                return possessive(m, limit: limit)
            case .demonym:
                let e = local(entry: sf.entity)
                if let noun = longest(knowledge.stateNouns, at: end, limit: limit) {
                    // "Moroccan army positions", "Russian military bases": the body's places are the state's.
                    let place = longest(knowledge.territoryNouns, at: end + noun.count, limit: limit)?.count ?? 0
                    return Mention(range: i..<end + noun.count + place, entities: [e], kind: .state,
                                   role: knowledge.stateNounRoles[noun.joined(separator: " ")], note: trace ? "demonym '\(span(i..<end))' + '\(noun.joined(separator: " "))'" : "")
                }
                // "the Russian border region", "Ukrainian cities": the state as a place or target.
                if let noun = longest(knowledge.territoryNouns, at: end, limit: limit) {
                    return Mention(range: i..<end + noun.count, entities: [e], kind: .state,
                                   note: trace ? "demonym '\(span(i..<end))' + territory '\(noun.joined(separator: " "))'" : "")
                }
                // "a Russian-flagged cargo ship": the state as a target.
                if let t = flagState(e, from: i, after: end, limit: limit) { return t }
                // "two Guatemalan priests", "a Filipino fishing boat", "Chinese electric vehicle
                // subsidies" (one or two modifier words may stand between): the country as a target only.
                // (A trigger's word may be a modifier only before a craft: "a Philippine supply boat".)
                var k = end
                while k < end + 2, k + 1 < limit, tokens[k].isWord, !tokens[k].isCapitalized, !tokens[k].is([.preposition, .determiner]),
                      !tokens[k].is(.verbTrigger) || longest(knowledge.territoryNouns, at: k + 1, limit: limit) != nil,
                      !["and", "or", "but"].contains(tokens[k].lower), longest(knowledge.targetNouns, at: k, limit: limit) == nil,
                      longest(knowledge.territoryNouns, at: k, limit: limit) == nil {
                    k += 1
                }
                if let noun = longest(knowledge.targetNouns, at: k, limit: limit) ?? (k > end ? longest(knowledge.territoryNouns, at: k, limit: limit) : nil) {
                    let last = targetCompoundEnd(k + noun.count, limit: limit)
                    var m = Mention(range: i..<last, entities: [e], kind: .state,
                                    note: trace ? "demonym '\(span(i..<end))' + target '\(span(end..<last))'" : "")
                    m.target = true
                    return m
                }
                // "Russian and Chinese armed forces", "German, French and Italian envoys": a
                // demonym coordinated with one before a state noun is that state's body too.
                var next = end
                while next + 1 < limit, tokens[next].lower == "and" || tokens[next].norm == ",", let other = surface(at: next + 1, limit: limit),
                      other.kind == .demonym {
                    next += 1 + other.tokens.count
                }
                if next > end, tokens[i..<next].contains(where: { $0.lower == "and" }), let noun = longest(knowledge.stateNouns, at: next, limit: limit) {
                    return Mention(range: i..<end, entities: [e], kind: .state, role: knowledge.stateNounRoles[noun.joined(separator: " ")], note: trace ? "demonym '\(span(i..<end))' coordinated with a state noun" : "")
                }
                // "its Indian and Filipino crew", "Indian, Pakistani and Filipino sailors": a demonym
                // coordinated with one before a target noun is a target too (one modifier word may
                // stand before the noun).
                if next > end {
                    var k = next
                    if k + 1 < limit, tokens[k].isWord, !tokens[k].isCapitalized, longest(knowledge.targetNouns, at: k, limit: limit) == nil { k += 1 }
                    if longest(knowledge.targetNouns, at: k, limit: limit) != nil {
                        var m = Mention(range: i..<end, entities: [e], kind: .state,
                                        note: trace ? "demonym '\(span(i..<end))' coordinated with a target" : "")
                        m.target = true
                        return m
                    }
                }
                // "the Chinese and Russian presidents": each country's holder of the title on the date.
                if end + 1 < limit, tokens[end].lower == "and", let other = surface(at: end + 1, limit: limit), other.kind == .demonym,
                   let plural = pluralTitle(at: end + 1 + other.tokens.count, limit: limit),
                   let title = knowledge.titles[plural.words[0]]?.first(where: { $0.tokens == plural.words })?.title {
                    let countries = [knowledge.entries[sf.entity].entity.key, knowledge.entries[other.entity].entity.key]
                    let holders = countries.map { knowledge.holder(role: title.role, of: $0, on: date) }
                    if holders.allSatisfy({ $0.count == 1 }), let p = local(key: holders[0][0]), let q = local(key: holders[1][0]), p != q {
                        let stop = end + 1 + other.tokens.count + plural.count
                        return Mention(range: i..<stop, entities: [p, q], kind: .description,
                                       note: trace ? "'\(span(i..<stop))' → \(entities[p].label), \(entities[q].label)" : "")
                    }
                }
                if let d = description(at: i, demonym: e, start: i, limit: limit, history: history) { return d }
                return Mention(range: i..<end, entities: [e], kind: .demonym, note: trace ? "demonym '\(span(i..<end))'" : "")
            }
        }

        // A name the text introduced earlier, alone: "Kim" after "Kim Jong Un".
        if t.isCapitalized, t.isWord, !localNames.isEmpty, let e = localNames[t.norm], !Self.notNames.contains(t.text),
           !(i + 1 < limit && isCapitalizedWord(tokens[i + 1])) {
            return possessive(Mention(range: i..<i + 1, entities: [e], kind: .name,
                                      note: trace ? "'\(t.text)', named earlier as \(entities[e].label)" : ""), limit: limit)
        }

        // 3. Members of a body: "foreign ministers of the Association of Southeast Asian Nations",
        //    "officials in Kyiv".
        // (The class bits are tested first: most tokens start none of these phrases.)
        let memberNoun = t.is(.memberNounStart)
        if memberNoun, let member = longest(knowledge.memberNouns, at: i, limit: limit), i + member.count + 1 < limit,
           tokens[i + member.count].lower == "in", let sf = surface(at: i + member.count + 1, limit: limit), sf.kind == .seat {
            let e = local(entry: sf.entity)
            return Mention(range: i..<i + member.count + 1 + sf.tokens.count, entities: [e], kind: .members,
                           role: knowledge.memberNounRoles[member.joined(separator: " ")], note: trace ? "'\(span(i..<i + member.count + 1 + sf.tokens.count))'" : "")
        }
        if memberNoun, let member = longest(knowledge.memberNouns, at: i, limit: limit), i + member.count < limit,
           tokens[i + member.count].lower == "of" {
            var j = i + member.count + 1
            if j < limit, tokens[j].is(.determiner) { j += 1 }
            if j < limit, let sf = surface(at: j, limit: limit), sf.kind == .name,
               knowledge.entries[sf.entity].entity.type != .person {
                let e = local(entry: sf.entity)
                return Mention(range: i..<j + sf.tokens.count, entities: [e], kind: .members,
                               role: knowledge.memberNounRoles[member.joined(separator: " ")], note: trace ? "members of '\(span(j..<j + sf.tokens.count))'" : "")
            }
        }

        // 4. Plural references: "the two leaders", "their", "both".
        if t.is(.pluralPronounStart), let plural = longest(knowledge.pluralPronouns, at: i, limit: limit),
           !namesItsOwn(plural, after: i + plural.count, limit: limit) {
            let end = i + plural.count
            var referents: [Int] = []
            // "the parties", "all sides": the sides of the last conflict or talks mentioned.
            let sides = plural.contains { ["parties", "sides", "belligerents"].contains($0) }
            // "the two governments", "both sides": two states (or, for sides, bodies).
            let states = plural.contains { ["countries", "governments", "nations", "neighbours", "neighbors", "states", "delegations"].contains($0) }
                || (sides && plural.contains { $0 == "two" || $0 == "both" })
            // A person stands for their country where states are meant.
            func asState(_ e: Int) -> Int? {
                if entities[e].type == .person { return entities[e].country.flatMap { local(key: $0) } }
                return entities[e].type == .country || (sides && entities[e].type != .person) ? e : nil
            }
            // "the two neighbours" after a paragraph on a third state ("Russia deployed a
            // battalion to Tajikistan"), "urged both sides to keep talking" after a paragraph on
            // what two bodies said: the story's two protagonists, the two states (or, for sides,
            // bodies) the text has named clearly most often, are meant.
            var protagonists: [Int] = []
            if states {
                var counts: [Int: Int] = [:]
                for h in history where h.sentence < s { if let e = asState(h.entity) { counts[e, default: 0] += 1 } }
                let ranked = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                if ranked.count >= 2, ranked[1].value >= 3, ranked.count == 2 || 2 * ranked[1].value >= 3 * ranked[2].value {
                    protagonists = [ranked[0].key, ranked[1].key]
                }
            }
            if !protagonists.isEmpty {
                referents = protagonists
            } else if sides, let g = groups.last, s - g.sentence <= 3 {
                // The sides of a conflict or talks are states and bodies: a person stands for their
                // country, and a group of people with no known country has no sides.
                var sideList: [Int] = []
                for e in g.entities {
                    guard entities[e].type == .person else { if !sideList.contains(e) { sideList.append(e) }; continue }
                    guard let c = entities[e].country.flatMap({ local(key: $0) }) else { sideList = []; break }
                    if !sideList.contains(c) { sideList.append(c) }
                }
                referents = sideList.count >= 2 ? sideList : []
            } else if let g = groups.last, s - g.sentence <= 1, !g.oblique, !states || g.entities.allSatisfy({ asState($0) != nil }),
                      plural == ["their"] || !inClause(of: g, at: i, sentence: s) {
                // The pair just coordinated; where states are meant, the states of people named.
                var list: [Int] = []
                for e in g.entities { if let x = states ? asState(e) : e, !list.contains(x) { list.append(x) } }
                referents = list
            } else {
                // "the two governments", "both sides": the two states (or bodies) of the latest
                // earlier sentence that names exactly two; "the two leaders", "both": the two
                // latest people.
                var found: [Int] = []
                if states {
                    // The latest earlier sentence that names two or more states decides: its two
                    // states, or the pair coordinated in it (a person counts as their country).
                    for back in 1...3 where s - back >= 0 {
                        var here: [Int] = []
                        for h in history where h.sentence == s - back {
                            var e = h.entity
                            if entities[e].type == .person, let c = entities[e].country, let local = local(key: c) { e = local }
                            let type = entities[e].type
                            if (type == .country || (sides && type == .organization)) && !here.contains(e) { here.append(e) }
                        }
                        if here.count == 2 { found = here.reversed(); break }
                        if here.count > 2 {
                            // "Russia urged Kyrgyzstan and Tajikistan to …": a pair named together in it.
                            if let g = groups.last(where: { $0.sentence == s - back }), g.entities.count == 2,
                               g.entities.allSatisfy({ entities[$0].type == .country || (sides && entities[$0].type == .organization) }) {
                                found = g.entities.reversed()
                            }
                            break
                        }
                        // One state ("Nepal expressed concern"): the pair is further back.
                    }
                } else if !sides {
                    for h in history.reversed() {
                        if s - h.sentence > 2 { break }
                        guard entities[h.entity].type == .person else { continue }
                        if !found.contains(h.entity) { found.append(h.entity) }
                        if found.count == 2 { break }
                    }
                }
                if found.count == 2 { referents = found.reversed() }
            }
            guard referents.count >= 2 else { return nil }
            let m = Mention(range: i..<end, entities: referents, kind: .pronoun,
                            possessive: plural == ["their"],
                            note: trace ? "'\(span(i..<end))' → \(referents.map { entities[$0].label }.joined(separator: ", "))" : "")
            return m
        }

        // 4b. A definite state noun alone names the state the text last named with it: "Egypt's
        //     foreign ministry … The ministry condemned", "the Nigerian army … The army accused".
        //     Only opening a sentence: elsewhere "the government" is as often another one.
        if t.lower == "the", i == range.lowerBound, i + 1 < limit, tokens[i + 1].is(.stateNounStart), let noun = longest(knowledge.stateNouns, at: i + 1, limit: limit),
           i + 1 + noun.count >= limit || !(tokens[i + 1 + noun.count].lower == "of" || isCapitalizedWord(tokens[i + 1 + noun.count])),
           let state = stateNamedEarlier(with: noun.last!, before: s, list: list) {
            let end = i + 1 + noun.count
            return Mention(range: i..<end, entities: [state], kind: .description, role: knowledge.stateNounRoles[noun.joined(separator: " ")],
                           note: trace ? "'\(span(i..<end))' → \(entities[state].label) (named earlier with '\(noun.last!)')" : "")
        }

        // 4c. "the bloc", "the alliance": the one organization the text named in this sentence or
        //     the three before ("The European Union imposed … Lithuania urged the bloc to").
        if t.lower == "the", i + 1 < limit, knowledge.blocNouns.contains(tokens[i + 1].lower),
           i + 2 >= limit || !(tokens[i + 2].lower == "of" || isCapitalizedWord(tokens[i + 2])),
           let org = organizationNamedEarlier(before: s, list: list) {
            return Mention(range: i..<i + 2, entities: [org], kind: .description,
                           note: trace ? "'\(span(i..<i + 2))' → \(entities[org].label) (the organization named last)" : "")
        }

        // 5. Descriptions and appositions: "the Russian president", "its president, Vladimir Putin",
        //    "the President of the United States, Joe Biden", "the Secretary".
        if t.lower == "the" || t.is(.possessivePronoun) {
            var possessor: Int? = nil
            if t.is(.possessivePronoun), let r = resolvePronoun(t.lower, at: i, sentence: s, history: history).first {
                possessor = r
                // "his government", "its army": the state of the person, or the actor itself.
                if let noun = longest(knowledge.stateNouns, at: i + 1, limit: limit) {
                    let state = entities[r].type == .person ? entities[r].country.flatMap { local(key: $0) } : r
                    if let state {
                        return Mention(range: i..<i + 1 + noun.count, entities: [state], kind: .state,
                                       role: knowledge.stateNounRoles[noun.joined(separator: " ")], note: trace ? "'\(span(i..<i + 1 + noun.count))' → \(entities[state].label)" : "")
                    }
                }
            }
            var j = i + 1
            var demonym: Int? = nil
            if j < limit, let sf = surface(at: j, limit: limit), sf.kind == .demonym || (sf.kind == .name && knowledge.entries[sf.entity].entity.type == .country) {
                demonym = local(entry: sf.entity)
                j += sf.tokens.count
            }
            // A description starts with a title, a person noun or a demonym: test the bits first.
            if j < limit, tokens[j].is([.titleStart, .personNounStart, .officeAdjective]) || tokens[j].surfaceList >= 0 || tokens[j].loweredSurfaceList >= 0,
               let d = description(at: j, demonym: demonym ?? possessor, start: i, limit: limit, history: history,
                                   possessorOnly: demonym == nil && possessor != nil, counterpartOf: demonym != nil ? possessor : nil) {
                return d
            }
        }

        // 6. A plural title names the people who bear it: "the Deputy Secretary and Vice Foreign Ministers".
        if t.isCapitalized, let plural = pluralTitle(at: i, limit: limit) {
            var people: [Int] = []
            for h in history.reversed() {
                if s - h.sentence > 5 { break }
                if entities[h.entity].type == .person, !people.contains(h.entity),
                   plural.words.allSatisfy({ roles[h.entity]?.contains($0) == true }) {
                    people.append(h.entity)
                }
            }
            if !people.isEmpty {
                return Mention(range: i..<i + plural.count, entities: people.reversed(), kind: .description,
                               note: trace ? "'\(span(i..<i + plural.count))' → \(people.reversed().map { entities[$0].label }.joined(separator: ", "))" : "")
            }
        }

        // 7. Pronouns.
        let lower = t.lower
        if t.is([.personPronoun, .thingPronoun]) {
            let resolved = resolvePronoun(lower, at: i, sentence: s, history: history)
            guard let e = resolved.first else { return nil }
            return Mention(range: i..<i + 1, entities: [e], kind: .pronoun, possessive: t.is(.possessivePronoun),
                           note: trace ? "'\(t.text)' → \(entities[e].label)" : "")
        }
        if t.is(.firstPersonPlural) {
            return Mention(range: i..<i + 1, entities: [], kind: .firstPerson, possessive: lower == "our", note: trace ? "'\(t.text)'" : "")
        }
        // "Iran, which has supplied drones": "which" only for a country or organization. (Also
        // after a preposition: "the OAS, of which both are members", "the bloc, to which …".)
        let comma = i > range.lowerBound + 1 && tokens[i - 1].is(.preposition) && ["which", "whom"].contains(lower) ? i - 2 : i - 1
        if lower == "who" || lower == "which" || lower == "whom", comma >= range.lowerBound, tokens[comma].norm == ",", let prev = list.last,
           prev.range.upperBound == comma, !prev.entities.isEmpty, lower != "whom" || comma == i - 2,
           lower != "which" || prev.entities.allSatisfy({ entities[$0].type == .country || entities[$0].type == .organization }) {
            // "Kenya and Ethiopia, which have been mediating": the whole coordination.
            var referents = prev.entities
            var target = prev.target
            // (A singular verb after it takes the last conjunct only: "Venezuela and Cuba, which has".)
            let next = i + 1 < limit ? tokens[i + 1] : nil
            let singular = next.map { ["has", "is", "was", "does"].contains($0.lower) || ($0.is(.verbTrigger) && $0.lower.hasSuffix("s") && !$0.lower.hasSuffix("ss")) } ?? false
            if !singular, let g = lastCoordination(list), g.count > 1 {
                let all = entities(ofGroup: g, in: list)
                if lower != "which" || all.allSatisfy({ entities[$0].type == .country || entities[$0].type == .organization }) {
                    referents = all
                    target = g.contains { list[$0].target }
                }
            }
            // "Iranian students, who accuse …": the relative is as much a target as its antecedent.
            var m = Mention(range: i..<i + 1, entities: referents, kind: .relative,
                            note: trace ? "'\(lower)' → \(referents.map { entities[$0].label }.joined(separator: ", "))" : "")
            m.target = target
            return m
        }
        return nil
    }

    /// The mentions of the three sentences before `s` and of `s` so far (`list`): where a
    /// definite description looks for what it names.
    func recentMentions(before s: Int, list: [Mention]) -> [Mention] {
        mentions[max(0, s - 3)..<s].flatMap { $0 } + list
    }

    /// The one organization named in sentence `s` so far or the three before it; nil for none
    /// or several.
    func organizationNamedEarlier(before s: Int, list: [Mention]) -> Int? {
        var found = Set<Int>()
        for m in recentMentions(before: s, list: list) where m.kind == .name && !m.target {
            for e in m.entities where entities[e].type == .organization { found.insert(e) }
        }
        // ("EU foreign policy chief Kaja Kallas … the bloc": the body of a title.)
        for m in recentMentions(before: s, list: list) where m.kind == .titled {
            if let e = m.titleOf, entities[e].type == .organization { found.insert(e) }
        }
        return found.count == 1 ? found.first : nil
    }

    /// The country of the state mentions ending in `noun` ("Egypt's foreign ministry" for
    /// "ministry") in this sentence so far or the three before, when only one country was named so.
    func stateNamedEarlier(with noun: String, before s: Int, list: [Mention]) -> Int? {
        var found = Set<Int>()
        for m in recentMentions(before: s, list: list) where m.kind == .state && m.entities.count == 1 && !m.target && entities[m.entities[0]].type == .country {
            var last = m.range.upperBound - 1
            if m.possessive, last > m.range.lowerBound { last -= 1 }
            if tokens[last].lower == noun { found.insert(m.entities[0]) }
        }
        return found.count == 1 ? found.first : nil
    }

    /// "NAME, Moldova's foreign minister", "NAME, the Romanian ambassador", "NAME, the foreign
    /// minister of Romania": two to four capitalized words that no list knows, a comma, and a
    /// title of a country or organization the text names. The person is new; the title gives
    /// their country and, for a leader's title, `leaderOf`. The mention covers the apposition,
    /// so the title is not read again as somebody else.
    func nameWithAppositiveTitle(at i: Int, limit: Int) -> Mention? {
        let j = unknownNameEnd(from: i, limit: limit, words: 4)
        guard j - i >= 2, j + 2 < limit, tokens[j].norm == "," else { return nil }
        var k = j + 1
        var of: Int? = nil
        if tokens[k].lower == "the" || tokens[k].lower == "a" { k += 1 }
        if let sf = surface(at: k, limit: limit) {
            let e = knowledge.entries[sf.entity].entity
            let end = k + sf.tokens.count
            if sf.kind == .demonym {
                of = local(entry: sf.entity)
                k = end
            } else if sf.kind == .name, e.type == .country || e.type == .organization, end < limit,
                      tokens[end].norm == "'s" || tokens[end].norm == "'" {
                of = local(entry: sf.entity)
                k = end + 1
            }
        }
        if k < limit, tokens[k].is(.officeAdjective) { k += 1 }
        guard let (count, title) = title(at: k, limit: limit) else { return nil }
        var end = k + count
        if of == nil, end + 1 < limit, tokens[end].lower == "of" {
            var n = end + 1
            if tokens[n].is(.determiner) { n += 1 }
            if let sf = surface(at: n, limit: limit), sf.kind == .name {
                let e = knowledge.entries[sf.entity].entity
                if e.type == .country || e.type == .organization {
                    of = local(entry: sf.entity)
                    end = n + sf.tokens.count
                }
            }
        }
        guard let of, let name = personName(at: i, limit: j), name.end == j else { return nil }
        let person = name.entity
        roles[person, default: []].formUnion(title.phrase.lowercased().split(separator: " ").map(String.init))
        if entities[person].country == nil {
            entities[person].country = entities[of].type == .country ? entities[of].key : entities[of].country
        }
        var m = Mention(range: i..<end, entities: [person], kind: .titled,
                        note: trace ? "\(name.note), apposition '\(span(j + 1..<end))'" : "")
        m.leaderOf = leaderTarget(person: person, title: title, textual: of, former: false)
        return m
    }

    /// Two or three capitalized words that no list knows, with the signal of a person: a
    /// reporting verb right after them ("Dan Voicu said", "Ana Cebotari told reporters") or
    /// "according to" before them. Organizations and places do speak too, so a run with an
    /// organization's head word, a gazetteer name, a title, a month or a function word is none.
    func speakingName(at i: Int, range: Range<Int>) -> Mention? {
        let limit = range.upperBound
        let j = unknownNameEnd(from: i, limit: limit, words: 3, excluding: [.organizationHead, .stateNounStart, .personNounStart])
        guard j - i >= 2 else { return nil }
        // "The Global Times said": after a determiner it is a thing's name.
        if i > range.lowerBound, tokens[i - 1].is(.determiner) { return nil }
        // The run must be the whole name: no capitalized word right after it.
        if j < limit, isCapitalizedWord(tokens[j]) { return nil }
        let speaks = j < limit && tokens[j].is(.reporting)
        let quoted = i >= range.lowerBound + 2 && tokens[i - 2].lower == "according" && tokens[i - 1].lower == "to"
        guard speaks || quoted else { return nil }
        guard let name = personName(at: i, limit: j), name.end == j else { return nil }
        return possessive(Mention(range: i..<j, entities: [name.entity], kind: .titled,
                                  note: trace ? "\(name.note), a speaker" : ""), limit: limit)
    }

    /// The end of a compound of target or craft nouns that goes on at `k` ("Chinese steel
    /// imports", "a Panama-flagged oil tanker": the compound ends in its last noun).
    func targetCompoundEnd(_ k: Int, limit: Int) -> Int {
        var last = k
        while let more = longest(knowledge.targetNouns, at: last, limit: limit) ?? longest(knowledge.territoryNouns, at: last, limit: limit) { last += more.count }
        return last
    }

    /// State `e` named from `i` to `end` as the target that owns the craft or firm after it:
    /// "-flagged oil tanker", "-owned bank" (a hyphen, a `cues.tsv` flag-participle, at most one
    /// modifier word, and a craft, `territory-noun`, or a `target-noun`). Nil when the words are not there.
    func flagState(_ e: Int, from i: Int, after end: Int, limit: Int) -> Mention? {
        guard end + 2 < limit, tokens[end].norm == "-", !tokens[end].spaceBefore, !tokens[end + 1].spaceBefore,
              knowledge.flagParticiples.contains(tokens[end + 1].lower) else { return nil }
        var k = end + 2
        for _ in 0..<2 where k < limit {
            if let noun = longest(knowledge.targetNouns, at: k, limit: limit) ?? longest(knowledge.territoryNouns, at: k, limit: limit) {
                let stop = targetCompoundEnd(k + noun.count, limit: limit)
                var m = Mention(range: i..<stop, entities: [e], kind: .state, note: trace ? "'\(span(i..<stop))' (flag state)" : "")
                m.target = true
                return m
            }
            guard tokens[k].isWord, !tokens[k].isCapitalized, !tokens[k].is([.preposition, .determiner]) else { return nil }
            k += 1
        }
        return nil
    }

    /// Two or three capitalized words that no list knows opening sentence `s`, followed by a
    /// lower-case word (its verb), with a person's pronoun ("he", "his", "she", "her") later in
    /// the sentence or opening the next one: a person.
    func pronounTakenUpName(at i: Int, sentence s: Int, range: Range<Int>) -> Mention? {
        let limit = range.upperBound
        let j = unknownNameEnd(from: i, limit: limit, words: 3, excluding: [.organizationHead, .stateNounStart, .personNounStart])
        guard j - i >= 2, j < limit, tokens[j].isWord, !tokens[j].isCapitalized, !tokens[j].is([.preposition, .determiner]) else { return nil }
        let next = s + 1 < sentences.count ? sentences[s + 1].lowerBound : nil
        guard (j..<limit).contains(where: { tokens[$0].is(.personPronoun) }) || next.map({ tokens[$0].is(.personPronoun) }) == true,
              let name = personName(at: i, limit: j), name.end == j else { return nil }
        return possessive(Mention(range: i..<j, entities: [name.entity], kind: .titled,
                                  note: trace ? "\(name.note), taken up by a person's pronoun" : ""), limit: limit)
    }

    /// Two or three capitalized words that no list knows, the first a given name
    /// (`given-names.tsv`): "Dan Voicu", "Ana Maria Rusu". Not after a determiner ("the John
    /// Deere plant"), and not part of a longer capitalized run, which may be anything's name.
    func givenNamePerson(at i: Int, range: Range<Int>) -> Mention? {
        let limit = range.upperBound
        let j = unknownNameEnd(from: i, limit: limit, words: 3, excluding: [.organizationHead, .stateNounStart, .personNounStart])
        guard j - i >= 2, !(j < limit && isCapitalizedWord(tokens[j])) else { return nil }
        if i > range.lowerBound, tokens[i - 1].is(.determiner) { return nil }
        guard let name = personName(at: i, limit: j), name.end == j else { return nil }
        return possessive(Mention(range: i..<j, entities: [name.entity], kind: .titled,
                                  note: trace ? "\(name.note), given name '\(tokens[i].text)'" : ""), limit: limit)
    }

    /// A run of two to six capitalized words (with "of", "for", "and" inside) that ends in an
    /// organization's head word (`cues.tsv` `organization-head`: Initiative, Movement, Front,
    /// Council, …) and that no list knows as a whole: a new Organization. A country named inside
    /// it is its country ("the Sudan Liberation Movement"). A run starting with a demonym or a
    /// title, or that is a state noun ("Foreign Ministry"), is left to the other rules.
    func unlistedOrganization(at i: Int, limit: Int) -> Mention? {
        guard !Self.notNames.contains(tokens[i].text), !tokens[i].is([.titleStart, .weekday, .determiner, .preposition]),
              DateFinder.month(tokens[i]) == nil else { return nil }
        var j = i, lastHead = -1
        while j < limit, j - i < 6 {
            let w = tokens[j]
            if isCapitalizedWord(w) {
                if w.is(.organizationHead) { lastHead = j }
                j += 1
            } else if ["of", "for", "and", "on"].contains(w.lower), j + 1 < limit, isCapitalizedWord(tokens[j + 1]), j > i {
                j += 1
            } else {
                break
            }
        }
        // "the Victory bloc": a lower-case head after "the" and a run with no known name in it
        // (not an adjective of a people: "the Kurdish militia" is a description, not a name).
        let adjectival = j == i + 1 && ["ish", "ian", "ean", "ese", "ic", "ist", "an", "i"].contains(where: { tokens[i].lower.hasSuffix($0) })
        if lastHead < 0, j > i, j < limit, i > 0, tokens[i - 1].lower == "the", knowledge.lowerCaseOrganizationHeads.contains(tokens[j].lower),
           !adjectival, (i..<j).allSatisfy({ surface(at: $0, limit: j) == nil }) {
            lastHead = j
        }
        guard lastHead >= i, lastHead > i || !isCapitalizedWord(tokens[lastHead]) else { return nil }
        let end = lastHead + 1
        // A longer or equal gazetteer name wins; a demonym start is a state ("Russian Armed Forces").
        if let sf = surface(at: i, limit: limit), sf.tokens.count >= end - i || sf.kind == .demonym { return nil }
        var country: String? = nil
        var k = i
        while k < end {
            if let sf = surface(at: k, limit: end) {
                let e = knowledge.entries[sf.entity].entity
                if e.type == .country, country == nil { country = e.key }
                // "Russia Foreign Ministry": a country and a state noun is the state.
                if e.type == .country, k == i, longest(knowledge.stateNouns, at: k + sf.tokens.count, limit: end)?.count == end - k - sf.tokens.count { return nil }
                k += sf.tokens.count
            } else {
                k += 1
            }
        }
        if longest(knowledge.stateNouns, at: i, limit: end)?.count == end - i { return nil }
        // "Egypt's Central Bank", "the Kenyan Supreme Court": a country's own body, one node per country.
        // (A demonym's entry is its country.)
        let afterPossessive = i >= 2 && (tokens[i - 1].norm == "'s" || tokens[i - 1].norm == "'")
        if country == nil, let sf = surfaceEnding(at: afterPossessive ? i - 1 : i), knowledge.entries[sf].entity.type == .country {
            country = knowledge.entries[sf].entity.key
        }
        let name = span(i..<end)
        var entity = Entity(key: Self.slug((country.map { $0 + " " } ?? "") + name), label: name, type: .organization)
        entity.country = country
        let e = entityIndex[entity.key] ?? local(entity)
        return possessive(Mention(range: i..<end, entities: [e], kind: .name,
                                  note: trace ? "organization '\(name)' (head '\(tokens[lastHead].text)')" : ""), limit: limit)
    }

    /// The end of a run of at most `words` capitalized words that no list knows as anything (no
    /// gazetteer surface, title, month, weekday, function word, trigger or `excluding` class):
    /// the candidate name starting at `i`.
    func unknownNameEnd(from i: Int, limit: Int, words: Int, excluding: WordClass = []) -> Int {
        var j = i, count = 0
        while j < limit, count < words, isCapitalizedWord(tokens[j]), !Self.notNames.contains(tokens[j].text),
              surface(at: j, limit: limit) == nil, title(at: j, limit: limit) == nil, DateFinder.month(tokens[j]) == nil,
              !tokens[j].is([.weekday, .preposition, .determiner, .verbTrigger]), !tokens[j].is(excluding) {
            j += 1
            count += 1
            // "Lindqvist-Hale": a capitalized part after a hyphen, written closed up, is the same word.
            if j + 1 < limit, tokens[j].norm == "-", !tokens[j].spaceBefore, !tokens[j + 1].spaceBefore, isCapitalizedWord(tokens[j + 1]) {
                j += 2
            }
        }
        return j
    }

    /// The gazetteer entry whose surface ends right before token `end` (within three words), if any.
    func surfaceEnding(at end: Int) -> Int? {
        for start in stride(from: end - 1, through: max(0, end - 3), by: -1) {
            if let sf = surface(at: start, limit: end), start + sf.tokens.count == end { return sf.entity }
        }
        return nil
    }

    /// Marks a mention followed by "'s" as possessive and takes the "'s" in.
    func possessive(_ m: Mention, limit: Int) -> Mention {
        var m = m
        if m.range.upperBound < limit, tokens[m.range.upperBound].norm == "'s" || tokens[m.range.upperBound].norm == "'" {
            m.possessive = true
            m.range = m.range.lowerBound..<m.range.upperBound + 1
        }
        return m
    }

    /// The keys of the states and bodies person `p` leads: by a leader's title in the text so
    /// far, or by the gazetteer's offices on the document date. Nil when `p` leads nothing kg
    /// knows of.
    func statesLed(by p: Int) -> Set<String>? {
        var led = Set((leaders[p] ?? []).map { entities[$0].key })
        for o in knowledge.offices(of: entities[p].key, on: date) where knowledge.leaderRoles.contains(o.role) { led.insert(o.of) }
        return led.isEmpty ? nil : led
    }

    /// A description of a person at `j` (after "the", a possessive or a demonym): a title or a
    /// person noun, with an optional apposed name or "of X".
    func description(at j: Int, demonym: Int?, start: Int, limit: Int, history: [HistoryItem], possessorOnly: Bool = false,
                     counterpartOf: Int? = nil) -> Mention? {
        var j = j
        let sfEnd: Int
        if let sf = surface(at: j, limit: limit), sf.kind == .demonym { sfEnd = j + sf.tokens.count } else { sfEnd = j }
        j = sfEnd
        // "Britain's new prime minister", "the acting president": the office is the same.
        if j + 1 < limit, tokens[j].is(.officeAdjective) { j += 1 }
        var title: Title? = nil
        var headCount = 0
        if j < limit, let t = self.title(at: j, limit: limit) {
            title = t.title
            headCount = t.count
        } else if let noun = longest(knowledge.personNouns, at: j, limit: limit) {
            headCount = noun.count
        }
        guard headCount > 0 else { return nil }
        let head = tokens[j + headCount - 1].lower
        var end = j + headCount
        var of = demonym
        let former = start > 0 && (tokens[start].lower == "former" || tokens[start - 1].lower == "former")
        // "Kenyan President Kenyatta": the title with a name right after it.
        // After a possessor or demonym the title may be lower case: "North Korea's leader Kim Jong Un".
        if let title, tokens[j].isCapitalized || demonym != nil, let name = personName(at: end, limit: limit) {
            roles[name.entity, default: []].formUnion(title.phrase.lowercased().split(separator: " ").map(String.init))
            if entities[name.entity].country == nil, let of, entities[of].type == .country { entities[name.entity].country = entities[of].key }
            var m = Mention(range: start..<name.end, entities: [name.entity], kind: .titled,
                            note: trace ? "title '\(span(start..<end))' + \(name.note)" : "")
            m.leaderOf = leaderTarget(person: name.entity, title: title, textual: of, former: former)
            return possessive(m, limit: limit)
        }
        if former { return nil }
        // "the President of the United States", "the head of the Nile Basin Initiative" (an
        // organization no list knows); "the secretary-general of the Nile Basin Initiative" names
        // its own body, never the title's default one.
        var namedBody = false
        if end + 1 < limit, tokens[end].lower == "of" {
            var k = end + 1
            if tokens[k].is(.determiner) { k += 1 }
            namedBody = k < limit && isCapitalizedWord(tokens[k])
            if k < limit, let sf = surface(at: k, limit: limit), sf.kind == .name {
                of = local(entry: sf.entity)
                end = k + sf.tokens.count
            } else if namedBody, let org = unlistedOrganization(at: k, limit: limit), !org.possessive {
                of = org.entities[0]
                end = org.range.upperBound
            }
        }
        // Apposition: ", Vladimir Putin", or a name right after a person noun ("his counterpart Sergei Lavrov").
        let nameStart = end < limit && tokens[end].norm == "," ? end + 1 : end
        if nameStart < limit, nameStart == end + 1 || title == nil, let name = personName(at: nameStart, limit: limit) {
            let person = name.entity
            roles[person, default: []].insert(head)
            var m = Mention(range: start..<name.end, entities: [person], kind: .titled,
                            note: trace ? "apposition '\(span(start..<end))', \(name.note)" : "")
            if let title {
                m.leaderOf = leaderTarget(person: person, title: title, textual: of, former: false)
            } else if head == "counterpart" || head == "leader" {
                // A counterpart of a leader is the leader of the country the demonym names: the
                // gazetteer says so of the named person, or the possessor leads a country of its
                // own ("Kenyan President NAME and his Ugandan counterpart, NAME": the second leads
                // Uganda; a minister's counterpart is a minister, no leader).
                let offices = knowledge.offices(of: entities[person].key, on: date)
                if let of, let o = offices.first(where: { entities[of].key == $0.of && knowledge.leaderRoles.contains($0.role) }) {
                    m.leaderOf = local(key: o.of)
                } else if head == "counterpart", offices.isEmpty, let of, entities[of].type == .country, let p = counterpartOf, p != person,
                          let led = statesLed(by: p), !led.contains(entities[of].key) {
                    m.leaderOf = of
                }
            }
            return possessive(m, limit: limit)
        }
        guard !possessorOnly || title != nil || head == "counterpart" else { return nil }
        // A bare description: the most recent person with that role (and country), or the
        // gazetteer's office holder on the document date.
        let country = of.map { entities[$0].type == .country ? entities[$0].key : entities[$0].country }
        // "his Saudi counterpart": who holds the possessor's office in that country on the date.
        if head == "counterpart", let p = counterpartOf, let country = country ?? nil {
            for role in Set(knowledge.offices(of: entities[p].key, on: date).map(\.role)).sorted() {
                let holders = knowledge.holder(role: role, of: country, on: date)
                if holders.count == 1, let h = local(key: holders[0]), h != p {
                    roles[h, default: []].insert(head)
                    return possessive(Mention(range: start..<end, entities: [h], kind: .description,
                                              note: trace ? "'\(span(start..<end))' → \(entities[h].label) (\(role) of \(country))" : ""), limit: limit)
                }
            }
        }
        // The most recent people only: a description refers back a few paragraphs at most.
        for h in history.suffix(400).reversed() where entities[h.entity].type == .person {
            let e = entities[h.entity]
            let roleOK = roles[h.entity]?.contains(head) == true || (head == "counterpart" && roles[h.entity] != nil)
            let countryOK = country == nil || e.country == country!
            if roleOK && countryOK && !(possessorOnly && of == h.entity) {
                return possessive(Mention(range: start..<end, entities: [h.entity], kind: .description,
                                          note: trace ? "'\(span(start..<end))' → \(e.label) (mentioned earlier)" : ""), limit: limit)
            }
        }
        if let title, of != nil || !namedBody {
            let target = of.map { entities[$0].key } ?? title.defaultOf
            let holders = knowledge.holder(role: title.role, of: target, on: date)
            if holders.count == 1, target != nil, let p = local(key: holders[0]) {
                roles[p, default: []].insert(head)
                var m = Mention(range: start..<end, entities: [p], kind: .description,
                                note: trace ? "'\(span(start..<end))' → \(entities[p].label) (office holder\(date.map { " on \($0)" } ?? ""))" : "")
                if of != nil, title.leader { m.leaderOf = local(key: target!) }
                return possessive(m, limit: limit)
            }
        } else if let of, entities[of].type == .country, ["president", "leader", "prime minister", "premier"].contains(head) {
            for role in ["president", "prime minister"] {
                let holders = knowledge.holder(role: role, of: entities[of].key, on: date)
                if holders.count == 1, let p = local(key: holders[0]) {
                    return possessive(Mention(range: start..<end, entities: [p], kind: .description,
                                              note: trace ? "'\(span(start..<end))' → \(entities[p].label) (office holder)" : ""), limit: limit)
                }
            }
        }
        return nil
    }

    /// Resolves he/she/it and their possessives to the most recent fitting entity.
    func resolvePronoun(_ word: String, at i: Int, sentence s: Int, history: [HistoryItem]) -> [Int] {
        let person = Self.personPronouns.contains(word)
        let thing = Self.thingPronouns.contains(word)
        guard person || thing else { return [] }
        // An object pronoun is not the subject of its own clause: "Macron called Putin to urge
        // him" is Putin, the latest object in the sentence, when there is one.
        // Nor is it the subject of its own clause, the latest subject before it: "Xi met him".
        var ownSubject: Int? = nil
        if word == "him" {
            for h in history.reversed() {
                if h.sentence != s { break }
                if h.oblique, entities[h.entity].type == .person { return [h.entity] }
            }
            ownSubject = history.reversed().prefix(while: { $0.sentence == s })
                .first(where: { !$0.oblique && entities[$0.entity].type == .person })?.token
        }
        // "cut ties with Morocco, accusing it of", "after Buenos Aires criticized it": "it" as a
        // verb's object (a verb form before it, a preposition or punctuation after it) is not the
        // subject of its own clause, so not the latest subject before it in its sentence; the
        // latest other state or organization of the sentence is.
        if word == "it", isObliqueIt(at: i, sentence: s) {
            let here = history.reversed().prefix(while: { $0.sentence == s }).filter { $0.token < i }
            let subject = here.first(where: { !$0.oblique })?.entity
            if let subject, let h = here.first(where: { h in
                h.entity != subject && (entities[h.entity].type == .country || entities[h.entity].type == .organization)
            }) {
                return [h.entity]
            }
        }
        // "We urge the Philippines to stop its provocations": with no subject in its sentence, a
        // possessive "its" is the object before it rather than an earlier sentence's subject.
        if word == "its" {
            // (Only this sentence's items: the history is in text order, so they are at its end.)
            let here = history.reversed().prefix(while: { $0.sentence == s })
            if !here.contains(where: { !$0.oblique }),
               let h = here.first(where: { entities[$0.entity].type == .country || entities[$0.entity].type == .organization }) {
                return [h.entity]
            }
        }
        // "praised Somalia for its efforts", "thanked Modi for his support": a possessive after
        // "for" belongs to the object just before it.
        if ["its", "his", "her"].contains(word), i - 1 > sentences[s].lowerBound, tokens[i - 1].lower == "for",
           let h = history.reversed().prefix(while: { $0.sentence == s }).first(where: { $0.oblique && $0.token < i - 1 }) {
            let type = entities[h.entity].type
            if (person && type == .person) || (thing && (type == .country || type == .organization)) { return [h.entity] }
        }
        // "Moldova's foreign minister met his Romanian counterpart": a person described earlier
        // in the sentence whom no list knows is the nearest antecedent; it is nobody kg can name,
        // so the pronoun stays unresolved rather than going to an earlier sentence's person.
        if person, !history.reversed().prefix(while: { $0.sentence == s }).contains(where: { entities[$0.entity].type == .person }),
           sentences[s].lowerBound < i,
           (sentences[s].lowerBound..<i).contains(where: { tokens[$0].is([.titleStart, .personNounStart]) }) {
            return []
        }
        // Subjects of this or the previous sentence first, then anything recent.
        for h in history.reversed() {
            if s - h.sentence > 1 { break }
            guard !h.oblique, h.token != ownSubject || h.sentence != s else { continue }
            let type = entities[h.entity].type
            if person && type == .person { return [h.entity] }
            if thing && (type == .country || type == .organization) { return [h.entity] }
        }
        for h in history.reversed() {
            if s - h.sentence > 3 { break }
            if h.sentence == s, h.token == ownSubject { continue }
            let type = entities[h.entity].type
            if person && type == .person { return [h.entity] }
            if thing && (type == .country || type == .organization) { return [h.entity] }
        }
        return []
    }

    /// Resolves "we"/"our": inside a quotation to its speaker, elsewhere to the issuer of the
    /// statement ("We, the Leaders of the G7", a title's "X Statement", the actor that opens
    /// most sentences).
    func resolveFirstPerson() {
        findIssuer()
        for s in mentions.indices {
            for k in mentions[s].indices where mentions[s][k].kind == .firstPerson {
                let i = mentions[s][k].range.lowerBound
                if quoted[i] {
                    let speakers = speaker(ofQuoteAt: i, sentence: s)
                    if !speakers.isEmpty {
                        mentions[s][k].entities = speakers
                        if trace { mentions[s][k].note += " → \(speakers.map { entities[$0].label }.joined(separator: ", ")) (speaker)" }
                    }
                } else if let speakers = speaker(beforeColonAt: i, sentence: s) {
                    // "the foreign ministers of A, B and C said: We condemn …": a quotation without marks.
                    mentions[s][k].entities = speakers
                    if trace { mentions[s][k].note += " → \(speakers.map { entities[$0].label }.joined(separator: ", ")) (speaker before ':')" }
                } else if let issuer {
                    let group = issuerGroup.count > 1 ? issuerGroup : [issuer]
                    mentions[s][k].entities = group
                    if trace { mentions[s][k].note += " → \(group.map { entities[$0].label }.joined(separator: ", ")) (\(issuerNote))" }
                }
            }
        }
    }

    func findIssuer() {
        // "We, the Leaders of the G7"
        for (s, list) in mentions.enumerated() {
            for (k, m) in list.enumerated() where m.kind == .firstPerson && k + 1 < list.count {
                let next = list[k + 1]
                if tokens[m.range.upperBound].norm == ",", next.range.lowerBound - m.range.upperBound <= 2, let e = next.entities.first {
                    issuer = e
                    // "We, the Foreign Ministers of Australia, Japan and the United States": all of them.
                    let group = coordinatedEntities(k + 1, in: list)
                    if group.count > 1 { issuerGroup = group }
                    issuerNote = "'\(span(sentences[s].lowerBound..<next.range.upperBound))'"
                    return
                }
            }
        }
        // The title: "G7 Leaders' Statement on ..."
        if let first = mentions.first, let range = sentences.first {
            let words = Set(tokens[range].map(\.lower))
            if !words.isDisjoint(with: ["statement", "declaration", "communique", "communiqué", "remarks", "readout"]),
               // (A title whose first actor stands for nobody, "the Spokesperson for the Secretary-General
               // on Sudan", names no issuer: not the topic after it.)
               let k = first.firstIndex(where: { $0.kind != .demonym }), first[k].entities.count == 1,
               entities[first[k].entities[0]].type != .person {
                issuer = first[k].entities[0]
                // "Joint Statement by the Foreign Ministers of Egypt, Jordan and Qatar": all of them.
                let group = coordinatedEntities(k, in: first)
                if group.count > 1 { issuerGroup = group }
                issuerNote = "the title"
                return
            }
        }
        // The actor that opens the most sentences.
        var counts: [Int: Int] = [:]
        var order: [Int] = []
        for (s, list) in mentions.enumerated() {
            guard let m = list.first, let e = m.entities.first, m.entities.count == 1 else { continue }
            var start = sentences[s].lowerBound
            // A transcript's speaker label ("A: China firmly opposes ...") does not open the sentence.
            // A journalist's question ("Q: ...") speaks for nobody.
            if start + 2 < sentences[s].upperBound, tokens[start + 1].norm == ":", tokens[start].isWord {
                if tokens[start].lower == "q" || tokens[start].lower == "question" { continue }
                start += 2
            }
            if tokens[start].lower == "the" { start += 1 }
            guard m.range.lowerBound <= start, [.name, .seat].contains(m.kind), !quoted[m.range.lowerBound] else { continue }
            let type = entities[e].type
            guard type == .country || type == .organization else { continue }
            if counts[e] == nil { order.append(e) }
            counts[e, default: 0] += 1
        }
        if let best = order.max(by: { (counts[$0]!, -order.firstIndex(of: $0)!) < (counts[$1]!, -order.firstIndex(of: $1)!) }) {
            issuer = best
            issuerNote = "opens \(counts[best]!) sentence(s)"
        }
    }

    /// The speaker of a quotation: "…," said X / X said: "…"; all of a coordinated group ("A, B
    /// and C said: \"…\"").
    func speaker(ofQuoteAt i: Int, sentence s: Int) -> [Int] {
        for t in [s, s + 1, s - 1] where t >= 0 && t < sentences.count {
            let range = sentences[t]
            for (k, m) in mentions[t].enumerated() where !quoted[m.range.lowerBound] && m.entities.count == 1 {
                let before = max(range.lowerBound, m.range.lowerBound - 2)..<m.range.lowerBound
                let after = m.range.upperBound..<min(range.upperBound, m.range.upperBound + 2)
                if tokens[before].contains(where: { $0.is(.reporting) })
                    || tokens[after].contains(where: { $0.is(.reporting) }) {
                    if entities[m.entities[0]].type != .group { return coordinatedEntities(k, in: mentions[t]) }
                }
            }
        }
        return []
    }

    /// The speakers of an unmarked quotation in the same sentence: "X said: we …" (a reporting
    /// word right before a colon that comes before `i`, and the actors right before that word).
    func speaker(beforeColonAt i: Int, sentence s: Int) -> [Int]? {
        let range = sentences[s]
        guard let colon = (range.lowerBound..<i).last(where: { tokens[$0].norm == ":" }), colon >= range.lowerBound + 2,
              tokens[colon - 1].is(.reporting) || tokens[colon - 2].is(.reporting) else { return nil }
        let verb = tokens[colon - 1].is(.reporting) ? colon - 1 : colon - 2
        // The verb's subject: the actors right before it (an adverb between at most), else the
        // actor that opens the sentence ("Netanyahu met Trump and said:", "Macron, next to
        // Zelensky, said:"). Never a place or a prepositional object.
        let list = mentions[s]
        var start = range.lowerBound
        if tokens[start].is(.determiner) { start += 1 }
        let k: Int
        if let near = list.lastIndex(where: { $0.range.upperBound <= verb && !$0.entities.isEmpty }),
           !list[near].locative, !list[near].possessive, !isOblique(list[near].range.lowerBound, range),
           tokens[list[near].range.upperBound..<verb].allSatisfy({ $0.isWord && $0.lower.hasSuffix("ly") }) {
            k = near
        } else if let opening = list.firstIndex(where: { !$0.entities.isEmpty }), list[opening].range.lowerBound <= start,
                  list[opening].range.upperBound <= verb, !list[opening].possessive, list[opening].kind != .demonym {
            k = opening
        } else {
            return nil
        }
        return coordinatedEntities(k, in: list)
    }

    /// The entities of mention `k` with those coordinated with it, each once.
    private func coordinatedEntities(_ k: Int, in list: [Mention]) -> [Int] {
        guard let g = coordinations(list).first(where: { $0.contains(k) }), g.count > 1 else { return list[k].entities }
        return entities(ofGroup: g, in: list)
    }

    /// The entities of the mentions `g` of `list`, each once, in order.
    private func entities(ofGroup g: [Int], in list: [Mention]) -> [Int] {
        var seen = Set<Int>()
        return g.flatMap { list[$0].entities }.filter { seen.insert($0).inserted }
    }
}

