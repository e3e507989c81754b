/// Little-endian writing and bounds-checked reading of the model file's fields.
struct ByteWriter {
    var bytes: [UInt8] = []

    mutating func u8(_ v: UInt8) { bytes.append(v) }
    mutating func u16(_ v: UInt16) { bytes.append(UInt8(v & 0xFF)); bytes.append(UInt8(v >> 8)) }
    mutating func u32(_ v: UInt32) { for k in 0..<4 { bytes.append(UInt8(truncatingIfNeeded: v >> (8 * UInt32(k)))) } }
    mutating func u64(_ v: UInt64) { for k in 0..<8 { bytes.append(UInt8(truncatingIfNeeded: v >> (8 * UInt64(k)))) } }
    mutating func string(_ s: String) {
        let u = Array(s.utf8)
        u32(UInt32(u.count))
        bytes.append(contentsOf: u)
    }
}

struct ByteReader {
    let bytes: [UInt8]
    private(set) var offset = 0
    let end: Int

    init(_ bytes: [UInt8], end: Int) { self.bytes = bytes; self.end = end }

    private mutating func need(_ n: Int, _ what: String) throws {
        guard n >= 0, end - offset >= n else {
            throw SyntaxError.malformedModel("truncated at byte \(offset) reading \(what) (\(n) bytes needed, \(end - offset) left)")
        }
    }
    mutating func u8(_ what: String) throws -> UInt8 { try need(1, what); defer { offset += 1 }; return bytes[offset] }
    mutating func u16(_ what: String) throws -> UInt16 {
        try need(2, what); defer { offset += 2 }
        return UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
    }
    mutating func u32(_ what: String) throws -> UInt32 {
        try need(4, what); defer { offset += 4 }
        var v: UInt32 = 0
        for k in 0..<4 { v |= UInt32(bytes[offset + k]) << (8 * UInt32(k)) }
        return v
    }
    mutating func u64(_ what: String) throws -> UInt64 {
        try need(8, what); defer { offset += 8 }
        var v: UInt64 = 0
        for k in 0..<8 { v |= UInt64(bytes[offset + k]) << (8 * UInt64(k)) }
        return v
    }
    mutating func string(_ what: String, max: Int = 1 << 20) throws -> String {
        let n = Int(try u32(what))
        guard n <= max else { throw SyntaxError.malformedModel("\(what) of \(n) bytes at byte \(offset - 4) is longer than \(max)") }
        try need(n, what)
        defer { offset += n }
        guard let s = String(validating: bytes[offset..<offset + n], as: UTF8.self) else {
            throw SyntaxError.malformedModel("\(what) at byte \(offset) is not UTF-8")
        }
        return s
    }
    /// `count` little-endian UInt64s.
    mutating func u64Array(_ count: Int, _ what: String) throws -> [UInt64] {
        try need(count.multipliedReportingOverflow(by: 8).overflow ? -1 : count * 8, what)
        defer { offset += count * 8 }
        return bytes.withUnsafeBytes { raw in
            (0..<count).map { UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset + $0 * 8, as: UInt64.self)) }
        }
    }
    mutating func u8Array(_ count: Int, _ what: String) throws -> ArraySlice<UInt8> {
        try need(count, what)
        defer { offset += count }
        return bytes[offset..<offset + count]
    }
    mutating func i16Array(_ count: Int, _ what: String) throws -> [Int16] {
        try need(count.multipliedReportingOverflow(by: 2).overflow ? -1 : count * 2, what)
        defer { offset += count * 2 }
        return bytes.withUnsafeBytes { raw in
            (0..<count).map { Int16(littleEndian: raw.loadUnaligned(fromByteOffset: offset + $0 * 2, as: Int16.self)) }
        }
    }
}
