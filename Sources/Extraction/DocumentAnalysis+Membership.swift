/// Membership lists after an organization (`cues.tsv` `member-list`): "ASEAN members Indonesia,
/// Malaysia and Thailand", "the BRICS group, which includes Brazil, Russia and India", "the G7
/// (Canada, France, …)", "the Quad of Australia, India, Japan and the United States": each
/// country of the list is a `memberOf` the organization.
extension DocumentAnalysis {
    func membershipRelations(_ s: Int, list: [Mention]) -> [FoundRelation] {
        memberLists(s, list: list).flatMap { l in
            l.members.filter { $0 != l.org }.map { c in
                FoundRelation(subject: c, relation: "memberOf", object: l.org, negated: false, modality: .asserted,
                              confidence: 0.85, sentence: s, tokens: l.name.lowerBound..<l.list.upperBound,
                              pattern: "member-list '\(l.markerText)'")
            }
        }
    }

    /// The member lists of a sentence that open with a comma (", which includes A, B and C") or
    /// "of" ("the Quad of A, B, C and D"), from the comma or "of" to the list's end, with the last
    /// token of the organization's name.
    func memberListSpans(_ s: Int, list: [Mention]) -> [(org: Int, list: Range<Int>)] {
        memberLists(s, list: list).filter { tokens[$0.marker.lowerBound].norm == "," || tokens[$0.marker.lowerBound].lower == "of" }.map { ($0.name.upperBound - 1, $0.marker.lowerBound..<$0.list.upperBound) }
    }

    /// Each member list: the organization (entity), its name's tokens, the marker (its tokens and
    /// words) and the list's tokens, and the member countries.
    private func memberLists(_ s: Int, list: [Mention]) -> [(org: Int, name: Range<Int>, marker: Range<Int>, markerText: String, list: Range<Int>, members: [Int])] {
        var out: [(org: Int, name: Range<Int>, marker: Range<Int>, markerText: String, list: Range<Int>, members: [Int])] = []
        let limit = sentences[s].upperBound
        var groups: [[Int]]? = nil
        for (k, m) in list.enumerated() {
            guard m.entities.count == 1, let org = m.entities.first, entities[org].type == .organization, !m.locative else { continue }
            var p = m.range.upperBound
            // A noun between the name and the list ("the BRICS group, which includes").
            if p < limit, tokens[p].is(.groupNoun) { p += 1 }
            // "ASEAN members" may be one mention already (the body, by its members).
            let inside = (1...2).lazy.compactMap { n -> [String]? in
                let q = m.range.upperBound - n
                guard q > m.range.lowerBound, let w = self.longest(self.knowledge.memberLists, at: q, limit: m.range.upperBound),
                      q + w.count == m.range.upperBound, w[0] == "members" || w[0] == "member" else { return nil }
                return w
            }.first
            guard let marker = inside ?? (p < limit ? longest(knowledge.memberLists, at: p, limit: limit) : nil) else { continue }
            let start = inside != nil ? m.range.upperBound : p + marker.count
            // The list: the coordination of mentions that starts right after the marker.
            // It starts right after the marker (a determiner aside): "NATO members and Russia" is no list.
            guard let first = list[(k + 1)...].firstIndex(where: { $0.range.lowerBound >= start }),
                  list[first].range.lowerBound == start || (list[first].range.lowerBound == start + 1 && tokens[start].is(.determiner))
            else { continue }
            if groups == nil { groups = coordinations(list) }
            let members = groups!.first { $0.contains(first) }.map { $0.filter { $0 >= first } } ?? [first]
            // "members X" may name one member (the marker's value "one"); every other marker needs two.
            // "of" needs three: "criticism by the G7 of Russia and China" is no list.
            let markerText = marker.joined(separator: " ")
            guard members.count >= (knowledge.singleMemberLists.contains(markerText) ? 1 : knowledge.longMemberLists.contains(markerText) ? 3 : 2) else { continue }
            // Places ("including in Qatar") are where, not who.
            guard members.allSatisfy({ !list[$0].locative }) else { continue }
            let countries = members.flatMap { list[$0].entities }
            guard countries.allSatisfy({ entities[$0].type == .country }) else { continue }
            let end = list[members.last!].range.upperBound
            let markerStart = inside != nil ? m.range.upperBound - marker.count : p
            out.append((org, m.range, markerStart..<markerStart + marker.count, markerText, start..<end, countries))
        }
        return out
    }
}
