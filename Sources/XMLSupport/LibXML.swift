import CLibXML2

/// Initializes libxml2 exactly once, before any other use.
///
/// Two threads that touch libxml2 for the first time at once can deadlock inside
/// `xmlDictCreate`; Swift's lazy globals run their initializer exactly once, so every
/// entry point of this module evaluates `LibXML.ready` first.
enum LibXML {
    static let ready: Bool = {
        xmlInitParser()
        silence()
        return true
    }()

    /// libxml2 prints its errors to stderr by default; kg reports them itself, as Swift errors.
    /// The handlers are per thread, so every entry point calls this.
    static func silence() {
        xmlSetGenericErrorFunc(nil, kg_silentGenericError)
        xmlThrDefSetGenericErrorFunc(nil, kg_silentGenericError)
        xmlSetStructuredErrorFunc(nil, nil)
    }
}

/// An error reported by libxml2 or by this wrapper.
public struct XMLError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The file or stream name the error is about, if any.
    public var source: String?
    public var line: Int?
    public var column: Int?
    public var message: String

    public init(source: String? = nil, line: Int? = nil, column: Int? = nil, message: String) {
        self.source = source
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        var place = source ?? ""
        if let line { place += place.isEmpty ? "line \(line)" : ":\(line)" }
        if let column, line != nil { place += ":\(column)" }
        return place.isEmpty ? message : "\(place): \(message)"
    }
}

extension String {
    /// The string with every character XML 1.0 cannot carry replaced by U+FFFD.
    ///
    /// XML 1.0 allows tab, line feed, carriage return and U+0020...U+D7FF,
    /// U+E000...U+FFFD, U+10000...; libxml2 would otherwise write a character reference
    /// such as `&#1;` that no conforming parser accepts.
    /// - Complexity: O(n); returns `self` unchanged when nothing needs replacing.
    public var xmlSafe: String {
        func allowed(_ v: UInt32) -> Bool {
            v == 0x9 || v == 0xA || v == 0xD || (0x20...0xD7FF).contains(v)
                || (0xE000...0xFFFD).contains(v) || v >= 0x10000
        }
        if unicodeScalars.allSatisfy({ allowed($0.value) }) { return self }
        var out = String.UnicodeScalarView()
        for s in unicodeScalars {
            out.append(allowed(s.value) ? s : "\u{FFFD}")
        }
        return String(out)
    }
}
