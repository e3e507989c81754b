import CLibXML2
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A pull reader over libxml2's `xmlTextReader`: one node at a time, constant memory.
///
/// Safe by construction: no network access (`XML_PARSE_NONET`), no DTD loading, no entity
/// substitution, libxml2's default size limits; a document type declaration is refused; an
/// element with more than `XMLAttributeScanner.defaultLimit` (256) attributes is refused before
/// libxml2 sees it (its attribute handling is worse than quadratic), by a linear pre-scan of
/// the same buffered reads that feed the parser.
/// Element and namespace names are interned by libxml2's dictionary, so `localName` and
/// `namespaceURI` return cached Swift strings without re-decoding them at every node.
///
/// ```swift
/// let r = try XMLStreamReader(file: "graph.rdf")
/// while try r.read() {
///     if r.nodeKind == .element, r.localName == "label" { print(try r.readText()) }
/// }
/// ```
public final class XMLStreamReader {
    /// The kinds of node the reader stops at (libxml2's `xmlReaderTypes`, reduced).
    public enum NodeKind: Sendable, Equatable {
        case element, endElement, text, whitespace, comment, other
    }

    /// The file or stream name used in errors.
    public let source: String
    private let reader: OpaquePointer
    private let errors = ErrorBox()
    private var buffer: UnsafeMutableBufferPointer<CChar>?
    /// The file being read, pre-scanned chunk by chunk (nil for bytes in memory).
    private let input: ScannedInput?
    private var names: [UnsafeRawPointer: String] = [:]

    /// The kind of the current node.
    public private(set) var nodeKind: NodeKind = .other

