import CLibXML2

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
/// No network access, no DTD loading, no entity substitution, libxml2's default limits
/// on depth and text size (no `XML_PARSE_HUGE`).
public enum XMLDocumentParser {
    static let safeOptions: Int32 = Int32(XML_PARSE_NONET.rawValue)

    /// Parses the file at `path`.
    /// - Throws: `XMLError` naming the file, line and libxml2's message.
    public static func parse(file path: String) throws -> XMLElementNode {
        _ = LibXML.ready
        LibXML.silence()
        guard let ctxt = xmlNewParserCtxt() else { throw XMLError(source: path, message: "out of memory") }
        defer { xmlFreeParserCtxt(ctxt) }
        let doc = xmlCtxtReadFile(ctxt, path, nil, safeOptions | Int32(XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue))
        return try convert(doc, ctxt: ctxt, source: path)
    }

    /// Parses XML held in memory; `source` names it in errors.
    public static func parse(bytes: [UInt8], source: String) throws -> XMLElementNode {
        _ = LibXML.ready
        LibXML.silence()
        guard let ctxt = xmlNewParserCtxt() else { throw XMLError(source: source, message: "out of memory") }
        defer { xmlFreeParserCtxt(ctxt) }
        let doc = bytes.withUnsafeBufferPointer { buf in
            buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) {
                xmlCtxtReadMemory(ctxt, $0, Int32(buf.count), source, nil,
                                  safeOptions | Int32(XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue))
            }
        }
        return try convert(doc, ctxt: ctxt, source: source)
    }

    private static func convert(_ doc: xmlDocPtr?, ctxt: xmlParserCtxtPtr, source: String) throws -> XMLElementNode {
        guard let doc, ctxt.pointee.wellFormed != 0 else {
            if let doc { xmlFreeDoc(doc) }
            let err = ctxt.pointee.lastError
            let message = err.message.map { String(cString: $0).trimmingTrailingNewlines } ?? "not well-formed XML"
            throw XMLError(source: source, line: err.line > 0 ? Int(err.line) : nil,
                           column: err.int2 > 0 ? Int(err.int2) : nil, message: message)
        }
        defer { xmlFreeDoc(doc) }
        if doc.pointee.intSubset != nil || doc.pointee.extSubset != nil {
            throw XMLError(source: source, message: "documents with a DTD are refused (no entities are read)")
        }
        guard let root = xmlDocGetRootElement(doc) else {
            throw XMLError(source: source, message: "the document has no root element")
        }
        return element(root)
    }

    private static func string(_ p: UnsafePointer<xmlChar>?) -> String {
        guard let p else { return "" }
        return String(cString: p)
    }

    private static func element(_ node: xmlNodePtr) -> XMLElementNode {
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
            case XML_ELEMENT_NODE: children.append(element(c))
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
