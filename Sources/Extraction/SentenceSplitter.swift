/// Splits a token stream into sentences.
///
/// A line break always ends a sentence (titles, headlines and bullet-like lines count on their
/// own). Within a line, ".", "!" and "?" end a sentence when the next token starts with a
/// capital letter, a digit or an opening quote; closing quotes and brackets stay with the
/// sentence they close. Abbreviations and initials carry their period inside the token, so
/// they never end a sentence.
public enum SentenceSplitter {
    /// The token ranges of the sentences, in order, covering every token.
    public static func split(_ tokens: [Token]) -> [Range<Int>] {
        var sentences: [Range<Int>] = []
        var start = 0
        var i = 0
        let closers: Set<String> = ["\"", "'", ")", "]", "»"]
        while i < tokens.count {
            if i > start && tokens[i].lineBreakBefore {
                sentences.append(start..<i)
                start = i
            }
            let t = tokens[i].norm
            if t == "." || t == "!" || t == "?" || t == "…" {
                var end = i + 1
                while end < tokens.count, closers.contains(tokens[end].norm), !tokens[end].lineBreakBefore,
                      !(tokens[end].norm == "\"" && tokens[end].spaceBefore) {
                    end += 1
                }
                if end >= tokens.count {
                    i = end
                    continue
                }
                let next = tokens[end]
                let startsSentence = next.lineBreakBefore || next.isCapitalized || next.norm == "\""
                    || next.text.unicodeScalars.first?.properties.numericType != nil
                if startsSentence {
                    sentences.append(start..<end)
                    start = end
                }
                i = end
                continue
            }
            i += 1
        }
        if start < tokens.count { sentences.append(start..<tokens.count) }
        return sentences
    }
}
