/// A JSON string literal of `s` (RFC 8259), with U+2028/U+2029 escaped for JavaScript readers.
///
/// Shared by every JSON writer (JSON Lines export, query output) so they escape alike.
/// - Complexity: O(n); a string with nothing to escape is copied once.
public func jsonStringLiteral(_ s: String) -> String {
    var plain = true
    for b in s.utf8 where b < 0x20 || b == 0x22 || b == 0x5C || b == 0xE2 {
        plain = false
        break
    }
    if plain { return "\"" + s + "\"" }
    var out = "\""
    out.reserveCapacity(s.utf8.count + 8)
    for u in s.unicodeScalars {
        switch u {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            if u.value < 0x20 || u.value == 0x2028 || u.value == 0x2029 {
                var hex = String(u.value, radix: 16)
                while hex.count < 4 { hex = "0" + hex }
                out += "\\u" + hex
            } else {
                out.unicodeScalars.append(u)
            }
        }
    }
    return out + "\""
}
