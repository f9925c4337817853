import StepgradEngine

extension IterationHistory {
    /// Trains up to `count` untraced iterations on from iteration `n`, for a background task:
    /// stops early when the task is cancelled, checkpoints as it goes, and reports
    /// (iterations done, latest loss) about 30 times a second. Returns the losses, one per
    /// iteration done, and ends recorded at the iteration reached.
    mutating func train(from n: Int, count: Int,
                        progress: (_ done: Int, _ loss: Double) async -> Void) async -> [Double] {
        var current = state(n)
        var losses: [Double] = []
        losses.reserveCapacity(min(count, 1 << 16))
        let clock = ContinuousClock()
        var reported = clock.now
        while losses.count < count, !Task.isCancelled {
            let outcome = current.iterate(network, on: batch, record: false)
            losses.append(outcome.loss)
            current = Snapshot(after: outcome)
            let reached = n + losses.count
            checkpoints[reached] = current
            thinCheckpoints(at: reached)
            if losses.count == 1 || losses.count % 64 == 0 && clock.now - reported > .milliseconds(33) {
                await progress(losses.count, outcome.loss)
                reported = clock.now
            }
        }
        _ = move(to: n + losses.count)
        return losses
    }
}
