/// Something wrong with one input: a file, or one line of a JSON Lines stream.
///
/// `description` reads `FILE: message` or `FILE:LINE: message` (`<stdin>:3: ...` for standard
/// input); the CLI prints it after `kg: error:` or `kg: warning:`.
public struct CorpusProblem: Error, CustomStringConvertible, Sendable, Equatable {
    /// The file name, or `<stdin>`.
    public var source: String
    /// The 1-based line of a JSON Lines input, if the problem is on one line.
    public var line: Int?
    /// The 1-based column, for input with a parser that tells it (XML).
    public var column: Int?
    public var message: String
    /// A warning leaves the input usable (invalid UTF-8 replaced); an error drops it.
    public var isWarning: Bool

    public init(source: String, line: Int? = nil, column: Int? = nil, message: String, isWarning: Bool = false) {
        self.column = column
        self.source = source
        self.line = line
        self.message = message
        self.isWarning = isWarning
    }

    public var description: String {
        var place = line.map { "\(source):\($0)" } ?? source
        if let column, line != nil { place += ":\(column)" }
        return place + ": " + message
    }
}
