import CLibXML2

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An element of a parsed XML document, detached from libxml2.
public struct XMLElementNode: Sendable {
    /// The namespace URI, or "" when the element has none.
    public var namespace: String
    public var name: String
    /// Attributes keyed by "namespace local-name" pairs.
    public var attributes: [XMLAttribute]
    public var children: [XMLElementNode]
    /// The concatenated character data directly inside this element.
    public var text: String
    public var line: Int

    /// The value of the attribute with this namespace and local name.
    public func attribute(_ namespace: String, _ name: String) -> String? {
        attributes.first { $0.namespace == namespace && $0.name == name }?.value
    }
}

public struct XMLAttribute: Sendable {
    public var namespace: String
    public var name: String
    public var value: String
}

/// Parses XML documents safely into `XMLElementNode` trees.
///
/// Untrusted input is the norm (ontologies passed with `--ontology`, RDF/XML read back), so:
/// - no network access (`XML_PARSE_NONET`), no DTD loading, no entity substitution, no
///   XInclude, never `XML_PARSE_HUGE`;
/// - a document type declaration stops the parser at once: its entity declarations are never
///   read, so neither external entities (XXE) nor entity expansion (billion laughs) can happen;
/// - input is bounded before parsing (`Limits.maxBytes`, read with a bounded read, so devices
///   and pipes are safe too), and nesting depth and element count are bounded while parsing,
///   before the tree grows (`Limits.maxDepth`, `Limits.maxElements`); libxml2's own limit on a
///   single text node (10 MB) stays in force.
/// Every refusal is an `XMLError` naming the source and, when known, the line.
public enum XMLDocumentParser {
    /// Bounds on what the parser accepts.
    public struct Limits: Sendable, Equatable {
        /// The largest document, in bytes.
        public var maxBytes: Int
        /// The deepest element nesting (libxml2 refuses more than 256 in any case).
        public var maxDepth: Int
        /// The most elements in one document.
        public var maxElements: Int

        public init(maxBytes: Int = 32 << 20, maxDepth: Int = 256, maxElements: Int = 1 << 20) {
            self.maxBytes = maxBytes
            self.maxDepth = maxDepth
            self.maxElements = maxElements
        }

        public static let `default` = Limits()
    }

