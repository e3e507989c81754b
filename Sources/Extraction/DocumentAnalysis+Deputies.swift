/// Deputies: someone who acts for a person is not that person. "Putin's envoy met Zelensky" is no
/// meeting of Putin's; "an adviser to the president visited Kyiv" is no visit of the president's.
/// The deputy stands for what the person leads on the document's date, as its government (CAMEO
/// codes an envoy of the Russian president RUSGOV), and for nobody when the person holds no
/// office then (a former leader's spokesman), when the text gives nothing, or when the deputy is a
/// former one. A deputy named right after the noun ("Putin's special envoy Kirill Dmitriev"), in
/// apposition after it ("Putin's envoy, Kirill Dmitriev,") or before it ("Yuri Ushakov, an
/// adviser to Putin,") is that person. A relative
/// ("the sister of leader Kim Jong Un") stands for nobody.
extension DocumentAnalysis {
    /// `m` as found by `recognize`, or the deputy mention that takes its place: "PERSON's
    /// [modifier] NOUN [NAME]" after it, or "NOUN of/for/to PERSON" around it (the noun's own
    /// mention, "the envoy", is then taken out of `list`).
    func deputy(_ m: Mention, list: inout [Mention], range: Range<Int>) -> Mention {
        guard !m.entities.isEmpty, m.entities.allSatisfy({ entities[$0].type == .person }) else { return m }
        let limit = range.upperBound
        // "Putin's special envoy", "Trump's envoy Steve Witkoff", "Zelensky's chief of staff"
        if m.possessive {
            var j = m.range.upperBound
            var former = false
            // (A modifier that starts a deputy noun of its own, "chief of staff", is that noun.)
            while j < limit, j - m.range.upperBound < 2, tokens[j].is(.deputyModifier),
                  !(tokens[j].is(.deputyNounStart) && longest(knowledge.deputyNouns, at: j, limit: limit) != nil) {
                if tokens[j].lower == "former" { former = true }
                j += 1
            }
            // "Putin's daughter": a relative, for nobody.
            if j < limit, knowledge.kinNouns.contains(tokens[j].lower) {
                return standIn(for: m, range: m.range.lowerBound..<j + 1, former: true, limit: limit)
            }
            guard j < limit, tokens[j].is(.deputyNounStart), let noun = longest(knowledge.deputyNouns, at: j, limit: limit) else { return m }
            let end = j + noun.count
            if end < limit, tokens[end].isWord, tokens[end].isCapitalized, let name = personName(at: end, limit: limit),
               !m.entities.contains(name.entity) {
                if entities[name.entity].country == nil, !former, let c = principalState(m), entities[c].type == .country {
                    entities[name.entity].country = entities[c].key
                }
                return possessive(Mention(range: m.range.lowerBound..<name.end, entities: [name.entity], kind: .titled,
                                          note: trace ? "\(name.note), '\(span(m.range.lowerBound..<end))'" : ""), limit: limit)
            }
            if let named = apposed(before: m.range.lowerBound, range: range, list: list, to: m.range.lowerBound..<end) { return named }
            // "Putin's envoy, Kirill Dmitriev,", "the UN chief's envoy for Sudan, Ramtane Lamamra,":
            // a name in apposition after the noun (and its "for" phrase), closed by a comma.
            var k = end
            if k + 1 < limit, tokens[k].lower == "for", let sf = surface(at: k + 1, limit: limit) { k += 1 + sf.tokens.count }
            if k + 2 < limit, tokens[k].norm == ",", isCapitalizedWord(tokens[k + 1]),
               (k + 3..<max(k + 3, min(k + 7, limit))).contains(where: { tokens[$0].norm == "," }),
               let name = personName(at: k + 1, limit: limit), name.end < limit, tokens[name.end].norm == ",", !m.entities.contains(name.entity) {
                if entities[name.entity].country == nil, !former, let c = principalState(m), entities[c].type == .country {
                    entities[name.entity].country = entities[c].key
                }
                return Mention(range: m.range.lowerBound..<name.end, entities: [name.entity], kind: .titled,
                               note: trace ? "\(name.note), apposed to '\(span(m.range.lowerBound..<end))'" : "")
            }
            return standIn(for: m, range: m.range.lowerBound..<end, former: former, limit: limit)
        }
        // "an envoy of the Chinese president", "an adviser to Zelensky", "a spokesman for Macron"
        // (A lower-case title may stand between: "the sister of leader Kim Jong Un".)
        var start = m.range.lowerBound
        while start - 1 > range.lowerBound, start > m.range.lowerBound - 2, tokens[start - 1].isWord, !tokens[start - 1].isCapitalized,
              tokens[start - 1].is([.titleStart, .personNounStart]) {
            start -= 1
        }
        guard start - 2 >= range.lowerBound, ["of", "for", "to"].contains(tokens[start - 1].lower) else { return m }
        let marker = tokens[start - 1].lower
        let nounEnd = start - 1
        // The noun before the marker: a relative ("the sister of leader Kim Jong Un"), for nobody,
        // or a deputy's noun.
        var nounStart: Int? = nil
        let kin = marker == "of" && knowledge.kinNouns.contains(tokens[nounEnd - 1].lower)
        if kin {
            nounStart = nounEnd - 1
        } else {
            for k in stride(from: nounEnd - 1, through: max(range.lowerBound, nounEnd - 3), by: -1) where tokens[k].is(.deputyNounStart) {
                guard let noun = longest(knowledge.deputyNouns, at: k, limit: nounEnd), noun.count == nounEnd - k else { continue }
                // "sent an envoy to Putin": "to" is where the envoy goes, except after an adviser or aide.
                if marker == "to", !knowledge.deputiesTo.contains(noun.joined(separator: " ")) { return m }
                nounStart = k
                break
            }
        }
        guard let k = nounStart else { return m }
        // The noun's own mention ("the envoy") gives way.
        var from = k
        if let last = list.last, last.range.upperBound > k {
            from = min(from, last.range.lowerBound)
            list.removeLast()
        }
        if !kin, let named = apposed(before: from, range: range, list: list, to: from..<m.range.upperBound) { return named }
        let former = kin || from > range.lowerBound && tokens[from - 1].lower == "former" || (from..<k).contains { tokens[$0].lower == "former" }
        var d = standIn(for: m, range: from..<m.range.upperBound, former: former, limit: limit)
        d.possessive = m.possessive
        return d
    }

