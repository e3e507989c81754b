import KnowledgeGraph
import Ontology

/// When and where an event happened, read from its sentence: the date expression and the place
/// nearest to the statement's words, resolved against the document's date and the ontology's
/// places. The words are data (`cues.tsv`: `date-weekday`, `date-day`, `date-period`,
/// `event-place`; `places.tsv` and the gazetteer's countries and seats).
///
/// Dates: a full date ("on March 4, 2023", "4 March 2023", "2023-03-04") is that day; a day
/// without a year ("on March 4") takes the year that puts it nearest the document's date; a
/// month ("in June 2023", "in June") is `YYYY-MM`, a year ("in 2021") `YYYY`; a weekday ("on
/// Monday") is the last such day up to the document's date, or the next one from it for future
/// and intended events; "yesterday", "tomorrow" count from the document's date; "last week",
/// "this month", "next year" are the ISO week (`2023-W09`), month or year. What needs the
/// document's date is left out without one: never guessed.
struct EventSettingFinder: Sendable {
    enum Unit: String, Sendable { case week, month, year }

    let weekdays: [String: Int]
    let relativeDays: [String: Int]
    /// Period phrases by their first word: (words, unit, offset), longest first.
    let periods: [String: [(words: [String], unit: Unit, offset: Int)]]
    let placePrepositions: Set<String>
    /// Places by lower-cased name (words joined by one space).
    let places: [String: Place]
    let longestPlace: Int

    init(ontology: Ontology) {
        var weekdays: [String: Int] = [:]
        for c in ontology.cues("date-weekday") { if let n = Int(c.value), let w = c.words.first { weekdays[w] = n } }
        var days: [String: Int] = [:]
        for c in ontology.cues("date-day") { if let n = Int(c.value), let w = c.words.first, c.words.count == 1 { days[w] = n } }
        var periods: [String: [(words: [String], unit: Unit, offset: Int)]] = [:]
        for c in ontology.cues("date-period") {
            guard let first = c.words.first,
                  let unit = [Unit.week, .month, .year].first(where: { c.value.hasPrefix($0.rawValue) }),
                  let offset = Int(c.value.dropFirst(unit.rawValue.count)) else { continue }
            periods[first, default: []].append((c.words, unit, offset))
        }
        for k in periods.keys { periods[k]!.sort { $0.words.count > $1.words.count } }
        self.weekdays = weekdays
        relativeDays = days
        self.periods = periods
        placePrepositions = Set(ontology.cues("event-place").compactMap { $0.words.count == 1 ? $0.words[0] : nil })
        // Countries and their seats first (the gazetteer wins), then the cities of places.tsv.
        var places: [String: Place] = [:]
        for g in ontology.gazetteer where g.entity.type == .country {
            let country = Place(name: g.entity.label, country: g.entity.key)
            places[g.entity.label.lowercased()] = country
            for seat in g.seats {
                // "the Kremlin" is found after "in the" as "Kremlin".
                var key = seat.lowercased()
                if key.hasPrefix("the ") { key.removeFirst(4) }
                if places[key] == nil { places[key] = Place(name: seat, country: g.entity.key) }
            }
        }
        for p in ontology.places where places[p.name.lowercased()] == nil {
            places[p.name.lowercased()] = Place(name: p.name, country: p.country)
        }
        self.places = places
        longestPlace = places.keys.map { $0.split(separator: " ").count }.max() ?? 1
    }

    // MARK: Dates