    /// libxml2 options: no network, no error output. Deliberately absent: `XML_PARSE_NOENT`
    /// (entity substitution), `XML_PARSE_DTDLOAD`, `XML_PARSE_DTDATTR`, `XML_PARSE_XINCLUDE`
    /// and `XML_PARSE_HUGE`.
    static let safeOptions: Int32 = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)

    /// Parses the file at `path`.
    /// - Throws: `XMLError` naming the file, line and what is wrong.
    /// - Complexity: O(n) time and memory in the size of the file, at most `limits.maxBytes`.
    public static func parse(file path: String, limits: Limits = .default) throws -> XMLElementNode {
        let bytes = try readBounded(path, limit: limits.maxBytes)
        return try parse(bytes: bytes, source: path, limits: limits)
    }

    /// Parses XML held in memory; `source` names it in errors.
    /// - Throws: `XMLError` naming `source`, the line and what is wrong.
    public static func parse(bytes: [UInt8], source: String, limits: Limits = .default) throws -> XMLElementNode {
        _ = LibXML.ready
        LibXML.silence()
        guard !bytes.isEmpty else { throw XMLError(source: source, message: "the document is empty") }
        guard bytes.count <= limits.maxBytes, bytes.count <= Int(Int32.max) else {
            throw XMLError(source: source, message: "the document is \(bytes.count) bytes; the limit is \(limits.maxBytes)")
        }
        // libxml2's attribute handling is worse than quadratic: refuse absurd elements first.
        try XMLAttributeScanner.check(bytes, source: source)
        // The push parser reads the first bytes for encoding detection when created, and
        // parses nothing before the hooks below are installed.
        let head = min(4, bytes.count)
        let ctxt: xmlParserCtxtPtr? = bytes.withUnsafeBufferPointer { buf in
            buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) {
                xmlCreatePushParserCtxt(nil, nil, $0, Int32(head), source)
            }
        }
        guard let ctxt else { throw XMLError(source: source, message: "out of memory") }
        defer {
            if let doc = ctxt.pointee.myDoc { xmlFreeDoc(doc) }
            ctxt.pointee.myDoc = nil
            xmlFreeParserCtxt(ctxt)
        }
        xmlCtxtUseOptions(ctxt, safeOptions)
        let state = ParseState(limits: limits)
        try withExtendedLifetime(state) {
            ctxt.pointee._private = Unmanaged.passUnretained(state).toOpaque()
            install(ctxt)
            bytes.withUnsafeBufferPointer { buf in
                buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) {
                    _ = xmlParseChunk(ctxt, $0 + head, Int32(buf.count - head), 1)
                }
            }
            ctxt.pointee._private = nil
            if let refusal = state.refusal {
                throw XMLError(source: source, line: state.line > 0 ? state.line : nil, message: refusal)
            }
        }
        guard let doc = ctxt.pointee.myDoc, ctxt.pointee.wellFormed != 0 else {
            let err = ctxt.pointee.lastError
            let message = err.message.map { String(cString: $0).trimmingTrailingNewlines } ?? "not well-formed XML"
            throw XMLError(source: source, line: err.line > 0 ? Int(err.line) : nil,
                           column: err.int2 > 0 ? Int(err.int2) : nil, message: message)
        }
        if doc.pointee.intSubset != nil || doc.pointee.extSubset != nil {
            throw XMLError(source: source, message: Self.dtdRefusal)
        }
        guard let root = xmlDocGetRootElement(doc) else {
            throw XMLError(source: source, message: "the document has no root element")
        }
        return element(root, depth: 1, limit: limits.maxDepth)
    }

    static let dtdRefusal = "documents with a DTD (<!DOCTYPE ...>) are refused: kg reads no DTDs and expands no entities"

    /// What the SAX hooks saw; reached through the parser context's `_private`.
    private final class ParseState {
        let limits: Limits
        var elements = 0
        var refusal: String?
        var line = 0
        init(limits: Limits) { self.limits = limits }
    }

    private static func state(_ ctx: UnsafeMutableRawPointer?) -> (xmlParserCtxtPtr, ParseState)? {
        guard let ctx else { return nil }
        let ctxt = ctx.assumingMemoryBound(to: xmlParserCtxt.self)
        guard let p = ctxt.pointee._private else { return nil }
        return (ctxt, Unmanaged<ParseState>.fromOpaque(p).takeUnretainedValue())
    }

    /// Stops the parser with `message`; the first refusal wins.
    private static func refuse(_ ctx: UnsafeMutableRawPointer?, _ message: String) {
        guard let (ctxt, state) = state(ctx) else { return }
        if state.refusal == nil {
            state.refusal = message
            state.line = Int(xmlSAX2GetLineNumber(ctx))
        }
        xmlStopParser(ctxt)
    }

    /// Replaces the SAX callbacks that could read a DTD or grow the tree without bound.
    private static func install(_ ctxt: xmlParserCtxtPtr) {
        guard let sax = ctxt.pointee.sax else { return }
        sax.pointee.internalSubset = { ctx, _, _, _ in XMLDocumentParser.refuse(ctx, XMLDocumentParser.dtdRefusal) }
        sax.pointee.externalSubset = { ctx, _, _, _ in XMLDocumentParser.refuse(ctx, XMLDocumentParser.dtdRefusal) }
        sax.pointee.entityDecl = { ctx, _, _, _, _, _ in XMLDocumentParser.refuse(ctx, XMLDocumentParser.dtdRefusal) }
        sax.pointee.resolveEntity = { ctx, _, _ in
            XMLDocumentParser.refuse(ctx, "external entities are refused")
            return nil
        }
        sax.pointee.startElementNs = { ctx, localname, prefix, uri, nbNamespaces, namespaces, nbAttributes, nbDefaulted, attributes in
            guard let (ctxt, state) = XMLDocumentParser.state(ctx) else { return }
            state.elements += 1
            if state.elements > state.limits.maxElements {
                XMLDocumentParser.refuse(ctx, "more than \(state.limits.maxElements) elements; the document is too large")
                return
            }
            if Int(ctxt.pointee.nameNr) > state.limits.maxDepth {
                XMLDocumentParser.refuse(ctx, "elements nested deeper than \(state.limits.maxDepth) levels")
                return
            }
            xmlSAX2StartElementNs(ctx, localname, prefix, uri, nbNamespaces, namespaces, nbAttributes, nbDefaulted, attributes)
        }
    }

    /// Reads at most `limit` bytes of a regular file.
    private static func readBounded(_ path: String, limit: Int) throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw XMLError(source: path, message: "cannot open the file: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw XMLError(source: path, message: "cannot read the file: \(String(cString: strerror(errno)))") }
        guard (st.st_mode & S_IFMT) == S_IFREG else { throw XMLError(source: path, message: "not a regular file") }
        guard Int(st.st_size) <= limit else {
            throw XMLError(source: path, message: "the file is \(st.st_size) bytes; the limit is \(limit)")
        }
        var bytes = [UInt8](repeating: 0, count: Int(st.st_size) + 1)
        var count = 0
        while true {
            if count == bytes.count {
                // The file grew while being read.
                guard count <= limit else { throw XMLError(source: path, message: "the file is larger than the limit of \(limit) bytes") }
                bytes.append(contentsOf: [UInt8](repeating: 0, count: min(limit + 1, count * 2 + 1) - count))
            }
            let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + count, $0.count - count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw XMLError(source: path, message: "cannot read the file: \(String(cString: strerror(errno)))")
            }
            if n == 0 { break }
            count += n
        }
        guard count <= limit else { throw XMLError(source: path, message: "the file is larger than the limit of \(limit) bytes") }
        bytes.removeSubrange(count...)
        return bytes
    }

    private static func string(_ p: UnsafePointer<xmlChar>?) -> String {
        guard let p else { return "" }
        return String(cString: p)
    }

    private static func element(_ node: xmlNodePtr, depth: Int, limit: Int) -> XMLElementNode {
        var attributes: [XMLAttribute] = []
        var attr = node.pointee.properties
        while let a = attr {
            var value = ""
            if let v = xmlNodeListGetString(node.pointee.doc, a.pointee.children, 1) {
                value = string(v)
                kg_xmlFree(v)
            }
            attributes.append(XMLAttribute(namespace: string(a.pointee.ns?.pointee.href),
                                           name: string(a.pointee.name), value: value))
            attr = a.pointee.next
        }
        var children: [XMLElementNode] = []
        var text = ""
        var child = node.pointee.children
        while let c = child {
            switch c.pointee.type {
            // The SAX hook keeps depth within the limit; the check guards the recursion itself.
            case XML_ELEMENT_NODE where depth < limit: children.append(element(c, depth: depth + 1, limit: limit))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE: text += string(c.pointee.content)
            default: break
            }
            child = c.pointee.next
        }
        return XMLElementNode(namespace: string(node.pointee.ns?.pointee.href), name: string(node.pointee.name),
                              attributes: attributes, children: children, text: text,
                              line: Int(xmlGetLineNo(node)))
    }
}

extension String {
    var trimmingTrailingNewlines: String {
        var s = self
        while let last = s.last, last.isNewline || last == " " { s.removeLast() }
        return s
    }
}
