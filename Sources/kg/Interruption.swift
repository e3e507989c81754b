import Foundation
import XMLSupport

/// SIGINT and SIGTERM: remove the temporary files of unfinished exports and exit with
/// 128 + the signal number (130, 143), leaving earlier outputs as they were.
///
/// `install()` blocks both signals in the calling thread before any other thread exists, so
/// every thread started later inherits the mask and no thread is interrupted; one dedicated
/// thread takes them with `sigwait`. The cleanup therefore runs as ordinary code, not in a
/// signal handler (no async-signal-safety limits): it takes the `TemporaryFiles` lock,
/// unlinks what is recorded and calls `_exit`. Child processes (Graphviz) are started by
/// Foundation's `Process`, which resets the signal mask of the child.
enum Interruption {
    /// Call once, first thing in `main`.
    static func install() {
        var signals = Interruption.signals
        pthread_sigmask(SIG_BLOCK, &signals, nil)
        let waiter = Thread {
            var signals = Interruption.signals
            var received: Int32 = 0
            while sigwait(&signals, &received) != 0 {}
            TemporaryFiles.removeAllAndExit(status: 128 + received)
        }
        waiter.name = "kg-signals"
        waiter.start()
    }

    private static var signals: sigset_t {
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        sigaddset(&set, SIGTERM)
        return set
    }
}
