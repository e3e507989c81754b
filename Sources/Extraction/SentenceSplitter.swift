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
            // Words never end a sentence (abbreviations carry their period inside).
            if tokens[i].isWord {
                i += 1
                continue
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
        return sentences.flatMap(capped)
    }

    /// The longest sentence the later stages see, in tokens. News sentences stay far below it;
    /// text without punctuation (a transcript, a table flattened to one line) is cut so that the
    /// per-sentence stages stay linear in the length of the document.
    public static let maximumLength = 200

    /// A sentence cut into consecutive pieces of at most `maximumLength` tokens.
    static func capped(_ range: Range<Int>) -> [Range<Int>] {
        guard range.count > maximumLength else { return [range] }
        var pieces: [Range<Int>] = []
        var start = range.lowerBound
        while range.upperBound - start > maximumLength {
            pieces.append(start..<start + maximumLength)
            start += maximumLength
        }
        pieces.append(start..<range.upperBound)
        return pieces
    }
}
