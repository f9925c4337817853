import ArgumentParser
import Foundation
import StepgradSession

/// `--record FILE` on `open` and `serve`.
extension SessionRecorder {
    /// Starts recording `session` into a new file at `path`, or says in one line why not.
    @MainActor static func start(_ session: TrainingSession, path: String) throws -> SessionRecorder {
        guard let source = session.scenario.path, let text = try? String(contentsOfFile: source, encoding: .utf8) else {
            throw ValidationError("--record: the scenario's file cannot be read again to record it")
        }
        do {
            return try SessionRecorder(session: session, scenarioText: text, to: path)
        } catch .exists(let path) {
            throw ValidationError("--record: \(path) exists; give a new file (a recording never replaces one)")
        } catch {
            throw ValidationError("--record: \(error)")
        }
    }

    /// Writes the recording for the last time; a failure is reported on standard error.
    @MainActor func close() {
        do {
            try finish()
        } catch {
            FileHandle.standardError.write(Data("stepgrad: the recording was not completed: \(error)\n".utf8))
        }
    }
}
