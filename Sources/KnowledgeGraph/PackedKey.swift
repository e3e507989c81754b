/// A statement key packed into 12 bytes: subject, object, relation, and polarity and modality in
/// one byte.
struct PackedKey: Sendable, Equatable {
    var subject: UInt32
    var object: UInt32
    var relation: UInt16
    /// Bit 0: negated; bits 1...: the modality's position in `Modality.allCases`.
    var flags: UInt8

    @inline(__always)
    init(_ key: StatementKey) {
        subject = key.subject.raw
        object = key.object.raw
        relation = key.relation.raw
        let m: UInt8
        switch key.modality {
        case .asserted: m = 0
        case .future: m = 1
        case .intended: m = 2
        case .possible: m = 3
        case .conditional: m = 4
        }
        flags = (key.negated ? 1 : 0) | m << 1
    }

    var key: StatementKey {
        let modality: Modality
        switch flags >> 1 {
        case 0: modality = .asserted
        case 1: modality = .future
        case 2: modality = .intended
        case 3: modality = .possible
        default: modality = .conditional
        }
        return StatementKey(subject: EntityID(subject), relation: RelationID(relation), object: EntityID(object),
                            negated: flags & 1 != 0, modality: modality)
    }

    /// A well-mixed hash (not seeded: the table's layout never shows in any output).
    @inline(__always)
    var hash: Int {
        var h = UInt64(subject) | UInt64(object) << 32
        h ^= (UInt64(relation) | UInt64(flags) << 16) &* 0x9E37_79B9_7F4A_7C15
        h ^= h >> 33
        h &*= 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        h &*= 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 33
        return Int(truncatingIfNeeded: h)
    }
}
