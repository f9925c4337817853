import StepgradScenario

/// Going straight to a place, as a replay does: by time travel when it is in this iteration or
/// the next or previous one, else by training on in the background (as a fast-forward does, with
/// its progress), from the start when the place is further back.
extension TrainingSession {
    /// Goes to `cursor` of iteration `n` at `granularity`. Returns the training under way when the
    /// place is reached in the background, `nil` when it was reached at once (or is not a place of
    /// this session: an iteration out of range or a cursor outside the iteration).
    @discardableResult public func seek(iteration n: Int, cursor: Cursor, granularity: Granularity) -> Task<FastForwardOutcome, Never>? {
        guard !isBusy, layout.isValid(cursor), (1...Self.maximumIteration).contains(n) else { return nil }
        pause()
        self.granularity = granularity
        let place = layout.place(cursor)
        if n == iteration {
            go(to: place)
            return nil
        }
        if abs(n - iteration) == 1 {
            enter(n, at: place)
            return nil
        }
        if n < iteration {
            adopt(scenario)
            guard n > 1 else {
                go(to: place)
                return nil
            }
        }
        return train(n - iteration, landingAt: cursor)
    }

    /// Whether `cursor` is a place of this session's iterations.
    public func isPlace(_ cursor: Cursor) -> Bool { layout.isValid(cursor) }

    /// Starts over with `scenario`, at the start of its first iteration (a replay's reload).
    public func startOver(with scenario: Scenario) {
        pause()
        adopt(scenario)
    }
}
