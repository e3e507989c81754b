/// A fixed-capacity buffer that feature extraction appends keys to, without an array's
/// uniqueness and capacity checks on every append (the parser appends about 180 keys per
/// transition). The owner allocates and deallocates it.
struct FeatureBuffer {
    private let base: UnsafeMutablePointer<UInt64>
    let capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        base = .allocate(capacity: capacity)
        self.capacity = capacity
    }

    func deallocate() { base.deallocate() }

    @inline(__always) mutating func removeAll() { count = 0 }

    @inline(__always) mutating func append(_ key: UInt64) {
        precondition(count < capacity, "more features than the buffer holds")
        base[count] = key
        count += 1
    }

    /// The keys appended since the last `removeAll()`.
    var keys: UnsafeBufferPointer<UInt64> { UnsafeBufferPointer(start: base, count: count) }
}
