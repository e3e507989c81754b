/// What can go wrong in the `Syntax` module: bad CoNLL-U input and bad model bytes.
public enum SyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A CoNLL-U line that cannot be read: `source:line: message`.
    case conllu(source: String, line: Int, message: String)
    /// Model bytes that are not a kg syntax model, or are truncated or corrupt.
    case malformedModel(String)
    /// A kg syntax model of another format or feature version than this code reads.
    case versionMismatch(String)

    public var description: String {
        switch self {
        case let .conllu(source, line, message): return "\(source):\(line): \(message)"
        case let .malformedModel(message): return "malformed syntax model: \(message)"
        case let .versionMismatch(message): return "syntax model version mismatch: \(message)"
        }
    }
}
