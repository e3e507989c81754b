import CLibXML2

/// The readable part of an HTML page: its title, its article paragraphs and its date.
public struct HTMLDocument: Sendable, Equatable {
    /// The page title (`og:title`, else `<title>`, else the first `<h1>`), whitespace collapsed.
    public var title: String?
    /// The article paragraphs (headings, `<p>`, list items, block quotes), in document order.
    public var paragraphs: [String]
    /// The publication date (YYYY-MM-DD) from the page metadata, if any.
    public var date: String?
    /// The canonical URL (`<link rel="canonical">` or `og:url`), if any.
    public var url: String?

    public init(title: String? = nil, paragraphs: [String] = [], date: String? = nil, url: String? = nil) {
        self.title = title
        self.paragraphs = paragraphs
        self.date = date
        self.url = url
    }

    /// The text kg extracts from: the title, then the paragraphs, separated by blank lines.
    public var text: String {
        var parts: [String] = []
        if let title, paragraphs.first != title { parts.append(title) }
        parts += paragraphs
        return parts.joined(separator: "\n\n")
    }

    /// Elements whose content is never article text.
    static let dropped: Set<String> = [
        "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "svg",
        "template", "button", "select", "textarea", "menu", "figure", "object", "embed", "canvas",
    ]
    /// Elements that make one paragraph each.
    static let blocks: Set<String> = ["p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dd", "dt", "td"]
    /// Metadata names and properties that give the publication date, best first.
    static let dateKeys: [String] = [
        "article:published_time", "datepublished", "og:published_time", "dc.date.issued", "dc.date",
        "dcterms.date", "dcterms.created", "date", "pubdate", "publishdate", "sailthru.date", "parsely-pub-date",
    ]

