import Foundation
/// A token of a document: a word, a number or a punctuation mark, with its offsets.
public struct Token: Sendable, Hashable {
    /// The text as written.
    public var text: String
    /// The text with typographic apostrophes and quotes made ASCII (’ → ').
    public var norm: String
    /// `norm` lower-cased.
    public var lower: String
    /// Offsets in the document, in Unicode scalars, end exclusive.
    public var start: Int
    public var end: Int
    /// Offsets in the document's UTF-8, end exclusive (for slicing text without decoding it).
    var start8: Int = 0
    var end8: Int = 0
    /// Whether a line break stands between this token and the previous one.
    public var lineBreakBefore: Bool
    /// Whether white space stands between this token and the previous one.
    public var spaceBefore: Bool

    /// Whether the token starts with a letter or a digit.
    public let isWord: Bool
    /// Whether the token starts with an upper-case letter.
    public let isCapitalized: Bool
    public var isPunctuation: Bool { !isWord }

    /// What the ontology knows of the token (`Knowledge.annotate`): classes of its lower-case
    /// form, its lexicon triggers and the gazetteer surfaces it can start.
    var classes: WordClass = []
    var triggerList: Int32 = -1
    var surfaceList: Int32 = -1
    var loweredSurfaceList: Int32 = -1

    /// Whether the lower-case form belongs to any of `c`.
    @inline(__always) func `is`(_ c: WordClass) -> Bool { !classes.isDisjoint(with: c) }

    public init(text: String, norm: String, lower: String, start: Int, end: Int, lineBreakBefore: Bool, spaceBefore: Bool) {
        self.init(text: text, norm: norm, lower: lower, start: start, end: end, lineBreakBefore: lineBreakBefore,
                  spaceBefore: spaceBefore, first: text.unicodeScalars.first)
    }

    /// A token whose first scalar the caller knows.
    init(text: String, norm: String, lower: String, start: Int, end: Int, lineBreakBefore: Bool, spaceBefore: Bool,
         first: Unicode.Scalar?) {
        self.text = text
        self.norm = norm
        self.lower = lower
        self.start = start
        self.end = end
        self.lineBreakBefore = lineBreakBefore
        self.spaceBefore = spaceBefore
        isWord = first.map { Tokenizer.isLetter($0) || ("0"..."9").contains($0) } ?? false
        isCapitalized = first.map { $0.value < 128 ? ("A"..."Z").contains($0) : $0.properties.isUppercase } ?? false
    }
}

/// Splits text into tokens.
///
/// Words keep internal apostrophes ("d'Ivoire") but split a possessive "'s" and "n't" into
/// tokens of their own; acronyms with periods ("U.S.") and the abbreviations of the ontology
/// ("Mr.", "Gen.") keep their period; hyphens and every other mark are tokens of their own.
public struct Tokenizer: Sendable {
    public let abbreviations: Set<String>
    /// The length of the longest abbreviation, in Unicode scalars with its period.
    let longestAbbreviation: Int

    public init(abbreviations: Set<String>) {
        self.abbreviations = abbreviations
        longestAbbreviation = abbreviations.map { $0.unicodeScalars.count }.max() ?? 0
    }

    /// ASCII fast paths first: Unicode property lookups dominate tokenizing otherwise.
    @inline(__always)
    static func isLetter(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 128 { return (v | 0x20) &- 97 < 26 }
        return s.properties.isAlphabetic
    }

