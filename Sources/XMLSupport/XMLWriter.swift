import CLibXML2
import Foundation

/// An XML name checked once (`rdf:Statement`), for the hot paths of the serializers.
///
/// Names are interned for the life of the process (one copy of each distinct name), so a name
/// is a pointer and a length: pushing it on the writer's stack of open elements costs no
/// reference counting.
public struct XMLName: @unchecked Sendable, Hashable {
    @usableFromInline let start: UnsafePointer<UInt8>
    @usableFromInline let count: Int
    /// The name as written.
    public var string: String { String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self) }

    /// - Throws: `XMLError` when `name` is not a valid XML name (optionally with one prefix).
    public init(_ name: String) throws {
        guard XMLWriter.isName(name) else { throw XMLError(message: "'\(name)' is not a valid XML name") }
        (start, count) = Self.intern(name)
    }

    public static func == (a: XMLName, b: XMLName) -> Bool { a.start == b.start }
    public func hash(into hasher: inout Hasher) { hasher.combine(start) }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var table: [String: UnsafePointer<UInt8>] = [:]

    private static func intern(_ name: String) -> (UnsafePointer<UInt8>, Int) {
        let count = name.utf8.count
        lock.lock()
        defer { lock.unlock() }
        if let p = table[name] { return (p, count) }
        let p = UnsafeMutablePointer<UInt8>.allocate(capacity: max(count, 1))
        _ = UnsafeMutableBufferPointer(start: p, count: count).initialize(from: name.utf8)
        table[name] = UnsafePointer(p)
        return (UnsafePointer(p), count)
    }
}

