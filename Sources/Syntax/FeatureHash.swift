/// 64-bit hashing of words and feature templates. Features are integers built from a template
/// number and integer values, so no string is built while tagging or parsing.
enum FeatureHash {
    static let offset: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01b3

    /// FNV-1a step over one byte.
    @inline(__always) static func step(_ h: UInt64, _ byte: UInt8) -> UInt64 { (h ^ UInt64(byte)) &* prime }

    /// FNV-1a over a string's UTF-8.
    static func string(_ s: String) -> UInt64 {
        var h = offset
        for b in s.utf8 { h = step(h, b) }
        return h
    }

    /// Mixes `value` into `h` (SplitMix64 finalizer): order-sensitive, well spread.
    @inline(__always) static func mix(_ h: UInt64, _ value: UInt64) -> UInt64 {
        var x = (h ^ 0x9E37_79B9_7F4A_7C15) &+ value &* 0xD6E8_FEB8_6659_FD93
        x = (x ^ (x >> 30)) &* 0xBF58_476D_1CE4_E5B9
        x = (x ^ (x >> 27)) &* 0x94D0_49BB_1331_11EB
        return x ^ (x >> 31)
    }

    /// The key of template `t` with one to three values; never 0 (0 marks an empty slot).
    @inline(__always) static func key(_ t: UInt64, _ a: UInt64) -> UInt64 { mix(t, a) | 1 }
    @inline(__always) static func key(_ t: UInt64, _ a: UInt64, _ b: UInt64) -> UInt64 { mix(mix(t, a), b) | 1 }
    @inline(__always) static func key(_ t: UInt64, _ a: UInt64, _ b: UInt64, _ c: UInt64) -> UInt64 { mix(mix(mix(t, a), b), c) | 1 }
    @inline(__always) static func key(_ t: UInt64, _ a: UInt64, _ b: UInt64, _ c: UInt64, _ d: UInt64) -> UInt64 {
        mix(mix(mix(mix(t, a), b), c), d) | 1
    }
}
