/// Finds the date of a document in its text: the latest full date written in it.
enum DateFinder {
    static let monthNumbers: [String: Int] = {
        var table: [String: Int] = [:]
        let months = ["january", "february", "march", "april", "may", "june", "july", "august",
                      "september", "october", "november", "december"]
        for (k, m) in months.enumerated() {
            table[m] = k + 1
            table[String(m.prefix(3)) + "."] = k + 1
        }
        table["sept."] = 9
        return table
    }()

    /// The month a capitalized month name stands for. Needs tokens annotated by
    /// `Knowledge.annotate` (the month names are a word class); others give nil.
    static func month(_ t: Token) -> Int? {
        guard t.isCapitalized, t.is(.month) else { return nil }
        return monthNumbers[t.lower]
    }

    static func number(_ t: Token, _ range: ClosedRange<Int>) -> Int? {
        guard let first = t.text.utf8.first, first >= 48, first <= 57, t.text.utf8.count <= 4,
              let n = Int(t.text), range.contains(n) else { return nil }
        return n
    }

    /// A date written in a document's name ("xi-putin-2022-12-30", "20221230-report").
    static func date(inName name: String) -> String? {
        let digits = name.split(whereSeparator: { !$0.isNumber })
        for (k, d) in digits.enumerated() {
            if d.count == 8, let y = Int(d.prefix(4)), let m = Int(d.dropFirst(4).prefix(2)), let day = Int(d.suffix(2)),
               (1900...2100).contains(y), (1...12).contains(m), (1...31).contains(day) {
                return Pad.four(y) + "-" + Pad.two(m) + "-" + Pad.two(day)
            }
            if d.count == 4, k + 2 < digits.count, let y = Int(d), (1900...2100).contains(y),
               let m = Int(digits[k + 1]), let day = Int(digits[k + 2]), (1...12).contains(m), (1...31).contains(day),
               digits[k + 1].count <= 2, digits[k + 2].count <= 2 {
                return Pad.four(y) + "-" + Pad.two(m) + "-" + Pad.two(day)
            }
        }
        return nil
    }

    /// "10 March 2023", "March 10, 2023", "2023-03-10"; the latest one, as YYYY-MM-DD.
    static func latestDate(in tokens: [Token]) -> String? {
        var best: String? = nil
        func consider(_ y: Int, _ m: Int, _ d: Int) {
            let s = Pad.four(y) + "-" + Pad.two(m) + "-" + Pad.two(d)
            if best == nil || s > best! { best = s }
        }
        for i in tokens.indices where tokens[i].is(.month) {
            guard let m = month(tokens[i]) else { continue }
            // D Month YYYY
            if i >= 1, i + 1 < tokens.count, let d = number(tokens[i - 1], 1...31), let y = number(tokens[i + 1], 1900...2100) {
                consider(y, m, d)
            }
            // Month D, YYYY
            if i + 3 < tokens.count, let d = number(tokens[i + 1], 1...31), tokens[i + 2].norm == ",",
               let y = number(tokens[i + 3], 1900...2100) {
                consider(y, m, d)
            }
        }
        // ISO dates are tokenized as number - number - number
        for i in tokens.indices where i + 4 < tokens.count && tokens[i + 1].norm == "-" && tokens[i + 3].norm == "-" {
            if let y = number(tokens[i], 1900...2100), tokens[i + 1].norm == "-", let m = number(tokens[i + 2], 1...12),
               tokens[i + 3].norm == "-", let d = number(tokens[i + 4], 1...31), !tokens[i + 1].spaceBefore {
                consider(y, m, d)
            }
        }
        return best
    }
}

enum Pad {
    static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    static func four(_ n: Int) -> String {
        var digits = "\(n)"
        while digits.count < 4 { digits = "0" + digits }
        return digits
    }
}
