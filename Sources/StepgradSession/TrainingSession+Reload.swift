import StepgradScenario

/// How `reload()` went.
public enum ReloadOutcome: Hashable, Sendable {
    /// The network has the same shape: the new scenario is trained to the same iteration
    /// (in the background when it takes a while, see `fastForward`) and the cursor put back.
    case kept(iteration: Int)
    /// The network changed shape, so training starts again from iteration 1.
    case restarted(reason: String)
    /// Nothing changed, and why.
    case failed(String)
}

extension TrainingSession {
    /// Changes with every scenario the session adopts (at each reload): what was worked out from
    /// the scenario's numbers, e.g. by a screen, holds while it stays the same.
    public var scenarioGeneration: Int { epoch }

    /// Reads the scenario file again, e.g. after the lecturer edited a number.
    ///
    /// History must stay a pure function of the scenario for time travel to hold, so the
    /// new scenario is trained from its own start rather than grafted onto the current
    /// parameters; the place (iteration, cursor, granularity) is kept when its traces have
    /// the same shape.
    @discardableResult public func reload() -> ReloadOutcome {
        guard !isBusy else { return .failed("A fast-forward is under way; cancel it or let it finish first.") }
        guard let path = scenario.path else {
            return .failed("This scenario was not read from a file, so there is nothing to reload.")
        }
        guard let loader else { return .failed("This session was given no way to read scenario files.") }
        let fresh: Scenario
        do { fresh = try loader(path) } catch { return .failed("\(error)") }
        pause()
        let (iteration, cursor, old) = (iteration, cursor, layout)
        adopt(fresh)
        if let why = old.mismatch(with: layout) {
            return .restarted(reason: "The network changed shape (\(why)), so training starts again from iteration 1.")
        }
        if iteration > 1 {
            _ = train(iteration - 1, landingAt: cursor)
        } else {
            go(to: layout.place(cursor))
        }
        return .kept(iteration: iteration)
    }
}