/// A streaming XML writer over libxml2's `xmlTextWriter`, bound to a `ByteSink`.
///
/// Text and attribute values are escaped exactly as libxml2 2.9's `xmlTextWriterWriteString`
/// and `xmlTextWriterWriteAttribute` escape them (text: `&`, `<`, `>`, `"` and CR; attribute
/// values: also LF and tab, as character references); characters XML 1.0 cannot carry are
/// replaced by U+FFFD first (`String.xmlSafe`). Names are checked to be valid XML names
/// before they are written, so a caller cannot produce a broken document.
///
/// By default (`chunked`) the writer escapes and indents the markup itself, exactly as
/// libxml2's indenting writer does, into a reusable buffer, and hands it to the
/// `xmlTextWriter` in chunks of 64 KiB with `xmlTextWriterWriteRawLen`: the same bytes with
/// one libxml2 call per chunk instead of several per element. `chunked: false` makes one
/// libxml2 call per element, attribute and text (the reference the tests compare with).
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
    private let indent: Bool
    private let chunked: Bool

    // The chunked mode's mirror of xmlTextWriter's state. Only this class touches it, never
    // from two places at once, so the dynamic exclusivity checks are left out (they cost a
    // quarter of the export's time).
    @exclusivity(unchecked) private var buffer: UnsafeMutablePointer<UInt8>
    @exclusivity(unchecked) private var count = 0
    @exclusivity(unchecked) private var capacity: Int
    /// The names of the open elements, innermost last.
    @exclusivity(unchecked) private var open: [XMLName] = []
    /// Whether the innermost start tag is still open (`<a x="1"`, libxml2's state NAME).
    @exclusivity(unchecked) private var tagOpen = false
    /// libxml2's `doindent`: whether an end tag after content gets indented (not after text).
    @exclusivity(unchecked) private var doIndent = true
    private var names: [String: XMLName] = [:]
    private static let chunkSize = 1 << 16

    /// Creates a writer; `indent` pretty-prints with two spaces.
    public init(sink: ByteSink, indent: Bool = true, chunked: Bool = true) throws {
        _ = LibXML.ready
        LibXML.silence()
        self.indent = indent
        self.chunked = chunked
        capacity = Self.chunkSize * 2
        buffer = .allocate(capacity: capacity)
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
            buffer.deallocate()
            throw XMLError(message: "cannot create an XML output buffer")
        }
        guard let w = xmlNewTextWriter(output) else {
            xmlOutputBufferClose(output)
            contextRetained.release()
            buffer.deallocate()
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
        buffer.deallocate()
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

    /// A checked name; names are checked once per writer.
    private func checkedName(_ name: String) throws -> XMLName {
        if let n = names[name] { return n }
        let n = try XMLName(name)
        names[name] = n
        return n
    }

    // MARK: Chunked mode

    /// Hands the buffered bytes to libxml2's writer.
    private func flush() throws {
        guard count > 0 else { return }
        let result = xmlTextWriterWriteRawLen(try w, buffer, Int32(count))
        count = 0
        try check(result, "the output")
    }

    /// Makes room for `n` more bytes.
    @inline(__always)
    private func reserve(_ n: Int) {
        if count + n > capacity { grow(n) }
    }

    private func grow(_ n: Int) {
        let newCapacity = max(capacity * 2, count + n)
        let b = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        b.update(from: buffer, count: count)
        buffer.deallocate()
        buffer = b
        capacity = newCapacity
    }

    /// Appends a byte; `reserve` made room.
    @inline(__always)
    private func put(_ b: UInt8) {
        buffer[count] = b
        count += 1
    }

    @inline(__always)
    private func put(_ p: UnsafePointer<UInt8>, _ n: Int) {
        (buffer + count).update(from: p, count: n)
        count += n
    }

    @inline(__always)
    private func putIndent(_ depth: Int) {
        reserve(2 * depth)
        (buffer + count).update(repeating: 0x20, count: 2 * depth)
        count += 2 * depth
    }

    /// Closes an open start tag before content (libxml2: `>`, and a newline when indenting
    /// before a child element or comment).
    @inline(__always)
    private func closeStartTag(newline: Bool) {
        if tagOpen {
            reserve(2)
            put(UInt8(ascii: ">"))
            if newline && indent { put(0x0A) }
            tagOpen = false
        }
    }

    private func rawStart(_ name: XMLName) throws {
        guard !ended else { throw XMLError(message: "the XML writer is already finished") }
        closeStartTag(newline: true)
        if indent { putIndent(open.count) }
        reserve(name.count + 1)
        put(UInt8(ascii: "<"))
        put(name.start, name.count)
        open.append(name)
        tagOpen = true
    }

    private func rawAttribute(_ name: XMLName, _ value: String) throws {
        guard tagOpen else { throw XMLError(message: "libxml2 failed to write attribute \(name.string)") }
        reserve(name.count + 3)
        put(0x20)
        put(name.start, name.count)
        put(UInt8(ascii: "=")); put(UInt8(ascii: "\""))
        appendEscaped(value, attribute: true)
        reserve(1)
        put(UInt8(ascii: "\""))
    }

    private func rawText(_ value: String) {
        guard !open.isEmpty else { return }
        closeStartTag(newline: false)
        if indent { doIndent = false }
        appendEscaped(value, attribute: false)
    }

    private func rawEnd() throws {
        guard let name = open.popLast() else { throw XMLError(message: "libxml2 failed to write an end tag") }
        if tagOpen {
            reserve(3)
            put(UInt8(ascii: "/")); put(UInt8(ascii: ">"))
            if indent { doIndent = true }
            tagOpen = false
        } else {
            if indent && doIndent { putIndent(open.count) }
            doIndent = true
            reserve(name.count + 4)
            put(UInt8(ascii: "<")); put(UInt8(ascii: "/"))
            put(name.start, name.count)
            put(UInt8(ascii: ">"))
        }
        if indent { put(0x0A) }
        if count >= Self.chunkSize { try flush() }
    }

    /// Appends `value` escaped as libxml2 2.9 escapes text (`xmlEncodeSpecialChars`: & < > "
    /// and CR) or attribute values (also LF and tab), with the characters XML 1.0 cannot carry
    /// (C0 controls but tab, LF and CR; U+FFFE, U+FFFF) replaced by U+FFFD, as `xmlSafe` does.
    private func appendEscaped(_ value: String, attribute: Bool) {
        if value.utf8.withContiguousStorageIfAvailable({ appendEscaped($0, attribute: attribute) }) == nil {
            var copy = value
            copy.withUTF8 { appendEscaped($0, attribute: attribute) }
        }
    }

    private func appendEscaped(_ src: UnsafeBufferPointer<UInt8>, attribute: Bool) {
        let n = src.count
        guard n > 0, let base = src.baseAddress else { return }
        // The longest replacement, "&quot;", is 6 bytes for 1.
        reserve(6 * n)
        var i = 0
        var run = 0  // start of the pending run of bytes copied as they are
        while i < n {
            let b = base[i]
            // Fast path: bytes that are never replaced.
            if b >= 0x20 && b != UInt8(ascii: "&") && b != UInt8(ascii: "<") && b != UInt8(ascii: ">")
                && b != UInt8(ascii: "\"") && b != 0xEF {
                i += 1
                continue
            }
            let replacement: StaticString
            var skip = 1
            switch b {
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case UInt8(ascii: "\""): replacement = "&quot;"
            case 0x0D: replacement = "&#13;"
            case 0x0A:
                guard attribute else { i += 1; continue }
                replacement = "&#10;"
            case 0x09:
                guard attribute else { i += 1; continue }
                replacement = "&#9;"
            case 0..<0x20: replacement = "\u{FFFD}"
            case 0xEF where i + 2 < n && base[i + 1] == 0xBF && (base[i + 2] == 0xBE || base[i + 2] == 0xBF):
                replacement = "\u{FFFD}"
                skip = 3
            default:
                i += 1
                continue
            }
            if run < i { put(base + run, i - run) }
            put(replacement.utf8Start, replacement.utf8CodeUnitCount)
            i += skip
            run = i
        }
        if run < n { put(base + run, n - run) }
    }

    private func appendDecimal(_ v: Int) {
        reserve(21)
        if v < 0 { put(UInt8(ascii: "-")) }
        var m = v.magnitude
        let first = count
        repeat {
            put(UInt8(ascii: "0") + UInt8(m % 10))
            m /= 10
        } while m > 0
        var digits = UnsafeMutableBufferPointer(start: buffer + first, count: count - first)
        digits.reverse()
    }

    // MARK: Writing

    public func startDocument() throws {
        try flush()
        try check(xmlTextWriterStartDocument(try w, "1.0", "UTF-8", nil), "the XML declaration")
    }

    public func startElement(_ name: String) throws {
        if chunked { return try rawStart(try checkedName(name)) }
        try checkName(name)
        try check(xmlTextWriterStartElement(try w, name), "<\(name)>")
    }

    /// Starts an element whose name was checked before.
    public func startElement(_ name: XMLName) throws {
        if chunked { return try rawStart(name) }
        try check(xmlTextWriterStartElement(try w, name.string), "<\(name.string)>")
    }

    public func attribute(_ name: String, _ value: String) throws {
        if chunked { return try rawAttribute(try checkedName(name), value) }
        try checkName(name)
        try check(xmlTextWriterWriteAttribute(try w, name, value.xmlSafe), "attribute \(name)")
    }

    public func attribute(_ name: XMLName, _ value: String) throws {
        if chunked { return try rawAttribute(name, value) }
        try check(xmlTextWriterWriteAttribute(try w, name.string, value.xmlSafe), "attribute \(name.string)")
    }

    public func text(_ value: String) throws {
        if chunked { return rawText(value) }
        try check(xmlTextWriterWriteString(try w, value.xmlSafe), "text")
    }

    /// Writes an integer as text, in decimal.
    public func text(_ value: Int) throws {
        if chunked {
            guard !open.isEmpty else { return }
            closeStartTag(newline: false)
            if indent { doIndent = false }
            appendDecimal(value)
            return
        }
        try text(String(value))
    }

    public func endElement() throws {
        if chunked { return try rawEnd() }
        try check(xmlTextWriterEndElement(try w), "an end tag")
    }

    /// Writes `<name attributes...>text</name>`.
    public func element(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], text value: String? = nil) throws {
        try startElement(name)
        for (k, v) in attributes { try attribute(k, v) }
        if let value { try text(value) }
        try endElement()
    }

    /// Writes `<name>text</name>`.
    public func element(_ name: XMLName, text value: String) throws {
        try startElement(name)
        try text(value)
        try endElement()
    }

    /// Writes `<name>integer</name>`.
    public func element(_ name: XMLName, integer value: Int) throws {
        try startElement(name)
        try text(value)
        try endElement()
    }

    /// Writes `<name attribute="value"/>`, or `<name attribute="value">text</name>` with text.
    public func element(_ name: XMLName, _ attribute: XMLName, _ value: String, text: String? = nil) throws {
        try startElement(name)
        try self.attribute(attribute, value)
        if let text { try self.text(text) }
        try endElement()
    }

    /// Writes `<name attribute="value">integer</name>`.
    public func element(_ name: XMLName, _ attribute: XMLName, _ value: String, integer: Int) throws {
        try startElement(name)
        try self.attribute(attribute, value)
        try text(integer)
        try endElement()
    }

    public func comment(_ value: String) throws {
        let safe = value.xmlSafe.replacingOccurrences(of: "--", with: "- -")
        if chunked {
            guard !ended else { throw XMLError(message: "the XML writer is already finished") }
            closeStartTag(newline: true)
            if indent { putIndent(open.count) }
            let bytes = Array("<!--\(safe)-->".utf8)
            reserve(bytes.count + 1)
            bytes.withUnsafeBufferPointer { put($0.baseAddress!, $0.count) }
            // libxml2 writes the comment's content through xmlTextWriterWriteRaw, which clears doindent.
            if indent { put(0x0A); doIndent = false }
            return
        }
        try check(xmlTextWriterWriteComment(try w, safe), "a comment")
    }

    /// Closes every open element, flushes and finishes the sink.
    public func endDocument() throws {
        if chunked {
            _ = try w
            while !open.isEmpty { try rawEnd() }
            try flush()
        }
        try check(xmlTextWriterEndDocument(try w), "the end of the document")
        try check(xmlTextWriterFlush(try w), "the output")
        xmlFreeTextWriter(writer)
        writer = nil
        ended = true
        if let error = context.error { throw error }
        try context.sink.finish()
    }
}
