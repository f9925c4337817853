import Foundation

extension Exercises {
    /// The directory holding `exercises/`, found wherever stepgrad runs from. The first that exists wins:
    /// 1. `$STEPGRAD_ASSETS` (when it names a directory), so that a user or a packager can point anywhere;
    /// 2. an `Assets` directory with an `exercises` folder beside the real executable
    ///    (`/proc/self/exe`, symlinks resolved) or in any directory above it, which covers `swift run`,
    ///    `.build/release/stepgrad` run from anywhere, and the test runner;
    /// 3. `<exe dir>/../share/stepgrad/Assets`, for an install as `<prefix>/bin/stepgrad`;
    /// 4. the source checkout this file was compiled from (`#filePath`), as a last resort.
    public static var assetsDirectory: String? {
        assetsDirectory(environment: ProcessInfo.processInfo.environment, executable: executablePath,
                        sourceFile: #filePath)
    }

    /// The search itself, on explicit inputs so that each step can be tested.
    static func assetsDirectory(environment: [String: String], executable: String?, sourceFile: String) -> String? {
        if let override = environment["STEPGRAD_ASSETS"], !override.isEmpty, isDirectory(override) {
            return override
        }
        if let executable {
            let binDirectory = URL(fileURLWithPath: executable).deletingLastPathComponent()
            var directory = binDirectory
            while true {
                let candidate = directory.appendingPathComponent("Assets")
                if hasExercises(candidate) { return candidate.path }
                let parent = directory.deletingLastPathComponent()
                if parent.path == directory.path { break }
                directory = parent
            }
            let installed = binDirectory.deletingLastPathComponent().appendingPathComponent("share/stepgrad/Assets")
            if hasExercises(installed) { return installed.path }
        }
        let checkout = URL(fileURLWithPath: sourceFile)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Assets")
        return hasExercises(checkout) ? checkout.path : nil
    }

    /// The running binary with symlinks resolved, so that a symlink in `~/bin` still finds the real install.
    private static var executablePath: String? {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
        return Bundle.main.executablePath.map { URL(fileURLWithPath: $0).resolvingSymlinksInPath().path }
    }

    private static func hasExercises(_ assets: URL) -> Bool {
        isDirectory(assets.appendingPathComponent("exercises").path)
    }

    private static func isDirectory(_ path: String) -> Bool {
        var directory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &directory) && directory.boolValue
    }
}
