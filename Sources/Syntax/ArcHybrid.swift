/// The arc-hybrid transition system (Kuhlmann, Gómez-Rodríguez & Satta 2011) with the root at
/// the end of the buffer (Ballesteros & Nivre 2013), so that exactly one word gets the root.
///
/// Words are 1…n; item 0 is the root, which sits after word n in the buffer.
/// - SHIFT pushes the buffer's first word onto the stack;
/// - LEFT makes the buffer's first item the head of the stack top, and pops it;
/// - RIGHT makes the second stack item the head of the stack top, and pops it.
/// Every sentence takes exactly 2n transitions. A word is popped only when it has all its
/// dependents, so its subtree is complete when its own arc is labelled.
struct ArcHybrid: Sendable {
    enum Action: Int, CaseIterable, Sendable { case shift = 0, left = 1, right = 2 }

    /// The number of words.
    let n: Int
    /// The stack (word numbers, top last).
    private(set) var stack: [Int32] = []
    /// The first word of the buffer (n + 1 when only the root is left).
    private(set) var next: Int = 1
    /// heads[i] (−1 while unattached) and labels[i] (label number, −1 unattached), i in 0…n.
    private(set) var heads: [Int32]
    private(set) var labels: [Int32]
    /// Leftmost, second leftmost, rightmost, second rightmost dependents (−1 if none).
    private(set) var left1: [Int32], left2: [Int32], right1: [Int32], right2: [Int32]
    private(set) var leftCount: [UInt8], rightCount: [UInt8]
    /// Label sets (bit l) of the left and right dependents.
    private(set) var leftLabels: [UInt64], rightLabels: [UInt64]

    init(words n: Int) {
        self.n = n
        stack.reserveCapacity(min(n, 256))
        let none = [Int32](repeating: -1, count: n + 1)
        heads = none; labels = none
        left1 = none; left2 = none; right1 = none; right2 = none
        leftCount = [UInt8](repeating: 0, count: n + 1); rightCount = leftCount
        leftLabels = [UInt64](repeating: 0, count: n + 1); rightLabels = leftLabels
    }

    /// Whether the parse is complete.
    var isTerminal: Bool { stack.isEmpty && next > n }

    /// The i-th stack item from the top (0 = top), or −1.
    @inline(__always) func s(_ i: Int) -> Int { i < stack.count ? Int(stack[stack.count - 1 - i]) : -1 }
    /// The i-th buffer item (0 = first; the root is 0, after word n), or −1.
    @inline(__always) func b(_ i: Int) -> Int {
        let k = next + i
        return k <= n ? k : (k == n + 1 ? 0 : -1)
    }

    /// Whether `action` can be applied.
    @inline(__always) func isValid(_ action: Action) -> Bool {
        switch action {
        case .shift: return next <= n
        case .right: return stack.count >= 2
        case .left: return !stack.isEmpty && (next <= n || stack.count == 1)
        }
    }

    /// The one valid action when there is no choice (stack empty: SHIFT; only the root left
    /// in the buffer: RIGHT, then LEFT for the last word), else nil.
    var onlyValidAction: Action? {
        if stack.isEmpty { return next <= n ? .shift : nil }
        if next > n { return stack.count >= 2 ? .right : .left }
        return nil
    }

    /// The head the stack top would get from `action` (LEFT or RIGHT).
    @inline(__always) func head(for action: Action) -> Int { action == .left ? b(0) : s(1) }

    /// Applies a valid action; LEFT and RIGHT attach the stack top with `label`.
    /// - Complexity: O(1).
    mutating func apply(_ action: Action, label: Int = -1) {
        switch action {
        case .shift:
            stack.append(Int32(next))
            next += 1
        case .left, .right:
            let h = head(for: action)
            let d = Int(stack.removeLast())
            attach(d, to: h, label: label)
        }
    }

    private mutating func attach(_ d: Int, to h: Int, label: Int) {
        heads[d] = Int32(h)
        labels[d] = Int32(label)
        let bit: UInt64 = label >= 0 ? 1 << UInt64(label & 63) : 0
        let d32 = Int32(d)
        // The root is after every word.
        if h == 0 || d < h {
            if left1[h] < 0 || d < left1[h] { left2[h] = left1[h]; left1[h] = d32 }
            else if left2[h] < 0 || d < left2[h] { left2[h] = d32 }
            leftCount[h] &+= leftCount[h] < 255 ? 1 : 0
            leftLabels[h] |= bit
        } else {
            if right1[h] < 0 || d > right1[h] { right2[h] = right1[h]; right1[h] = d32 }
            else if right2[h] < 0 || d > right2[h] { right2[h] = d32 }
            rightCount[h] &+= rightCount[h] < 255 ? 1 : 0
            rightLabels[h] |= bit
        }
    }
}
