/// The per-word values features are built from, computed once per sentence: hashes of the
/// form, its lower-case (digits as 0), shape, prefixes and suffixes, and the word's ambiguity
/// class (the set of tags it had in training). Shared by the tagger and the parser.
struct WordContext: Sendable {
    var count: Int
    var form: [UInt64]
    var lower: [UInt64]
    var shape: [UInt64]
    var prefix1: [UInt64], prefix2: [UInt64], prefix3: [UInt64]
    var suffix1: [UInt64], suffix2: [UInt64], suffix3: [UInt64], suffix4: [UInt64]
    /// Bit t set when the word had tag t in training; 0 for unknown words.
    var ambiguity: [UInt64]
    /// The same for the exact (case-sensitive) form.
    var formAmbiguity: [UInt64]
    /// The word's cluster (`TagDictionary.clustersByWord`) and its ancestors 4, 6 and 10 steps
    /// from the top of the cluster tree; `unknownCluster` for words without one.
    var cluster: [UInt64], cluster4: [UInt64], cluster6: [UInt64], cluster10: [UInt64]
    /// How capitalized the sentence is: 0 (under a third of its words), 1, 2 (over two thirds).
    var capitalization: UInt64 = 0

    /// Stand-in values beyond the sentence's ends.
    static let none: UInt64 = 0x4E4F_4E45
    static let root: UInt64 = 0x524F_4F54
    static let unknownCluster: UInt64 = 0x554E_4B4E_4F57_4E

    /// - Complexity: O(total length of the words).
    init(words: [String], dictionary: TagDictionary) {
        count = words.count
        form = []; lower = []; shape = []
        prefix1 = []; prefix2 = []; prefix3 = []
        suffix1 = []; suffix2 = []; suffix3 = []; suffix4 = []
        ambiguity = []
        formAmbiguity = []
        cluster = []; cluster4 = []; cluster6 = []; cluster10 = []
        var capitalized = 0, alphabetic = 0
        for arr in [\WordContext.form, \.lower, \.shape, \.prefix1, \.prefix2, \.prefix3, \.suffix1, \.suffix2, \.suffix3, \.suffix4, \.ambiguity, \.formAmbiguity, \.cluster, \.cluster4, \.cluster6, \.cluster10] as [WritableKeyPath<WordContext, [UInt64]>] {
            self[keyPath: arr].reserveCapacity(words.count)
        }
        var scalars: [Unicode.Scalar] = []
        for w in words {
            form.append(FeatureHash.string(w))
            scalars.removeAll(keepingCapacity: true)
            var shapeHash = FeatureHash.offset
            var lastShape: UInt8 = 0, run = 0
            for s in w.unicodeScalars {
                var l = s
                let v = s.value
                let cls: UInt8
                if v < 128 {
                    if v &- 65 < 26 { l = Unicode.Scalar(v + 32)!; cls = UInt8(ascii: "X") }
                    else if v &- 97 < 26 { cls = UInt8(ascii: "x") }
                    else if v &- 48 < 10 { l = "0"; cls = UInt8(ascii: "d") }
                    else { cls = UInt8(v) }
                } else if s.properties.isUppercase {
                    l = s.properties.lowercaseMapping.unicodeScalars.first ?? s
                    cls = UInt8(ascii: "X")
                } else if s.properties.isAlphabetic {
                    cls = UInt8(ascii: "x")
                } else if s.properties.numericType != nil {
                    cls = UInt8(ascii: "d")
                } else {
                    cls = UInt8(truncatingIfNeeded: v | 0x80)
                }
                if cls == lastShape { run += 1 } else { run = 1; lastShape = cls }
                if run <= 2 { shapeHash = FeatureHash.step(shapeHash, cls) }
                scalars.append(l)
            }
            var h = FeatureHash.offset
            var p1 = WordContext.none, p2 = WordContext.none, p3 = WordContext.none
            for (k, s) in scalars.enumerated() {
                h = FeatureHash.mix(h, UInt64(s.value))
                if k == 0 { p1 = h } else if k == 1 { p2 = h } else if k == 2 { p3 = h }
            }
            lower.append(h)
            prefix1.append(p1); prefix2.append(p2 == WordContext.none ? p1 : p2); prefix3.append(p3 == WordContext.none ? (p2 == WordContext.none ? p1 : p2) : p3)
            var sh = FeatureHash.offset &+ 7
            // The last one to four scalars' hashes (no array per word: this runs for every word).
            var sfx: (UInt64, UInt64, UInt64, UInt64) = (WordContext.none, WordContext.none, WordContext.none, WordContext.none)
            var k = 0
            for s in scalars.reversed() {
                sh = FeatureHash.mix(sh, UInt64(s.value))
                switch k {
                case 0: sfx = (sh, sh, sh, sh)
                case 1: sfx = (sfx.0, sh, sh, sh)
                case 2: sfx = (sfx.0, sfx.1, sh, sh)
                default: sfx.3 = sh
                }
                k += 1
                if k == 4 { break }
            }
            suffix1.append(sfx.0); suffix2.append(sfx.1); suffix3.append(sfx.2); suffix4.append(sfx.3)
            shape.append(shapeHash)
            ambiguity.append(dictionary.classes(of: h))
            formAmbiguity.append(dictionary.classes(of: form[form.count - 1]))
            if let c = dictionary.cluster(of: h) {
                let v = UInt64(c)
                cluster.append(v); cluster4.append(v & 0xF); cluster6.append(v & 0x3F); cluster10.append(v & 0x3FF)
            } else {
                let u = WordContext.unknownCluster
                cluster.append(u); cluster4.append(u); cluster6.append(u); cluster10.append(u)
            }
            if let f = w.unicodeScalars.first, f.properties.isAlphabetic {
                alphabetic += 1
                if f.properties.isUppercase { capitalized += 1 }
            }
        }
        capitalization = alphabetic < 3 ? 3 : capitalized * 3 < alphabetic ? 0 : capitalized * 3 < alphabetic * 2 ? 1 : 2
    }
}
