#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A destination for bytes: a file written atomically, standard output or memory.
///
/// Serializers write to a sink and call `finish()`; a sink that fails reports the
/// failure from `write` or `finish` and leaves no partial file behind.
public protocol ByteSink: AnyObject {
    func write(_ bytes: UnsafeRawBufferPointer) throws
    /// Flushes everything written and makes it durable/visible.
    func finish() throws
    /// Abandons the output: a file sink removes its temporary file.
    func abandon()
}

extension ByteSink {
    public func write(_ string: String) throws {
        var s = string
        try s.withUTF8 { try write(UnsafeRawBufferPointer($0)) }
    }
}

/// Collects bytes in memory (tests, golden files).
public final class MemorySink: ByteSink {
    public private(set) var bytes: [UInt8] = []
    public init() {}
    public func write(_ bytes: UnsafeRawBufferPointer) throws { self.bytes.append(contentsOf: bytes) }
    public func finish() throws {}
    public func abandon() {}
    public var string: String { String(decoding: bytes, as: UTF8.self) }
}

/// An error writing bytes to a file or stream.
public struct SinkError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var message: String
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }
    public var description: String { "\(path): \(message)" }
}

private func errnoMessage(_ code: Int32) -> String {
    String(cString: strerror(code))
}

/// Writes through a file descriptor with a buffer.
///
/// In atomic mode the bytes go to a temporary file `.NAME.tmp-XXXXXX` in the destination's
/// folder, which is flushed, synced and renamed over the destination by `finish()` (then the
/// folder is synced); on failure or `abandon()` the temporary file is removed and the previous
/// file stays intact. Readers see the old file or the new one, never a mix.
///
/// A process killed with SIGKILL cannot remove its temporary file. Every writer holds an
/// exclusive `flock` on its temporary file until it is renamed, and the kernel drops the lock
/// when the process dies; so opening the same destination again removes the temporary files
/// of that destination whose lock is free (stale), and leaves those of live writers alone.
/// SIGINT and SIGTERM are handled by the CLI: the temporary files are recorded in
/// `TemporaryFiles`, which it empties before exiting.
public final class FileSink: ByteSink {
    public let path: String
    private let tempPath: String?
    private var fd: Int32
    private let ownsDescriptor: Bool
    private var buffer: [UInt8] = []
    private var done = false
    private static let bufferSize = 1 << 16

    /// Opens `path` for an atomic write (temporary file + rename).
    public init(atomicPath path: String) throws {
        self.path = path
        let dir: String
        let base: String
        if let slash = path.lastIndex(of: "/") {
            dir = String(path[..<slash]).isEmpty ? "/" : String(path[..<slash])
            base = String(path[path.index(after: slash)...])
        } else {
            dir = "."
            base = path
        }
        Self.removeStaleTemporaries(directory: dir, base: base)
        var fd: Int32 = -1
        var template: [CChar] = []
        // A cleaner may unlink a fresh temporary file between mkstemp and flock; the link
        // count tells, and a new one is made.
        for _ in 0..<8 {
            template = Array("\(dir)/.\(base).tmp-XXXXXX".utf8CString)
            // Recorded in TemporaryFiles, so that an interrupted process removes it.
            fd = TemporaryFiles.create(template: &template)
            if fd < 0 {
                throw SinkError(path: path, message: "cannot create a file in \(dir): \(errnoMessage(errno))")
            }
            var st = stat()
            if flock(fd, LOCK_EX) == 0, fstat(fd, &st) == 0, st.st_nlink > 0 { break }
            TemporaryFiles.unregister(template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) })
            close(fd)
            fd = -1
        }
        if fd < 0 {
            throw SinkError(path: path, message: "cannot create a temporary file in \(dir)")
        }
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        self.fd = fd
        self.tempPath = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        self.ownsDescriptor = true
        fchmod(fd, 0o644)
        buffer.reserveCapacity(Self.bufferSize)
    }

    /// Writes to an already open descriptor (standard output), named `name` in errors.
    public init(descriptor: Int32, name: String) {
        self.path = name
        self.tempPath = nil
        self.fd = descriptor
        self.ownsDescriptor = false
        buffer.reserveCapacity(Self.bufferSize)
    }

    deinit {
        if !done { abandon() }
    }

    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.bufferSize { try flushBuffer() }
    }

    private func flushBuffer() throws {
        var offset = 0
        while offset < buffer.count {
            let n = buffer.withUnsafeBytes { raw in
                Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
            }
            if n < 0 {
                if errno == EINTR { continue }
                let code = errno
                buffer.removeAll(keepingCapacity: true)
                throw SinkError(path: path, message: "write failed: \(errnoMessage(code))")
            }
            offset += n
        }
        buffer.removeAll(keepingCapacity: true)
    }

    public func finish() throws {
        guard !done else { return }
        do {
            try flushBuffer()
            if let tempPath {
                if fsync(fd) != 0 {
                    throw SinkError(path: path, message: "sync failed: \(errnoMessage(errno))")
                }
                // Renamed while still open and locked, so no cleaner can take it for stale.
                if TemporaryFiles.rename(tempPath, to: path) != 0 {
                    throw SinkError(path: path, message: "cannot replace the file: \(errnoMessage(errno))")
                }
                done = true
                let closed = close(fd)
                let closeErrno = errno
                fd = -1
                Self.syncDirectory(of: path)
                if closed != 0 {
                    throw SinkError(path: path, message: "close failed: \(errnoMessage(closeErrno))")
                }
            }
            done = true
        } catch {
            abandon()
            throw error
        }
    }

    public func abandon() {
        guard !done else { return }
        done = true
        buffer.removeAll()
        // Unlinked before the descriptor (and its lock) goes.
        if let tempPath { TemporaryFiles.remove(tempPath) }
        if ownsDescriptor && fd >= 0 { close(fd); fd = -1 }
    }

    /// Whether `name` is a temporary file name of FileSink for `base`: `.BASE.tmp-XXXXXX`.
    static func isTemporary(_ name: String, for base: String) -> Bool {
        let prefix = ".\(base).tmp-"
        return name.hasPrefix(prefix) && name.utf8.count == prefix.utf8.count + 6
    }

    /// Removes the temporary files of `base` in `directory` left by killed writers: those whose
    /// `flock` can be taken. Best effort; errors are ignored.
    /// - Complexity: O(entries in the folder).
    static func removeStaleTemporaries(directory: String, base: String) {
        guard let dir = opendir(directory) else { return }
        defer { closedir(dir) }
        var stale: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
            }
            if isTemporary(name, for: base) { stale.append(name) }
        }
        for name in stale {
            let path = "\(directory)/\(name)"
            let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
            guard fd >= 0 else { continue }
            var st = stat()
            if fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, flock(fd, LOCK_EX | LOCK_NB) == 0 {
                unlink(path)
            }
            close(fd)
        }
    }

    /// Makes a rename durable: fsync of the containing folder (ignored where unsupported).
    private static func syncDirectory(of path: String) {
        let dir = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
        let fd = open(dir.isEmpty ? "/" : dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }
}