    /// Parses an HTML page with libxml2's HTML parser (no network, errors tolerated as browsers do).
    ///
    /// Scripts, styles, navigation, headers, footers, asides and forms are dropped. When the
    /// page has an `<article>` (or `<main>`), only its paragraphs are kept.
    /// - Parameters:
    ///   - bytes: the page; its encoding is taken from the page (`<meta charset>`), else UTF-8.
    ///   - source: the file name, for errors.
    /// - Throws: `XMLError` when libxml2 cannot build a document at all (empty input).
    /// - Complexity: O(n) in the size of the page.
    public static func parse(bytes: [UInt8], source: String) throws -> HTMLDocument {
        _ = LibXML.ready
        LibXML.silence()
        guard !bytes.isEmpty else { throw XMLError(source: source, message: "empty HTML page") }
        let options = Int32(HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue)
        let doc = bytes.withUnsafeBufferPointer { buf in
            buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) {
                htmlReadMemory($0, Int32(buf.count), source, nil, options)
            }
        }
        guard let doc else { throw XMLError(source: source, message: "not an HTML page libxml2 can read") }
        defer { xmlFreeDoc(doc) }
        guard let root = xmlDocGetRootElement(doc) else {
            throw XMLError(source: source, message: "the HTML page has no elements")
        }
        var page = Scan()
        page.visit(root)
        var result = HTMLDocument()
        result.title = page.ogTitle ?? page.title ?? page.firstH1
        let scope = page.articleParagraphs.isEmpty ? page.paragraphs : page.articleParagraphs
        result.paragraphs = scope.filter { !$0.isEmpty }
        for key in dateKeys {
            if let d = page.dates[key] { result.date = d; break }
        }
        if result.date == nil { result.date = page.timeDate }
        result.url = page.canonical ?? page.ogURL
        return result
    }

    /// One pass over the tree, collecting everything at once.
    struct Scan {
        var title: String?
        var ogTitle: String?
        var firstH1: String?
        var paragraphs: [String] = []
        var articleParagraphs: [String] = []
        var dates: [String: String] = [:]
        var timeDate: String?
        var canonical: String?
        var ogURL: String?
        var articleDepth = 0

        mutating func visit(_ node: xmlNodePtr) {
            let name = HTMLDocument.string(node.pointee.name).lowercased()
            if HTMLDocument.dropped.contains(name) { return }
            switch name {
            case "title":
                if title == nil { title = HTMLDocument.collapse(HTMLDocument.textContent(node)).nilIfEmpty }
                return
            case "meta":
                meta(node)
                return
            case "link":
                if HTMLDocument.attribute(node, "rel")?.lowercased() == "canonical", let href = HTMLDocument.attribute(node, "href") {
                    canonical = canonical ?? href.trimmed.nilIfEmpty
                }
                return
            case "time":
                if timeDate == nil, let d = HTMLDocument.attribute(node, "datetime").flatMap(HTMLDocument.isoDate) { timeDate = d }
            default:
                break
            }
            if let itemprop = HTMLDocument.attribute(node, "itemprop")?.lowercased(), itemprop == "datepublished",
               let d = (HTMLDocument.attribute(node, "content") ?? HTMLDocument.attribute(node, "datetime")).flatMap(HTMLDocument.isoDate) {
                dates[itemprop] = dates[itemprop] ?? d
            }
            if HTMLDocument.blocks.contains(name) && !containsBlock(node) {
                let text = HTMLDocument.collapse(HTMLDocument.textContent(node))
                if name == "h1", firstH1 == nil { firstH1 = text.nilIfEmpty }
                paragraphs.append(text)
                if articleDepth > 0 { articleParagraphs.append(text) }
                return
            }
            let isArticle = name == "article" || name == "main"
            if isArticle { articleDepth += 1 }
            var child = node.pointee.children
            while let c = child {
                if c.pointee.type == XML_ELEMENT_NODE { visit(c) }
                child = c.pointee.next
            }
            if isArticle { articleDepth -= 1 }
        }

        /// Whether a block element holds other blocks (then its children are the paragraphs).
        func containsBlock(_ node: xmlNodePtr) -> Bool {
            var child = node.pointee.children
            while let c = child {
                if c.pointee.type == XML_ELEMENT_NODE {
                    let n = HTMLDocument.string(c.pointee.name).lowercased()
                    if HTMLDocument.blocks.contains(n) || n == "div" || n == "ul" || n == "ol" || n == "table" || containsBlock(c) { return true }
                }
                child = c.pointee.next
            }
            return false
        }

        mutating func meta(_ node: xmlNodePtr) {
            let key = (HTMLDocument.attribute(node, "property") ?? HTMLDocument.attribute(node, "name")
                ?? HTMLDocument.attribute(node, "itemprop"))?.lowercased()
            guard let key, let content = HTMLDocument.attribute(node, "content")?.trimmed, !content.isEmpty else { return }
            switch key {
            case "og:title": ogTitle = ogTitle ?? HTMLDocument.collapse(content).nilIfEmpty
            case "og:url": ogURL = ogURL ?? content
            default:
                if HTMLDocument.dateKeys.contains(key), dates[key] == nil, let d = HTMLDocument.isoDate(content) { dates[key] = d }
            }
        }
    }

    /// "2022-12-30", "2022-12-30T10:00:00Z", "2022/12/30" → "2022-12-30"; anything else → nil.
    static func isoDate(_ s: String) -> String? {
        let u = Array(s.trimmed.utf8.prefix(10))
        guard u.count == 10 else { return nil }
        let digits = [0, 1, 2, 3, 5, 6, 8, 9]
        guard digits.allSatisfy({ (48...57).contains(u[$0]) }), (u[4] == 45 || u[4] == 47), u[7] == u[4] else { return nil }
        let month = Int(u[5] - 48) * 10 + Int(u[6] - 48), day = Int(u[8] - 48) * 10 + Int(u[9] - 48)
        guard (1...12).contains(month), (1...31).contains(day) else { return nil }
        var out = u
        out[4] = 45
        out[7] = 45
        return String(decoding: out, as: UTF8.self)
    }

    static func string(_ p: UnsafePointer<xmlChar>?) -> String {
        guard let p else { return "" }
        return String(cString: p)
    }

    static func attribute(_ node: xmlNodePtr, _ name: String) -> String? {
        guard let v = xmlGetProp(node, name) else { return nil }
        defer { kg_xmlFree(v) }
        return String(cString: v)
    }

    /// The text under `node`, skipping dropped elements; `<br>` counts as a space.
    static func textContent(_ node: xmlNodePtr) -> String {
        var out = ""
        func walk(_ n: xmlNodePtr) {
            var child = n.pointee.children
            while let c = child {
                switch c.pointee.type {
                case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                    out += string(c.pointee.content)
                case XML_ELEMENT_NODE:
                    let name = string(c.pointee.name).lowercased()
                    if name == "br" { out += " " } else if !dropped.contains(name) { walk(c) }
                default:
                    break
                }
                child = c.pointee.next
            }
        }
        walk(node)
        return out
    }

    /// Runs of whitespace (including no-break spaces) become one space; ends trimmed.
    static func collapse(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var space = false
        for u in s.unicodeScalars {
            if u.properties.isWhitespace {
                space = !out.isEmpty
            } else {
                if space { out.append(" ") }
                out.append(u)
                space = false
            }
        }
        return String(out)
    }
}

extension String {
    fileprivate var nilIfEmpty: String? { isEmpty ? nil : self }
    fileprivate var trimmed: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
