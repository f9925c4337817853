import Foundation
import StepgradEngine
import StepgradScenario

/// How `restore()` went.
public enum RestoreOutcome: Hashable, Sendable {
    case resumed(iteration: Int)
    /// The session starts afresh, and why (a missing file is the usual first run).
    case freshStart(StateFileError)
}

/// Nothing lost: the session saves itself to its state file (see `StateFile`) when the
/// front end asks, on quit, SIGTERM or SIGHUP, and carries on from it next time.
extension TrainingSession {
    /// The state file of this session's scenario; `nil` for a scenario built in memory.
    public var stateFilePath: String? {
        scenario.path.map { StateFile.path(forScenarioAt: $0, in: stateDirectory) }
    }

    /// Writes the session's place and training state to `stateFilePath`, atomically.
    /// During a fast-forward this saves the place it started from.
    public func save() throws(StateFileError) {
        guard let path = stateFilePath, let scenarioPath = scenario.path else { throw .noScenarioFile }
        let saved = SavedSession(
            scenarioPath: StateFile.absolutePath(scenarioPath), fingerprint: StateFile.fingerprint(of: scenario),
            iteration: iteration, cursor: cursor, granularity: granularity, parameters: parameters,
            optimizerState: optimizerState, lossHistory: lossHistory,
            selection: selection.map { .init(quantity: $0.quantity.name, row: $0.cell.row, column: $0.cell.column) },
            speed: speed)
        do {
            try AtomicFile.write(try StateFile.encode(saved), to: path, existing: .replace, creatingDirectory: true)
        } catch let error as FileWriteError {
            throw .unwritable(path: path, reason: error.reason)
        } catch {
            throw .unwritable(path: path, reason: "\(error)")
        }
    }

    /// `save()` as a value naming the file written, for a front end that saves in a command.
    public func saveReportingPath() -> Result<String, StateFileError> {
        do {
            try save()
            return .success(stateFilePath ?? "")
        } catch {
            return .failure(error)
        }
    }

    /// Carries on from the state file, exactly where the session stopped. When the file is
    /// missing, unreadable, damaged or saved for another version of the scenario, the session
    /// starts afresh instead and the outcome says why. A fast-forward under way is discarded.
    @discardableResult public func restore() -> RestoreOutcome {
        pause()
        adopt(scenario)
        switch stateFilePath.map(StateFile.read) ?? .failure(.noScenarioFile) {
        case .success(let saved):
            if let problem = problem(with: saved) { return .freshStart(problem) }
            resume(from: saved)
            return .resumed(iteration: saved.iteration)
        case .failure(let problem):
            return .freshStart(problem)
        }
    }

    /// A session for `scenario`, carried on from its state file when there is a good one.
    /// Temporary files that killed saves left in the state directory are removed first.
    public static func resume(_ scenario: Scenario, stateDirectory: String? = nil, loader: ((String) throws -> Scenario)? = nil,
                              recentTraces: Int = 8) -> (session: TrainingSession, outcome: RestoreOutcome) {
        let session = TrainingSession(scenario: scenario, stateDirectory: stateDirectory,
                                      loader: loader, recentTraces: recentTraces)
        AtomicFile.removeLeftovers(in: session.stateDirectory, suffix: ".state")
        return (session, session.restore())
    }

    private func resume(from saved: SavedSession) {
        current = timeline.restart(at: saved.iteration,
                                   from: Snapshot(parameters: saved.parameters, optimizerState: saved.optimizerState))
        lossHistory = saved.lossHistory
        granularity = saved.granularity
        speed = saved.speed
        selection = saved.selection.flatMap { cell in
            Quantity(name: cell.quantity).map { CellReference($0, Cell(cell.row, cell.column)) }
        }
        go(to: layout.place(saved.cursor))
    }

    /// What makes a saved session unusable with this scenario, checked before anything of it is
    /// used so that a damaged or edited file can never make the engine trap.
    private func problem(with saved: SavedSession) -> StateFileError? {
        guard let path = stateFilePath, let scenarioPath = scenario.path else { return .noScenarioFile }
        if saved.scenarioPath != StateFile.absolutePath(scenarioPath) {
            return .scenarioChanged(path: path, detail: "it was saved for \(saved.scenarioPath)")
        }
        if saved.fingerprint != StateFile.fingerprint(of: scenario) {
            return .scenarioChanged(path: path, detail: "the network, its initial parameters or its data changed since it was saved")
        }
        func corrupt(_ detail: String) -> StateFileError { .corrupt(path: path, detail: detail) }
        // Counters within the session's own limits, so that no arithmetic on them can overflow.
        guard (1...Self.maximumIteration).contains(saved.iteration) else {
            return corrupt("iteration \(saved.iteration) is outside 1…\(Self.maximumIteration)")
        }
        guard saved.optimizerState.step == saved.iteration - 1 else {
            return corrupt("optimizer step \(saved.optimizerState.step) at iteration \(saved.iteration) (it is always one less)")
        }
        guard saved.lossHistory.isWellFormed else { return corrupt("the loss history does not add up") }
        guard saved.lossHistory.count == saved.iteration - 1 else {
            return corrupt("iteration \(saved.iteration) with \(saved.lossHistory.count) losses recorded")
        }
        let expected = Self.shapes(of: scenario.parameters)
        guard saved.parameters.weights.count == scenario.parameters.weights.count,
              saved.parameters.biases.count == scenario.parameters.biases.count,
              Self.shapes(of: saved.parameters) == expected else {
            return corrupt("the parameters do not fit the network")
        }
        for (name, buffer) in Array(saved.optimizerState.first) + Array(saved.optimizerState.second)
        where expected[name] != buffer.shape {
            return corrupt("the optimizer state for \(name) does not fit the network")
        }
        guard layout.isValid(saved.cursor) else {
            return corrupt("the cursor (\(saved.cursor.operation), \(saved.cursor.revealed)) is outside the iteration")
        }
        guard Self.speeds.contains(saved.speed) else {
            return corrupt("play speed \(saved.speed) is outside \(Self.speeds.lowerBound)…\(Self.speeds.upperBound) steps per second")
        }
        if let cell = saved.selection {
            guard let q = Quantity(name: cell.quantity), contains(CellReference(q, Cell(cell.row, cell.column))) else {
                return corrupt("the selected cell \(cell.quantity)[\(cell.row),\(cell.column)] does not exist")
            }
        }
        return nil
    }

    /// Every parameter's shape by name (`W1`, `b1`), the keys optimizer buffers use.
    private static func shapes(of parameters: Parameters) -> [String: Shape] {
        var shapes: [String: Shape] = [:]
        for (i, w) in parameters.weights.enumerated() { shapes["W\(i + 1)"] = w.shape }
        for (i, b) in parameters.biases.enumerated() { if let b { shapes["b\(i + 1)"] = b.shape } }
        return shapes
    }
}
