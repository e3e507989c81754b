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
/// In atomic mode the bytes go to a temporary file in the destination's folder, which is
/// flushed, synced and renamed over the destination by `finish()`; on failure or
/// `abandon()` the temporary file is removed and the previous file stays intact.
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
        var template = Array("\(dir)/.\(base).tmp-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        if fd < 0 {
            throw SinkError(path: path, message: "cannot create a file in \(dir): \(errnoMessage(errno))")
        }
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
                if close(fd) != 0 {
                    fd = -1
                    throw SinkError(path: path, message: "close failed: \(errnoMessage(errno))")
                }
                fd = -1
                if rename(tempPath, path) != 0 {
                    throw SinkError(path: path, message: "cannot replace the file: \(errnoMessage(errno))")
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
        if ownsDescriptor && fd >= 0 { close(fd); fd = -1 }
        if let tempPath { unlink(tempPath) }
    }
}