    @inline(__always)
    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 128 { return (v | 0x20) &- 97 < 26 || v &- 48 < 10 }
        return isNonASCIIWordScalar(s)
    }

    static func isNonASCIIWordScalar(_ s: Unicode.Scalar) -> Bool {
        s.properties.isAlphabetic || s.properties.numericType != nil || s.properties.generalCategory == .nonspacingMark
            || s.properties.generalCategory == .spacingMark
    }

    @inline(__always)
    static func isUpper(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return v < 128 ? v &- 65 < 26 : s.properties.isUppercase
    }

    static func isApostrophe(_ s: Unicode.Scalar) -> Bool { s == "'" || s == "\u{2019}" }

    static func normalize(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 128 }) { return text }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            switch s {
            case "\u{2019}", "\u{2018}", "\u{02BC}": out.append("'")
            case "\u{201C}", "\u{201D}", "\u{201E}", "\u{00AB}", "\u{00BB}": out.append("\"")
            case "\u{2013}", "\u{2014}": out.append("-")
            case "\u{00A0}": out.append(" ")
            default: out.append(s)
            }
        }
        return String(out)
    }

    /// Tokenizes `text`.
    /// - Complexity: O(n) in the number of Unicode scalars.
    public func tokenize(_ text: String) -> [Token] {
        tokenize(text, scalars: Array(text.unicodeScalars))
    }

    /// Tokenizes `text`, given as its Unicode scalars too.
    func tokenize(_ text: String, scalars: [Unicode.Scalar]) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(scalars.count / 5)
        // A cursor from scalar offsets to UTF-8 offsets; tokens come in text order.
        var cursor = 0, cursor8 = 0
        func utf8Offset(_ scalar: Int) -> Int {
            while cursor < scalar {
                let v = scalars[cursor].value
                cursor8 += v < 0x80 ? 1 : v < 0x800 ? 2 : v < 0x10000 ? 3 : 4
                cursor += 1
            }
            return cursor8
        }
        var i = 0
        var lineBreak = false
        var space = false
        func emit(_ from: Int, _ to: Int) {
            // ASCII tokens (most of news English) are built from bytes, without Unicode tables.
            var ascii = true, upper = false
            for k in from..<to {
                let v = scalars[k].value
                if v >= 128 { ascii = false; break }
                if v &- 65 < 26 { upper = true }
            }
            let t: String, n: String, lower: String
            let start8 = utf8Offset(from), end8 = utf8Offset(to)
            if ascii {
                let count = to - from
                t = String(unsafeUninitializedCapacity: count) { buffer in
                    for k in 0..<count { buffer[k] = UInt8(truncatingIfNeeded: scalars[from + k].value) }
                    return count
                }
                n = t
                lower = !upper ? t : String(unsafeUninitializedCapacity: count) { buffer in
                    for k in 0..<count {
                        let v = UInt8(truncatingIfNeeded: scalars[from + k].value)
                        buffer[k] = v &- 65 < 26 ? v + 32 : v
                    }
                    return count
                }
            } else {
                let utf8 = text.utf8
                t = String(text[utf8.index(utf8.startIndex, offsetBy: start8)..<utf8.index(utf8.startIndex, offsetBy: end8)])
                // Composed (NFC), so that "Erdoğan" written with a combining breve finds the same
                // table entries as the precomposed form: the word table compares bytes.
                // (Only a combining mark or a conjoining jamo can make a string not NFC.)
                let decomposable = t.unicodeScalars.contains {
                    $0.properties.canonicalCombiningClass != .notReordered || (0x1100...0x11FF).contains($0.value)
                }
                n = decomposable ? Tokenizer.normalize(t).precomposedStringWithCanonicalMapping : Tokenizer.normalize(t)
                lower = decomposable ? n.lowercased().precomposedStringWithCanonicalMapping : n.lowercased()
            }
            var token = Token(text: t, norm: n, lower: lower, start: from, end: to,
                              lineBreakBefore: lineBreak || tokens.isEmpty, spaceBefore: space, first: scalars[from])
            token.start8 = start8
            token.end8 = end8
            tokens.append(token)
            lineBreak = false
            space = false
        }
        func at(_ k: Int) -> Unicode.Scalar? { k < scalars.count ? scalars[k] : nil }
        while i < scalars.count {
            let s = scalars[i]
            if s == "\n" || s == "\r" || s == "\u{2028}" || s == "\u{2029}" {
                lineBreak = true
                space = true
                i += 1
                continue
            }
            if s == " " || s == "\t" || (s.value >= 128 || s.value < 32) && (s.properties.isWhitespace || s == "\u{FEFF}") {
                space = true
                i += 1
                continue
            }
            if !Tokenizer.isWordScalar(s) {
                emit(i, i + 1)
                i += 1
                continue
            }
            let start = i
            // Acronyms written with periods: U.S., U.N., E.U.
            if Tokenizer.isUpper(s), at(i + 1) == ".", let n = at(i + 2), Tokenizer.isUpper(n), at(i + 3) == "." {
                var j = i
                while let c = at(j), Tokenizer.isUpper(c), at(j + 1) == "." { j += 2 }
                emit(start, j)
                i = j
                continue
            }
            var j = i
            while j < scalars.count {
                let c = scalars[j]
                if Tokenizer.isWordScalar(c) { j += 1; continue }
                // Internal apostrophe: keep unless it starts a possessive 's or a contraction n't.
                if Tokenizer.isApostrophe(c), let n = at(j + 1), Tokenizer.isWordScalar(n) {
                    let after = at(j + 2)
                    let possessive = (n == "s" || n == "S") && (after == nil || !Tokenizer.isWordScalar(after!))
                    let contraction = (n == "t") && j > start && (scalars[j - 1] == "n") && (after == nil || !Tokenizer.isWordScalar(after!))
                    let suffix = (n == "l" && at(j + 2) == "l") || (n == "r" && at(j + 2) == "e") || (n == "v" && at(j + 2) == "e")
                        || (n == "d" && (after == nil || !Tokenizer.isWordScalar(after!))) || (n == "m" && (after == nil || !Tokenizer.isWordScalar(after!)))
                    if possessive || contraction || suffix { break }
                    j += 2
                    continue
                }
                // Numbers: 2,000 and 3.5
                if (c == "," || c == "."), j > start, ("0"..."9").contains(scalars[j - 1]),
                   let n = at(j + 1), ("0"..."9").contains(n) {
                    j += 2
                    continue
                }
                break
            }
            // "n't": split the n off the word ("don't" → "do", "n't").
            if Tokenizer.isApostrophe(at(j) ?? " "), at(j + 1) == "t", j - 1 > start, scalars[j - 1] == "n" {
                emit(start, j - 1)
                emit(j - 1, j + 2)
                i = j + 2
                continue
            }
            // Abbreviations keep their period; so do single capital initials ("Antony J. Blinken").
            if at(j) == ".", j - start < longestAbbreviation || j - start == 1 {
                var view = String.UnicodeScalarView()
                view.append(contentsOf: scalars[start...j])
                let withPeriod = String(view)
                let initial = j - start == 1 && Tokenizer.isUpper(scalars[start])
                if abbreviations.contains(withPeriod) || initial {
                    emit(start, j + 1)
                    i = j + 1
                    continue
                }
            }
            emit(start, j)
            i = j
            // Possessive or contraction suffix as its own token: 's, 'll, 're, 've, 'd, 'm
            if let a = at(i), Tokenizer.isApostrophe(a), let n = at(i + 1), Tokenizer.isWordScalar(n) {
                var k = i + 1
                while let c = at(k), Tokenizer.isWordScalar(c), k - i <= 3 { k += 1 }
                emit(i, k)
                i = k
            }
        }
        return tokens
    }
}
