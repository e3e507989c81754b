import CLibXML2
import Foundation

/// A streaming XML writer over libxml2's `xmlTextWriter`, bound to a `ByteSink`.
///
/// Text and attribute values are escaped by libxml2; characters XML 1.0 cannot carry are
/// replaced by U+FFFD first (`String.xmlSafe`). Names are checked to be valid XML names
/// before they are written, so a caller cannot produce a broken document.
public final class XMLWriter {
    private final class Context {
        let sink: ByteSink
        var error: Error?
        init(sink: ByteSink) { self.sink = sink }
    }

    private var writer: xmlTextWriterPtr?
    private let context: Context
    private var contextRetained: Unmanaged<Context>
    private var ended = false

    /// Creates a writer; `indent` pretty-prints with two spaces.
    public init(sink: ByteSink, indent: Bool = true) throws {
        _ = LibXML.ready
        LibXML.silence()
        context = Context(sink: sink)
        contextRetained = Unmanaged.passRetained(context)
        let writeCallback: xmlOutputWriteCallback = { ctx, buffer, len in
            guard let ctx, let buffer else { return -1 }
            let context = Unmanaged<Context>.fromOpaque(ctx).takeUnretainedValue()
            if context.error != nil { return -1 }
            do {
                try context.sink.write(UnsafeRawBufferPointer(start: buffer, count: Int(len)))
                return len
            } catch {
                context.error = error
                return -1
            }
        }
        guard let output = xmlOutputBufferCreateIO(writeCallback, nil, contextRetained.toOpaque(), nil) else {
            contextRetained.release()
            throw XMLError(message: "cannot create an XML output buffer")
        }
        guard let w = xmlNewTextWriter(output) else {
            xmlOutputBufferClose(output)
            contextRetained.release()
            throw XMLError(message: "cannot create an XML writer")
        }
        writer = w
        if indent {
            xmlTextWriterSetIndent(w, 1)
            xmlTextWriterSetIndentString(w, "  ")
        }
    }

    deinit {
        if let writer { xmlFreeTextWriter(writer) }
        contextRetained.release()
    }

    private func check(_ result: Int32, _ what: @autoclosure () -> String) throws {
        if result < 0 {
            if let error = context.error { throw error }
            throw XMLError(message: "libxml2 failed to write \(what())")
        }
    }

    private var w: xmlTextWriterPtr {
        get throws {
            guard let writer, !ended else { throw XMLError(message: "the XML writer is already finished") }
            return writer
        }
    }

    /// Whether `name` is a valid XML name, optionally with one prefix (`rdf:type`).
    public static func isName(_ name: String) -> Bool {
        _ = LibXML.ready
        LibXML.silence()
        let parts = name.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { return false }
        return parts.allSatisfy { part in
            !part.isEmpty && String(part).withCString { xmlValidateNCName(UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self), 0) == 0 }
        }
    }

    private func checkName(_ name: String) throws {
        guard Self.isName(name) else { throw XMLError(message: "'\(name)' is not a valid XML name") }
    }

    public func startDocument() throws {
        try check(xmlTextWriterStartDocument(try w, "1.0", "UTF-8", nil), "the XML declaration")
    }

    public func startElement(_ name: String) throws {
        try checkName(name)
        try check(xmlTextWriterStartElement(try w, name), "<\(name)>")
    }

    public func attribute(_ name: String, _ value: String) throws {
        try checkName(name)
        try check(xmlTextWriterWriteAttribute(try w, name, value.xmlSafe), "attribute \(name)")
    }

    public func text(_ value: String) throws {
        try check(xmlTextWriterWriteString(try w, value.xmlSafe), "text")
    }

    public func endElement() throws {
        try check(xmlTextWriterEndElement(try w), "an end tag")
    }

    /// Writes `<name attributes...>text</name>`.
    public func element(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], text value: String? = nil) throws {
        try startElement(name)
        for (k, v) in attributes { try attribute(k, v) }
        if let value { try text(value) }
        try endElement()
    }

    public func comment(_ value: String) throws {
        let safe = value.xmlSafe.replacingOccurrences(of: "--", with: "- -")
        try check(xmlTextWriterWriteComment(try w, safe), "a comment")
    }

    /// Closes every open element, flushes and finishes the sink.
    public func endDocument() throws {
        try check(xmlTextWriterEndDocument(try w), "the end of the document")
        try check(xmlTextWriterFlush(try w), "the output")
        xmlFreeTextWriter(writer)
        writer = nil
        ended = true
        if let error = context.error { throw error }
        try context.sink.finish()
    }
}

