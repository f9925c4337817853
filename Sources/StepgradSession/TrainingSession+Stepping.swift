import StepgradEngine

/// Commands that move the cursor. Each pauses play first, as a user who steps by hand has
/// taken over, and returns whether the cursor moved (it does not while fast-forwarding,
/// nor back from the start of iteration 1).
extension TrainingSession {
    /// One step at the current granularity; from the end of an iteration, into the next.
    @discardableResult public func stepForward() -> Bool {
        pause()
        return advance(granularity)
    }

    /// One step back at the current granularity; from the start of an iteration, to the end of the previous one.
    @discardableResult public func stepBackward() -> Bool {
        pause()
        return retreat(granularity)
    }

    /// To the end of the current phase, or of the next when at the end of one.
    @discardableResult public func nextPhase() -> Bool {
        pause()
        return advance(.phase)
    }

    /// To the end of the previous phase.
    @discardableResult public func previousPhase() -> Bool {
        pause()
        return retreat(.phase)
    }

    /// To where only x, y and the parameters are known.
    @discardableResult public func goToStartOfIteration() -> Bool {
        pause()
        return jump(to: 0)
    }

    /// To where everything of the iteration, its update included, is known.
    @discardableResult public func goToEndOfIteration() -> Bool {
        pause()
        return jump(to: layout.total)
    }

    /// Plays to the end of the iteration at the current speed.
    public func runToEndOfIteration() {
        play(until: .iterationEnd)
    }

    private func jump(to place: Int) -> Bool {
        guard !isBusy, place != self.place else { return false }
        go(to: place)
        return true
    }

    /// One step forward at `granularity`, crossing into the next iteration at the end of one.
    func advance(_ granularity: Granularity) -> Bool {
        guard !isBusy else { return false }
        if let next = layout.stop(after: place, granularity) {
            go(to: next)
        } else {
            guard iteration < Self.maximumIteration else { return false }
            enter(iteration + 1, at: 0)
        }
        return true
    }

    /// One step back at `granularity`, crossing into the previous iteration at the start of one.
    func retreat(_ granularity: Granularity) -> Bool {
        guard !isBusy else { return false }
        if let previous = layout.stop(before: place, granularity) {
            go(to: previous)
        } else {
            guard iteration > 1 else { return false }
            enter(iteration - 1, at: layout.total)
        }
        return true
    }
}
