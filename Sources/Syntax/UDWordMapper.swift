/// Turns a sentence's tokens (as a tokenizer such as kg's gives them: text and offsets) into
/// words that follow UD English EWT conventions, which the model was trained on:
///
/// - `cannot` → `can` `not`; `gonna`, `wanna`, `gotta` → `gon` `na`, `wan` `na`, `got` `ta`
///   (EWT splits them so; `can't` → `ca` `n't` and `John's` → `John` `'s` already come split);
/// - typographic apostrophes in `’s`, `n’t`, `’ll` become `'`, typographic double quotes
///   become `"` (EWT writes them straight far more often than curly);
/// - runs of adjacent periods become one word `...`, runs of adjacent hyphens one word `--`;
/// - hyphenated words stay split (`long` `-` `term`), as in EWT.
///
/// Each word keeps the offsets of its text in the original (in the caller's unit, e.g.
/// Unicode scalars), so analyses can be laid back onto the text.
public enum UDWordMapper {
    /// A token as given: its text and its offsets `start..<end` in the original.
    public struct Token: Sendable, Equatable {
        public var text: String
        public var start: Int
        public var end: Int
        public init(text: String, start: Int, end: Int) { self.text = text; self.start = start; self.end = end }
    }

    /// A parser word: `form` is what the model reads, `text` the original text at
    /// `start..<end`.
    public struct Word: Sendable, Equatable {
        public var form: String
        public var text: String
        public var start: Int
        public var end: Int
        public init(form: String, text: String, start: Int, end: Int) {
            self.form = form; self.text = text; self.start = start; self.end = end
        }
    }

    static let splits: [String: Int] = ["cannot": 3, "gonna": 3, "wanna": 3, "gotta": 3]

    /// Maps the tokens of one sentence to parser words.
    /// - Complexity: O(n) in the total length of the tokens.
    public static func words(_ tokens: [Token]) -> [Word] {
        var out: [Word] = []
        out.reserveCapacity(tokens.count + 2)
        for t in tokens {
            let scalars = Array(t.text.unicodeScalars)
            // Offsets are split by scalar count only when they are in scalars (end - start == count).
            let byScalars = t.end - t.start == scalars.count
            if let k = splits[t.text.lowercased()], byScalars {
                let a = String(String.UnicodeScalarView(scalars[..<k])), b = String(String.UnicodeScalarView(scalars[k...]))
                out.append(Word(form: a, text: a, start: t.start, end: t.start + k))
                out.append(Word(form: b, text: b, start: t.start + k, end: t.end))
                continue
            }
            if let last = out.last, last.end == t.start, scalars.count == 1,
               (scalars[0] == "." && last.form.unicodeScalars.allSatisfy { $0 == "." } && last.form != "")
                || (scalars[0] == "-" && last.form.unicodeScalars.allSatisfy { $0 == "-" } && last.form != "") {
                let merged = last.form + t.text
                if merged.unicodeScalars.count <= 10 {
                    out[out.count - 1] = Word(form: merged, text: last.text + t.text, start: last.start, end: t.end)
                    continue
                }
            }
            out.append(Word(form: form(t.text), text: t.text, start: t.start, end: t.end))
        }
        return out
    }

    /// The EWT-style form of one token's text (quotes and apostrophes straightened).
    static func form(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 128 }) { return text }
        var view = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            switch s {
            case "\u{2019}", "\u{2018}", "\u{02BC}": view.append("'")
            case "\u{201C}", "\u{201D}", "\u{201E}": view.append("\"")
            default: view.append(s)
            }
        }
        return String(view)
    }
}