    /// What the principal leads or serves on the document's date: a leader title the text gives
    /// them, else an office of the gazetteer held on the date (with no date, one still held); a
    /// person the gazetteer does not know acts for the country the text gave them. Nil for a
    /// listed person with no office then.
    private func principalState(_ principal: Mention) -> Int? {
        guard principal.entities.count == 1 else { return nil }
        let p = principal.entities[0]
        if let of = principal.leaderOf { return of }
        let key = entities[p].key
        if let offices = knowledge.officesByPerson[key] {
            // (With no date known, the office still held.)
            let held = date.map { d in offices.first { $0.held(on: d) } } ?? offices.first { $0.end == nil }
            return held.flatMap { local(key: $0.of) }
        }
        if knowledge.entryByKey[key] != nil { return nil }
        return entities[p].country.flatMap { local(key: $0) }
    }

    /// "Yuri Ushakov, an adviser to Putin,": the deputy phrase apposed to a person's name is that
    /// person (the mention right before ", [a|an|the]" `from`), as a mention over `covering`.
    private func apposed(before from: Int, range: Range<Int>, list: [Mention], to covering: Range<Int>) -> Mention? {
        var p = from - 1
        if p > range.lowerBound, tokens[p].is(.determiner) { p -= 1 }
        guard p > range.lowerBound, tokens[p].norm == "," else { return nil }
        if let name = list.last(where: { $0.range.upperBound == p }) {
            guard !name.entities.isEmpty, name.entities.allSatisfy({ entities[$0].type == .person }), !name.possessive else { return nil }
            return Mention(range: covering, entities: name.entities, kind: .titled,
                           note: trace ? "'\(span(covering))' apposed to \(name.entities.map { entities[$0].label }.joined(separator: ", "))" : "")
        }
        // Two to four capitalized words no list knows, opening the sentence or after a
        // non-capitalized word: a new person ("Lev Orlov, an adviser to Putin,"). A sentence's
        // capitalized first word before two more is no part of it ("Yesterday Lev Orlov, …").
        for s in max(range.lowerBound, p - 4)...max(range.lowerBound, p - 2) where unknownNameEnd(from: s, limit: p, words: 4) == p {
            if s == range.lowerBound, p - s >= 3 { continue }
            guard s == range.lowerBound || !(tokens[s - 1].isWord && tokens[s - 1].isCapitalized),
                  !list.contains(where: { $0.range.upperBound > s }), let name = personName(at: s, limit: p), name.end == p else { return nil }
            return Mention(range: s..<covering.upperBound, entities: [name.entity], kind: .titled,
                           note: trace ? "\(name.note), apposition '\(span(covering))'" : "")
        }
        return nil
    }

    /// The deputy as its principal's government, or as nobody (`former`: a former deputy or a
    /// relative). A leader title of the principal's stays with the principal.
    private func standIn(for principal: Mention, range: Range<Int>, former: Bool, limit: Int) -> Mention {
        let people = principal.entities
        let state = former ? nil : principalState(principal)
        let note = trace ? "deputy '\(span(range))' → \(state.map { entities[$0].label } ?? "nobody") (not \(people.map { entities[$0].label }.joined(separator: ", ")))" : ""
        var m = Mention(range: range, entities: state.map { [$0] } ?? [], kind: .state, role: state == nil ? nil : "GOV", note: note)
        if let of = principal.leaderOf, people.count == 1 {
            m.leaderOf = of
            m.titledPerson = people[0]
        }
        return possessive(m, limit: limit)
    }
}
