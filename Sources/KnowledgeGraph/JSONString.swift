/// A JSON string literal of `s` (RFC 8259), with U+2028/U+2029 escaped for JavaScript readers.
///
/// Shared by every JSON writer (JSON Lines export, query output) so they escape alike: `"`, `\`,
/// newline, carriage return and tab get their short escapes, the other control characters
/// below U+0020 and U+2028/U+2029 are written `\u` with 4 lower-case hex digits, everything
/// else is copied.
/// - Complexity: O(n); a string with nothing to escape is copied once.
public func jsonStringLiteral(_ s: String) -> String {
    var plain = true
    for b in s.utf8 where b < 0x20 || b == 0x22 || b == 0x5C || b == 0xE2 {
        plain = false
        break
    }
    if plain { return "\"" + s + "\"" }
    var out: [UInt8] = []
    out.reserveCapacity(s.utf8.count + 16)
    appendJSONStringLiteral(s, to: &out)
    return String(decoding: out, as: UTF8.self)
}

/// Appends the UTF-8 bytes of `jsonStringLiteral(s)` to `out`, without building a String.
///
/// Runs of bytes that need no escape are copied with one `append`; ASCII text is scanned
/// 8 bytes at a time.
/// - Complexity: O(n) in the UTF-8 length of `s`.
public func appendJSONStringLiteral(_ s: String, to out: inout [UInt8]) {
    let done: Void? = s.utf8.withContiguousStorageIfAvailable { appendJSONStringLiteral(utf8: $0, to: &out) }
    if done == nil {
        var s = s
        s.withUTF8 { appendJSONStringLiteral(utf8: $0, to: &out) }
    }
}

/// Appends the JSON string literal of the UTF-8 text `p` (valid UTF-8, as every Swift
/// String's) to `out`: the bytes of `jsonStringLiteral` of that text.
public func appendJSONStringLiteral(utf8 p: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
    out.append(0x22)
    let n = p.count
    guard n > 0, let base = p.baseAddress else {
        out.append(0x22)
        return
    }
    let raw = UnsafeRawPointer(base)
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    /// Whether one of the 8 bytes of `w` is below 0x20, a quote, a backslash or 0xE2 (the lead
    /// byte of U+2028/U+2029). Each test is exact as a whole: no false positives.
    @inline(__always) func special(_ w: UInt64) -> Bool {
        let below = (w &- ones &* 0x20) & ~w
        let q = w ^ (ones &* 0x22)
        let bs = w ^ (ones &* 0x5C)
        let e2 = w ^ (ones &* 0xE2)
        let quote = (q &- ones) & ~q
        let backslash = (bs &- ones) & ~bs
        let lead = (e2 &- ones) & ~e2
        return (below | quote | backslash | lead) & highs != 0
    }
    @inline(__always) func hex(_ v: UInt8) -> UInt8 { v < 10 ? 0x30 + v : 0x61 + v - 10 }
    var run = 0
    var i = 0
    while i < n {
        if i &+ 8 <= n, !special(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) {
            i &+= 8
            continue
        }
        let b = base[i]
        if b >= 0x20 && b != 0x22 && b != 0x5C && b != 0xE2 {
            i &+= 1
            continue
        }
        if b == 0xE2 {
            // U+2028 and U+2029 are E2 80 A8 and E2 80 A9; other E2 sequences are copied.
            guard i &+ 2 < n, base[i &+ 1] == 0x80, base[i &+ 2] == 0xA8 || base[i &+ 2] == 0xA9 else {
                i &+= 1
                continue
            }
        }
        if i > run { out.append(contentsOf: UnsafeBufferPointer(start: base + run, count: i &- run)) }
        switch b {
        case 0x22: out.append(0x5C); out.append(0x22)
        case 0x5C: out.append(0x5C); out.append(0x5C)
        case 0x0A: out.append(0x5C); out.append(UInt8(ascii: "n"))
        case 0x0D: out.append(0x5C); out.append(UInt8(ascii: "r"))
        case 0x09: out.append(0x5C); out.append(UInt8(ascii: "t"))
        case 0xE2:
            // \u2028 or \u2029
            out.append(0x5C); out.append(UInt8(ascii: "u")); out.append(0x32); out.append(0x30); out.append(0x32)
            out.append(base[i &+ 2] == 0xA8 ? 0x38 : 0x39)
            i &+= 2
        default:
            out.append(0x5C); out.append(UInt8(ascii: "u")); out.append(0x30); out.append(0x30)
            out.append(hex(b >> 4)); out.append(hex(b & 15))
        }
        i &+= 1
        run = i
    }
    if n > run { out.append(contentsOf: UnsafeBufferPointer(start: base + run, count: n &- run)) }
    out.append(0x22)
}
