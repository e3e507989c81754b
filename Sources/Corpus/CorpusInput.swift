import Foundation

/// One input of a command: a file (or standard input, path `-`) and what it holds.
public struct CorpusInput: Sendable, Hashable {
    public typealias Kind = InputKind

    /// The file's path, or `-` for standard input.
    public var path: String
    public var kind: InputKind

    public init(path: String, kind: InputKind) {
        self.path = path
        self.kind = kind
    }

    /// The name messages give the input: the path, or `<stdin>`.
    public var source: String { path == "-" ? "<stdin>" : path }

    /// The news kind of a file by its extension alone (`.html`/`.htm` HTML, `.jsonl` JSON
    /// Lines documents, anything else text); `InputKind.classify` also looks at the content.
    public static func kind(ofPath path: String) -> InputKind {
        switch (path as NSString).pathExtension.lowercased() {
        case "html", "htm", "xhtml": return .html
        case "jsonl", "ndjson": return .jsonLines
        default: return .text
        }
    }

    /// Expands files and folders into inputs, in a stable order, each classified by name and
    /// content (`InputKind.classify`) and checked against the roles the command reads.
    ///
    /// A folder is walked recursively for the extensions of the accepted roles (news: `*.txt`,
    /// `*.html`, `*.htm`, `*.jsonl`; graphs: `*.rdf`, `*.ttl`, `*.nt`, `*.nq`, `*.jsonl`),
    /// skipping hidden files and folders, in byte order of the relative path, so the order never
    /// depends on the file system; in a folder, a file of a role the command does not read is
    /// skipped. Symbolic links to folders are not followed (no cycles). A named file of the
    /// wrong role, or one that is neither news nor a kg graph, is a problem naming it. `-` is
    /// standard input, kept as it is (its content is classified when it is read).
    /// - Returns: the inputs, and a problem for each path that does not exist, cannot be listed
    ///   or read, or holds what the command does not read.
    /// - Complexity: O(n log n) in the number of files, plus one read of 8 KiB per file.
    public static func expand(_ paths: [String], roles: Set<InputKind.Role> = [.news]) -> (inputs: [CorpusInput], problems: [CorpusProblem]) {
        var inputs: [CorpusInput] = []
        var problems: [CorpusProblem] = []
        let fm = FileManager.default
        var extensions = Set<String>()
        if roles.contains(.news) { extensions.formUnion(InputKind.newsExtensions) }
        if roles.contains(.graph) { extensions.formUnion(InputKind.graphExtensions) }
        for path in paths {
            if path == "-" {
                inputs.append(CorpusInput(path: "-", kind: .jsonLines))
                continue
            }
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDir) else {
                problems.append(CorpusProblem(source: path, message: "no such file or folder"))
                continue
            }
            guard isDir.boolValue else {
                switch classify(path, roles: roles) {
                case .success(let input): inputs.append(input)
                case .failure(var problem):
                    problem.isWarning = false
                    problems.append(problem)
                }
                continue
            }
            var found: [String] = []
            guard walk(path, relative: "", extensions: extensions, into: &found) else {
                problems.append(CorpusProblem(source: path, message: "cannot list the folder (permission denied?)"))
                continue
            }
            found.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            let base = path.hasSuffix("/") ? String(path.dropLast()) : path
            var taken = 0
            for relative in found {
                switch classify(base + "/" + relative, roles: roles) {
                case .success(let input):
                    inputs.append(input)
                    taken += 1
                case .failure(var problem):
                    // In a folder, a file of the other role is skipped with a warning.
                    if problem.isWarning { problem.message = "skipped: " + problem.message }
                    problems.append(problem)
                }
            }
            if taken == 0 {
                let what = extensions.sorted().map { "*.\($0)" }.joined(separator: ", ")
                problems.append(CorpusProblem(source: path, message: "folder has no \(what) files to read", isWarning: true))
            }
        }
        return (inputs, problems)
    }

    /// One named file: its kind, or why the command cannot read it.
    static func classify(_ path: String, roles: Set<InputKind.Role>) -> Result<CorpusInput, CorpusProblem> {
        guard let prefix = InputKind.prefix(ofFile: path) else {
            return .failure(CorpusProblem(source: path, message: "cannot be read (permission denied?)"))
        }
        guard let kind = InputKind.classify(path: path, prefix: prefix, prefer: roles.contains(.news) ? .news : .graph) else {
            return .failure(CorpusProblem(source: path, message: "not a news text or a kg graph (\(InputKind.readable))"))
        }
        guard roles.contains(kind.role) else {
            // A warning inside a folder walk; `expand` makes it an error for a named file.
            return .failure(CorpusProblem(source: path, message: roleMismatch(kind), isWarning: true))
        }
        return .success(CorpusInput(path: path, kind: kind))
    }

    /// Why a command that reads the other role refuses `kind`.
    public static func roleMismatch(_ kind: InputKind) -> String {
        switch kind.role {
        case .graph: return "\(kind.name), not news to extract from; kg merge combines graphs, kg query and the other reading commands read them"
        case .news: return "\(kind.name), not a kg graph; kg extract reads news (kg query and the other reading commands read both)"
        }
    }

    /// Adds the relative paths of the corpus files under `folder` to `found` (readdir: one
    /// system call per directory block, no stat per file, unlike FileManager's enumerator).
    /// Hidden names are skipped; symbolic links are never followed into folders.
    /// - Returns: false when `folder` itself cannot be listed (unlistable subfolders are skipped).
    private static func walk(_ folder: String, relative: String, extensions: Set<String>, into found: inout [String]) -> Bool {
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
                _ = walk(path, relative: rel, extensions: extensions, into: &found)
            } else if extensions.contains((name as NSString).pathExtension.lowercased()) {
                found.append(rel)
            }
        }
        return true
    }
}
