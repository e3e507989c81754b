#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// The process-wide set of temporary files that are being written and not yet renamed into
/// place, so that an interrupted process can remove them before it exits.
///
/// `FileSink(atomicPath:)` creates its temporary file through `create(template:)` and renames
/// it through `rename(_:to:)`; other writers of temporary files `register` and `unregister`
/// theirs. The CLI's signal waiter calls `removeAllAndExit(status:)`.
///
/// Creation and rename happen under the registry's lock, and `removeAllAndExit` exits while
/// holding it, so a file is never created after the cleanup has started (it would outlive the
/// process) and a renamed output is never mistaken for a temporary one.
public enum TemporaryFiles {
    private static let paths = Mutex<Set<String>>([])

    /// `mkstemp` on `template` (ending in `XXXXXX`, rewritten in place), recording the path.
    /// - Returns: the open descriptor, or -1 with `errno` set.
    public static func create(template: inout [CChar]) -> Int32 {
        let (fd, code) = paths.withLock { set in
            let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
            let code = errno
            if fd >= 0 {
                set.insert(template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) })
            }
            return (fd, code)
        }
        errno = code  // the unlock may have changed it
        return fd
    }

    /// Records a temporary file that the caller is about to create.
    public static func register(_ path: String) {
        _ = paths.withLock { $0.insert(path) }
    }

    /// Forgets a temporary file that was removed or renamed.
    public static func unregister(_ path: String) {
        _ = paths.withLock { $0.remove(path) }
    }

    /// Renames a registered temporary file over `destination` and forgets it.
    /// - Returns: `rename`'s result (0, or -1 with `errno` set).
    public static func rename(_ temporary: String, to destination: String) -> Int32 {
        let (result, code) = paths.withLock { set in
            #if canImport(Glibc)
            let result = Glibc.rename(temporary, destination)
            #elseif canImport(Musl)
            let result = Musl.rename(temporary, destination)
            #else
            let result = Darwin.rename(temporary, destination)
            #endif
            let code = errno
            if result == 0 { set.remove(temporary) }
            return (result, code)
        }
        errno = code
        return result
    }

    /// Removes a registered temporary file and forgets it.
    public static func remove(_ path: String) {
        paths.withLock { set in
            unlink(path)
            set.remove(path)
        }
    }

    /// The temporary files currently recorded (tests).
    public static var current: Set<String> { paths.withLock { $0 } }

    /// Unlinks every recorded temporary file and ends the process with `status`, without
    /// running `atexit` handlers or flushing stdio (`_exit`). Holds the lock to the end, so no
    /// other thread creates or renames a temporary file meanwhile.
    /// Call it from an ordinary thread (a signal waiter), not from a signal handler.
    public static func removeAllAndExit(status: Int32) -> Never {
        paths.withLock { set -> Never in
            for path in set { unlink(path) }
            _exit(status)
        }
    }
}