    /// The resolved date expressions of a sentence, with their tokens: read once per sentence
    /// (and per direction of weekdays), then `nearest` gives each event its own.
    /// - Parameters:
    ///   - documentDate: what relative dates are resolved against.
    ///   - future: whether the events are future or intended (a weekday then looks forward).
    /// - Returns: ISO 8601 dates, months, years or weeks; what cannot be resolved is left out.
    /// - Complexity: O(n) in the sentence's tokens.
    func dates(_ tokens: [Token], sentence: Range<Int>, documentDate: CalendarDate?, future: Bool) -> [(Range<Int>, String)] {
        var out: [(Range<Int>, String)] = []
        var i = sentence.lowerBound
        while i < sentence.upperBound {
            if let (range, value) = expression(at: i, tokens, sentence: sentence, documentDate: documentDate, future: future) {
                // A dateline ("JEDDAH, May 22, 2023 — ...") dates the report, not the event.
                let dateline = range.upperBound < sentence.upperBound && ["—", "–", "-", "--"].contains(tokens[range.upperBound].text)
                if !dateline, let value { out.append((range, value)) }
                i = max(range.upperBound, i + 1)
            } else {
                i += 1
            }
        }
        return out
    }

    /// The value of the candidate nearest to the event's words `span` (the first of equals).
    static func nearest<T>(_ candidates: [(Range<Int>, T)], to span: Range<Int>) -> T? {
        func distance(_ r: Range<Int>) -> Int {
            r.upperBound <= span.lowerBound ? span.lowerBound - r.upperBound + 1
                : (r.lowerBound >= span.upperBound ? r.lowerBound - span.upperBound + 1 : 0)
        }
        return candidates.min { distance($0.0) < distance($1.0) }?.1
    }


    /// The date expression starting at `i`, its tokens and its value (nil when it needs the
    /// document's date and there is none).
    func expression(at i: Int, _ t: [Token], sentence: Range<Int>, documentDate: CalendarDate?,
                    future: Bool) -> (Range<Int>, String?)? {
        let end = sentence.upperBound
        func number(_ k: Int, _ range: ClosedRange<Int>) -> Int? {
            k < end ? DateFinder.number(t[k], range) : nil
        }
        func year(_ k: Int) -> Int? { number(k, 1900...2100).flatMap { t[k].text.utf8.count == 4 ? $0 : nil } }
        let word = t[i].lower
        // 2023-03-04 (the tokenizer splits the hyphens).
        if let y = year(i), i + 4 < end, t[i + 1].text == "-", t[i + 3].text == "-",
           t[i + 2].text.utf8.count == 2, t[i + 4].text.utf8.count == 2,
           let m = number(i + 2, 1...12), let d = number(i + 4, 1...31) {
            return (i..<(i + 5), CalendarDate(year: y, month: m, day: d)?.iso)
        }
        // A month: "March 4, 2023", "March 4", "March 2023", "4 March 2023", "in March".
        if t[i].isCapitalized, let m = DateFinder.monthNumbers[word] {
            if let d = number(i + 1, 1...31), t[i + 1].text.utf8.count <= 2 {
                var k = i + 2
                if k < end, t[k].text == "," { k += 1 }
                if let y = year(k) { return (i..<(k + 1), CalendarDate(year: y, month: m, day: d)?.iso) }
                return (i..<(i + 2), nearest(month: m, day: d, to: documentDate))
            }
            if i > sentence.lowerBound, let d = number(i - 1, 1...31), t[i - 1].text.utf8.count <= 2 {
                if let y = year(i + 1) { return ((i - 1)..<(i + 2), CalendarDate(year: y, month: m, day: d)?.iso) }
                return ((i - 1)..<(i + 1), nearest(month: m, day: d, to: documentDate))
            }
            if let y = year(i + 1) { return (i..<(i + 2), "\(y)-\(Pad.two(m))") }
            // A month alone only after a preposition of time ("in June", "since March"): "May"
            // is also a verb, "March" a noun.
            if i > sentence.lowerBound, ["in", "since", "until", "by", "early", "late", "mid", "during"].contains(t[i - 1].lower) {
                guard let doc = documentDate else { return (i..<(i + 1), nil) }
                let y = [doc.year - 1, doc.year, doc.year + 1].min { abs(($0 * 12 + m) - (doc.year * 12 + doc.month)) < abs(($1 * 12 + m) - (doc.year * 12 + doc.month)) }!
                return (i..<(i + 1), "\(y)-\(Pad.two(m))")
            }
            return nil
        }
        // "in 2021".
        if let y = year(i), i > sentence.lowerBound, t[i - 1].lower == "in",
           !(i + 1 < end && DateFinder.monthNumbers[t[i + 1].lower] != nil) {
            return (i..<(i + 1), String(y))
        }
        // "on Monday", "last Friday", "next Tuesday".
        if let w = weekdays[word] {
            guard let doc = documentDate else { return (i..<(i + 1), nil) }
            let before = i > sentence.lowerBound ? t[i - 1].lower : ""
            let diff = (w - doc.weekday + 7) % 7  // days forward to the next such day (0: today)
            let offset: Int
            switch before {
            case "last": offset = diff == 0 ? -7 : diff - 7
            case "next": offset = diff == 0 ? 7 : diff
            default: offset = future ? diff : (diff == 0 ? 0 : diff - 7)
            }
            let start = before == "last" || before == "next" ? i - 1 : i
            return (start..<(i + 1), doc.adding(days: offset)?.iso)
        }
        // "yesterday", "tomorrow".
        if let n = relativeDays[word] {
            return (i..<(i + 1), documentDate?.adding(days: n)?.iso)
        }
        // "last week", "earlier this month", "next year".
        if let candidates = periods[word] {
            for p in candidates where i + p.words.count <= end
                && (0..<p.words.count).allSatisfy({ t[i + $0].lower == p.words[$0] }) {
                let range = i..<(i + p.words.count)
                guard let doc = documentDate else { return (range, nil) }
                switch p.unit {
                case .week: return (range, doc.adding(days: 7 * p.offset)?.isoWeek)
                case .month:
                    let months = doc.year * 12 + (doc.month - 1) + p.offset
                    return (range, "\(Pad.four(months / 12))-\(Pad.two(months % 12 + 1))")
                case .year: return (range, Pad.four(doc.year + p.offset))
                }
            }
        }
        return nil
    }

