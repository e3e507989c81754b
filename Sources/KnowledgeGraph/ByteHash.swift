/// A fast 64-bit hash of bytes, eight at a time (multiply and xor-shift), for the hash tables
/// the pipeline fills once per token, quote and pattern.
///
/// Swift's `Hasher` runs SipHash over every byte (and `String` normalizes first); these tables
/// only need a well-spread value. The seed is random per process, like `Hasher`'s, so colliding
/// keys cannot be prepared in advance.
public enum ByteHash {
    public static let seed = UInt64.random(in: .min ... .max)

    @inline(__always)
    public static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var h = seed ^ (UInt64(bytes.count) &* 0x9E37_79B9_7F4A_7C15)
        var i = 0
        let n = bytes.count
        while i + 8 <= n {
            h = (h ^ bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 32
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < n {
            tail |= UInt64(bytes[i]) << shift
            shift += 8
            i += 1
        }
        h = (h ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        return h ^ (h >> 29)
    }
}
