import Foundation
import StepgradScenario

/// Records a session for `--record`: after each command the front end calls `note()`, and a place
/// that differs from the last one recorded is added with its time. The file is rewritten whole
/// (atomically: a reader sees the old or the new recording, never half of one) at most once a
/// second while the session runs, and once more by `finish()`; a file already at the path is never
/// replaced. While playing, places less than a tenth of a second apart are merged (the later one
/// kept), so fast play stays small.
@MainActor
public final class SessionRecorder {
    public let path: String
    private let session: TrainingSession
    private let started = ContinuousClock.now
    private var recording: Recording
    private var scenario: Scenario
    private var last: Recording.Place?
    private var lastTime = -1.0
    private var writeScheduled = false

    /// Starts recording `session`, whose scenario was read from `scenarioText`; writes the file at
    /// once, refusing one that exists.
    public init(session: TrainingSession, scenarioText: String, to path: String) throws(FileWriteError) {
        self.session = session
        self.path = path
        scenario = session.scenario
        let name = session.scenario.path.map { ($0 as NSString).lastPathComponent } ?? session.scenario.title
        recording = Recording(name: name, scenarioText: scenarioText)
        note()
        try AtomicFile.write(recording.encoded(), to: path, existing: .refuse)
    }

    /// Adds the session's place if it moved since the last one recorded.
    public func note() {
        let time = (ContinuousClock.now - started) / .seconds(1)
        if session.scenario != scenario, let source = session.scenario.path,
           let text = try? String(contentsOfFile: source, encoding: .utf8) {
            scenario = session.scenario
            recording.entries.append(Recording.Entry(time: time, event: .scenario(text)))
            last = nil
        }
        let place = Recording.Place(iteration: session.iteration, cursor: session.cursor, granularity: session.granularity)
        guard place != last, !session.isBusy else { return }
        let entry = Recording.Entry(time: time, event: .place(place))
        if session.playState.isPlaying, time - lastTime < 0.1, let previous = recording.entries.last, case .place = previous.event {
            recording.entries[recording.entries.count - 1] = entry
        } else {
            recording.entries.append(entry)
        }
        last = place
        lastTime = time
        scheduleWrite()
    }

    /// Writes the recording for the last time.
    public func finish() throws(FileWriteError) {
        note()
        try write()
    }

    private func scheduleWrite() {
        guard !writeScheduled else { return }
        writeScheduled = true
        Task { [weak self] in
            try? await Task.sleep(for: .seconds(1))
            guard let self else { return }
            writeScheduled = false
            // A failure here is met again, and reported, by `finish()`.
            try? write()
        }
    }

    private func write() throws(FileWriteError) {
        try AtomicFile.write(recording.encoded(), to: path, existing: .replace)
    }
}
