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
            var found: [String] = []
            guard walk(path, relative: "", into: &found) else {
                problems.append(CorpusProblem(source: path, message: "cannot list the folder (permission denied?)"))
                continue
            }
            found.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
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

    /// Adds the relative paths of the corpus files under `folder` to `found` (readdir: one
    /// system call per directory block, no stat per file, unlike FileManager's enumerator).
    /// Hidden names are skipped; symbolic links are never followed into folders.
    /// - Returns: false when `folder` itself cannot be listed (unlistable subfolders are skipped).
    private static func walk(_ folder: String, relative: String, into found: inout [String]) -> Bool {
        guard let dir = opendir(folder) else { return false }
        defer { closedir(dir) }
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name.hasPrefix(".") { continue }
            let path = folder + "/" + name
            let rel = relative.isEmpty ? name : relative + "/" + name
            var isFolder = Int32(entry.pointee.d_type) == Int32(DT_DIR)
            if Int32(entry.pointee.d_type) == Int32(DT_UNKNOWN) {
                var info = stat()
                isFolder = lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
            }
            if isFolder {
                _ = walk(path, relative: rel, into: &found)
            } else if folderExtensions.contains((name as NSString).pathExtension.lowercased()) {
                found.append(rel)
            }
        }
        return true
    }
}
