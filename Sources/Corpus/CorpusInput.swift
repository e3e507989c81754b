import Foundation

/// One input of a corpus: a file and how to read it.
public struct CorpusInput: Sendable, Hashable {
    public enum Kind: String, Sendable {
        /// A UTF-8 text file: one document, its id the file name without extension.
        case text
        /// An HTML page: one document, parsed with libxml2's HTML parser.
        case html
        /// JSON Lines, one document per line: `{"id", "text", "date", "url", "title"}`.
        case jsonLines
    }

    public var path: String
    public var kind: Kind

    public init(path: String, kind: Kind) {
        self.path = path
        self.kind = kind
    }

    /// The kind of a file by its extension; anything unknown is read as text.
    public static func kind(ofPath path: String) -> Kind {
        switch (path as NSString).pathExtension.lowercased() {
        case "html", "htm", "xhtml": return .html
        case "jsonl", "ndjson": return .jsonLines
        default: return .text
        }
    }

    /// The file extensions a folder walk picks up.
    public static let folderExtensions: Set<String> = ["txt", "html", "htm", "jsonl"]

    /// Expands files and folders into inputs, in a stable order.
    ///
    /// A file is taken whatever its extension (unknown extensions read as text). A folder is
    /// walked recursively for `*.txt`, `*.html`, `*.htm` and `*.jsonl`, skipping hidden files and
    /// folders, in byte order of the relative path, so the corpus order never depends on the file
    /// system. Symbolic links to folders are not followed (no cycles).
    /// - Returns: the inputs, and a problem for each path that does not exist or cannot be listed.
    /// - Complexity: O(n log n) in the number of files.
    public static func expand(_ paths: [String]) -> (inputs: [CorpusInput], problems: [CorpusProblem]) {
        var inputs: [CorpusInput] = []
        var problems: [CorpusProblem] = []
        let fm = FileManager.default
        for path in paths {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDir) else {
                problems.append(CorpusProblem(source: path, message: "no such file or folder"))
                continue
            }
            guard isDir.boolValue else {
                inputs.append(CorpusInput(path: path, kind: kind(ofPath: path)))
                continue
            }
            guard let walker = fm.enumerator(atPath: path) else {
                problems.append(CorpusProblem(source: path, message: "cannot list the folder (permission denied?)"))
                continue
            }
            var found: [String] = []
            while let relative = walker.nextObject() as? String {
                let name = (relative as NSString).lastPathComponent
                if name.hasPrefix(".") {
                    if (walker.fileAttributes?[.type] as? FileAttributeType) == .typeDirectory { walker.skipDescendants() }
                    continue
                }
                // The extension first: asking for a file's attributes costs a stat and a dictionary.
                guard folderExtensions.contains((name as NSString).pathExtension.lowercased()),
                      (walker.fileAttributes?[.type] as? FileAttributeType) != .typeDirectory else { continue }
                found.append(relative)
            }
            found.sort { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
            if found.isEmpty {
                problems.append(CorpusProblem(source: path, message: "folder has no *.txt, *.html, *.htm or *.jsonl files", isWarning: true))
            }
            let base = path.hasSuffix("/") ? String(path.dropLast()) : path
            for relative in found {
                let full = base + "/" + relative
                inputs.append(CorpusInput(path: full, kind: kind(ofPath: full)))
            }
        }
        return (inputs, problems)
    }
}