    /// The day `month`/`day` in the year that puts it nearest `date` (ties go to the past).
    func nearest(month: Int, day: Int, to date: CalendarDate?) -> String? {
        guard let date else { return nil }
        let options = [date.year - 1, date.year, date.year + 1].compactMap { CalendarDate(year: $0, month: month, day: day) }
        return options.min { abs($0.dayNumber - date.dayNumber) < abs($1.dayNumber - date.dayNumber) }?.iso
    }

    // MARK: Places

    /// The places a sentence names after a place preposition ("in Jeddah", "near Baidoa", "in
    /// Russia's Samara region": Samara), with their tokens; `nearest` gives each event its own.
    /// - Complexity: O(n·k) in the sentence's tokens and the longest place name.
    func places(_ t: [Token], sentence: Range<Int>) -> [(Range<Int>, Place)] {
        var out: [(Range<Int>, Place)] = []
        for i in sentence where placePrepositions.contains(t[i].lower) {
            var j = i + 1
            while j < sentence.upperBound, t[j].lower == "the" { j += 1 }
            guard var (range, place) = match(t, at: j, end: sentence.upperBound) else { continue }
            // "Russia's Samara region": the city of that country after the possessive.
            if range.upperBound + 1 < sentence.upperBound, t[range.upperBound].norm == "'s",
               let (inner, city) = match(t, at: range.upperBound + 1, end: sentence.upperBound), city.country == place.country {
                range = range.lowerBound..<inner.upperBound
                place = city
            }
            out.append((range, place))
        }
        return out
    }


    /// The longest place name of capitalized words starting at `j`.
    func match(_ t: [Token], at j: Int, end: Int) -> (Range<Int>, Place)? {
        guard j < end, t[j].isCapitalized else { return nil }
        var name = ""
        var found: (Range<Int>, Place)?
        var k = j
        while k < end, k - j < longestPlace, t[k].isWord || t[k].text == "-" {
            name += (k == j || t[k].text == "-" || t[k - 1].text == "-") ? t[k].lower : " " + t[k].lower
            if t[k].isWord, let p = places[name] { found = (j..<(k + 1), p) }
            k += 1
        }
        return found
    }
}