    static let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)

    /// Opens a file for streaming.
    /// - Throws: `XMLError` when the file cannot be opened.
    public init(file path: String) throws {
        _ = LibXML.ready
        LibXML.silence()
        guard let input = ScannedInput(path: path) else {
            throw XMLError(source: path, message: "cannot open the file")
        }
        let context = Unmanaged.passUnretained(input).toOpaque()
        guard let r = xmlReaderForIO({ context, buffer, length in
            guard let context, let buffer, length > 0 else { return -1 }
            return Unmanaged<ScannedInput>.fromOpaque(context).takeUnretainedValue().read(into: buffer, length: Int(length))
        }, nil, context, path, nil, Self.options) else {
            if let line = input.refusedLine { throw input.scanner.error(source: path, line: line) }
            throw XMLError(source: path, message: "cannot open the file")
        }
        source = path
        reader = r
        self.input = input
        install()
    }

    /// Reads XML held in memory; `source` names it in errors.
    public init(bytes: [UInt8], source: String) throws {
        _ = LibXML.ready
        LibXML.silence()
        try XMLAttributeScanner.check(bytes, source: source)
        // libxml2 reads the buffer in place while parsing, so it is copied to memory this
        // reader owns (a Swift array's storage must not escape its closure).
        let buffer = UnsafeMutableBufferPointer<CChar>.allocate(capacity: max(bytes.count, 1))
        UnsafeMutableRawBufferPointer(buffer).copyBytes(from: bytes)
        guard let r = xmlReaderForMemory(buffer.baseAddress, Int32(bytes.count), source, nil, Self.options) else {
            buffer.deallocate()
            throw XMLError(source: source, message: "cannot read the document")
        }
        self.source = source
        self.buffer = buffer
        reader = r
        input = nil
        install()
    }

    deinit {
        xmlFreeTextReader(reader)
        buffer?.deallocate()
    }

    private func install() {
        let box = Unmanaged.passUnretained(errors).toOpaque()
        xmlTextReaderSetStructuredErrorHandler(reader, { ctx, error in
            guard let ctx, let error else { return }
            let box = Unmanaged<ErrorBox>.fromOpaque(ctx).takeUnretainedValue()
            guard box.first == nil, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
            var message = error.pointee.message.map { String(cString: $0) } ?? "not well-formed XML"
            while let last = message.last, last.isNewline || last == " " { message.removeLast() }
            box.first = (Int(error.pointee.line), Int(error.pointee.int2), message)
        }, box)
    }

    /// Moves to the next node.
    /// - Returns: `false` at the end of the document.
    /// - Throws: `XMLError` with the file, line and libxml2's message when the document is not
    ///   well-formed, or has a document type declaration.
    public func read() throws -> Bool {
        let status = xmlTextReaderRead(reader)
        if status < 0 || errors.first != nil { throw error() }
        if status == 0 { return false }
        switch xmlTextReaderNodeType(reader) {
        case Int32(XML_READER_TYPE_ELEMENT.rawValue): nodeKind = .element
        case Int32(XML_READER_TYPE_END_ELEMENT.rawValue): nodeKind = .endElement
        case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue): nodeKind = .text
        case Int32(XML_READER_TYPE_WHITESPACE.rawValue), Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue):
            nodeKind = .whitespace
        case Int32(XML_READER_TYPE_COMMENT.rawValue): nodeKind = .comment
        case Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue), Int32(XML_READER_TYPE_ENTITY_REFERENCE.rawValue):
            throw XMLError(source: source, line: line, message: "documents with a DTD or entity references are refused (no entities are read)")
        default: nodeKind = .other
        }
        return true
    }

    private func error() -> XMLError {
        if let input, let line = input.refusedLine { return input.scanner.error(source: source, line: line) }
        if let (line, column, message) = errors.first {
            return XMLError(source: source, line: line > 0 ? line : nil, column: column > 0 ? column : nil, message: message)
        }
        return XMLError(source: source, line: line, message: "not well-formed XML")
    }

    /// The line of the current node in the input (1-based), or nil when unknown.
    public var line: Int? {
        let n = xmlTextReaderGetParserLineNumber(reader)
        return n > 0 ? Int(n) : nil
    }

    /// The depth of the current node (the root element is at 0).
    public var depth: Int { Int(xmlTextReaderDepth(reader)) }

    /// Whether the current element is empty (`<a/>`): no end-element node follows it.
    public var isEmptyElement: Bool { xmlTextReaderIsEmptyElement(reader) == 1 }

    private func interned(_ p: UnsafePointer<xmlChar>?) -> String {
        guard let p else { return "" }
        let key = UnsafeRawPointer(p)
        if let s = names[key] { return s }
        let s = String(cString: p)
        names[key] = s
        return s
    }

    /// The local name of the current element ("Statement" for `rdf:Statement`).
    /// - Complexity: O(1) after the first time a name is seen.
    public var localName: String { interned(xmlTextReaderConstLocalName(reader)) }

    /// The namespace URI of the current element, or "" when it has none.
    public var namespaceURI: String { interned(xmlTextReaderConstNamespaceUri(reader)) }

    /// The text of the current text node.
    public var value: String {
        guard let p = xmlTextReaderConstValue(reader) else { return "" }
        return String(cString: p)
    }

    /// The value of the attribute with this namespace URI and local name on the current element.
    public func attribute(_ namespace: String, _ name: String) -> String? {
        let p = name.withCString { n in
            namespace.withCString { ns in
                n.withMemoryRebound(to: xmlChar.self, capacity: 1) { n in
                    ns.withMemoryRebound(to: xmlChar.self, capacity: 1) { xmlTextReaderGetAttributeNs(reader, n, $0) }
                }
            }
        }
        guard let p else { return nil }
        defer { kg_xmlFree(p) }
        return String(cString: p)
    }

    /// Reads the character data of the current element up to its end tag, and stops there.
    /// - Throws: `XMLError` when the element has child elements, or the document is malformed.
    public func readText() throws -> String {
        if isEmptyElement { return "" }
        let name = localName
        var text = ""
        while try read() {
            switch nodeKind {
            case .text, .whitespace: text += value
            case .endElement: return text
            case .element:
                throw XMLError(source: source, line: line, message: "unexpected element '\(localName)' inside '\(name)'; expected text")
            case .comment, .other: break
            }
        }
        throw XMLError(source: source, line: line, message: "the document ends inside '\(name)'")
    }

    /// Skips the current element with everything inside it, stopping at its end tag.
    public func skipElement() throws {
        if isEmptyElement { return }
        let start = depth
        while try read() {
            if nodeKind == .endElement && depth == start { return }
        }
        throw XMLError(source: source, line: line, message: "the document ends inside an element")
    }
}

/// A file read for libxml2 in chunks, each pre-scanned by an `XMLAttributeScanner` before
/// libxml2 gets it: the chunk holding an element with too many attributes is refused (the
/// read fails), so libxml2 never parses that element.
private final class ScannedInput {
    let fd: Int32
    var scanner = XMLAttributeScanner()
    /// The line of the refused element, once one is found.
    var refusedLine: Int?

    init?(path: String) {
        fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 { return nil }
    }

    deinit { close(fd) }

    /// Fills `buffer` with the next bytes; 0 at the end, -1 on an error or a refusal.
    func read(into buffer: UnsafeMutablePointer<CChar>, length: Int) -> Int32 {
        if refusedLine != nil { return -1 }
        var n: Int
        repeat { n = readBytes(fd, buffer, length) } while n < 0 && errno == EINTR
        if n <= 0 { return Int32(n) }
        if let line = scanner.scan(UnsafeRawBufferPointer(start: buffer, count: n)) {
            refusedLine = line
            return -1
        }
        return Int32(n)
    }
}

/// `read(2)` (the name is taken inside `ScannedInput`).
private func readBytes(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int { read(fd, buffer, count) }

/// The first error libxml2 reported, kept by the structured error handler.
private final class ErrorBox {
    var first: (Int, Int, String)?
}
