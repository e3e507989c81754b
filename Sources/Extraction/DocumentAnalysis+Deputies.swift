/// Deputies: someone who acts for a person is not that person. "Putin's envoy met Zelensky" is no
/// meeting of Putin's; "an adviser to the president visited Kyiv" is no visit of the president's.
/// The deputy stands for the person's country, as its government (CAMEO codes an envoy of the
/// Russian president RUSGOV), and for nobody when the text gives no country or the deputy is a
/// former one. A deputy named right after the noun ("Putin's special envoy Kirill Dmitriev") is
/// that person, who acts for the same country. A relative ("the sister of leader Kim Jong Un")
/// stands for nobody.
extension DocumentAnalysis {
    /// `m` as found by `recognize`, or the deputy mention that takes its place: "PERSON's
    /// [modifier] NOUN [NAME]" after it, or "NOUN of/for/to PERSON" around it (the noun's own
    /// mention, "the envoy", is then taken out of `list`).
    func deputy(_ m: Mention, list: inout [Mention], range: Range<Int>) -> Mention {
        guard !m.entities.isEmpty, m.entities.allSatisfy({ entities[$0].type == .person }) else { return m }
        let limit = range.upperBound
        // "Putin's special envoy", "Trump's envoy Steve Witkoff"
        if m.possessive {
            var j = m.range.upperBound
            var former = false
            while j < limit, j - m.range.upperBound < 2, tokens[j].is(.deputyModifier) {
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
                if entities[name.entity].country == nil, !former, let c = country(of: m.entities) { entities[name.entity].country = entities[c].key }
                return possessive(Mention(range: m.range.lowerBound..<name.end, entities: [name.entity], kind: .titled,
                                          note: trace ? "\(name.note), '\(span(m.range.lowerBound..<end))'" : ""), limit: limit)
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
        let nounEnd = start - 1
        // "the sister of leader Kim Jong Un": a relative, for nobody.
        if tokens[start - 1].lower == "of", knowledge.kinNouns.contains(tokens[nounEnd - 1].lower) {
            var from = nounEnd - 1
            if let last = list.last, last.range.upperBound > from {
                from = min(from, last.range.lowerBound)
                list.removeLast()
            }
            var d = standIn(for: m, range: from..<m.range.upperBound, former: true, limit: limit)
            d.possessive = m.possessive
            return d
        }
        for k in stride(from: nounEnd - 1, through: max(range.lowerBound, nounEnd - 3), by: -1) where tokens[k].is(.deputyNounStart) {
            guard longest(knowledge.deputyNouns, at: k, limit: nounEnd)?.count == nounEnd - k else { continue }
            var from = k
            if let last = list.last, last.range.upperBound > k {
                from = min(from, last.range.lowerBound)
                list.removeLast()
            }
            let former = from > range.lowerBound && tokens[from - 1].lower == "former" || (from..<k).contains { tokens[$0].lower == "former" }
            var d = standIn(for: m, range: from..<m.range.upperBound, former: former, limit: limit)
            d.possessive = m.possessive
            return d
        }
        return m
    }

    /// The country the people act for, when they all act for the same one.
    private func country(of people: [Int]) -> Int? {
        let countries = Set(people.compactMap { entities[$0].country })
        guard countries.count == 1, people.allSatisfy({ entities[$0].country != nil }) else { return nil }
        return local(key: countries.first!)
    }

    /// The deputy as its principal's government, or as nobody (`former`: a former deputy or a relative). A leader title of the principal's
    /// stays with the principal.
    private func standIn(for principal: Mention, range: Range<Int>, former: Bool, limit: Int) -> Mention {
        let people = principal.entities
        let state = former ? nil : country(of: people)
        let note = trace ? "deputy '\(span(range))' → \(state.map { entities[$0].label } ?? "nobody") (not \(people.map { entities[$0].label }.joined(separator: ", ")))" : ""
        var m = Mention(range: range, entities: state.map { [$0] } ?? [], kind: .state, role: state == nil ? nil : "GOV", note: note)
        if let of = principal.leaderOf, people.count == 1 {
            m.leaderOf = of
            m.titledPerson = people[0]
        }
        return possessive(m, limit: limit)
    }
}
