import ArgumentParser
import Foundation
import StepgradScenario
import StepgradSession

/// The files a command writes at the user's request (`new --output`, `train --save`).
extension AtomicFile {
    /// Writes `text` whole to `path`; an existing file is replaced only with `--force`. Failures
    /// are one line naming the file.
    static func write(_ text: String, to path: String, force: Bool) throws {
        do throws(FileWriteError) {
            try write(Data(text.utf8), to: path, existing: force ? .replace : .refuse)
        } catch .exists {
            throw ValidationError("\(path) already exists; give --force to replace it")
        } catch {
            throw ScenarioError(path: path, message: "cannot write: \(error.reason)")
        }
    }
}
