/// An error of a query: a pattern that does not parse, or a name the graph does not know.
public enum QueryError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The pattern does not parse; `offset` is the character offset of the problem in `pattern`.
    case syntax(String, pattern: String, offset: Int)
    /// No actor has this name.
    case unknownActor(String, suggestion: String?)
    /// Several actors have this name.
    case ambiguousActor(String, candidates: [String])

    /// Whether the error is a usage error (exit code 64) rather than a failed lookup (1).
    public var isUsageError: Bool {
        if case .syntax = self { return true }
        return false
    }

    public var description: String {
        switch self {
        case .syntax(let message, let pattern, let offset):
            return "pattern: \(message)\n  \(pattern)\n  \(String(repeating: " ", count: max(0, offset)))^"
        case .unknownActor(let name, let suggestion):
            if let suggestion { return "no actor '\(name)'; did you mean '\(suggestion)'?" }
            return "no actor '\(name)' in the graph"
        case .ambiguousActor(let name, let candidates):
            let shown = candidates.prefix(8).joined(separator: ", ")
            return "'\(name)' could be any of \(shown)\(candidates.count > 8 ? ", …" : ""); use a fuller name or the key"
        }
    }
}
