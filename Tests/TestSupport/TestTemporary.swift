import TestSupport
import Foundation

/// Temporary files and folders of the tests, all inside one folder of this test process that is
/// removed when the process exits, so a test run leaves nothing behind in the temporary folder
/// (even a test that fails before its own clean-up).
public enum TestTemporary {
    /// `$TMPDIR/kg-tests-PID-UUID`, created on first use; removed at exit.
    public static let root: String = {
        let dir = NSTemporaryDirectory() + "kg-tests-\(getpid())-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(atPath: TestTemporary.root) }
        return dir
    }()

    /// A fresh path `ROOT/PREFIX-UUID` (nothing is created there).
    public static func path(_ prefix: String, suffix: String = "") -> String {
        "\(root)/\(prefix)-\(UUID().uuidString)\(suffix)"
    }

    /// A fresh empty folder `ROOT/PREFIX-UUID`.
    public static func folder(_ prefix: String) throws -> String {
        let dir = path(prefix)
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }
}
