import StepgradEngine

extension IterationHistory {
    /// Trains up to `count` untraced iterations on from iteration `n`, for a background task:
    /// stops early when the task is cancelled, checkpoints as it goes, adds each loss to
    /// `losses`, and reports (iterations done, latest loss) about 30 times a second. Returns the
    /// iterations done, and ends recorded at the iteration reached.
    mutating func train(from n: Int, count: Int, into losses: inout LossHistory,
                        progress: (_ done: Int, _ loss: Double) async -> Void) async -> Int {
        var current = state(n)
        var done = 0
        let clock = ContinuousClock()
        var reported = clock.now
        while done < count, !Task.isCancelled {
            let outcome = current.iterate(network, on: batch, record: false)
            losses.append(outcome.loss)
            done += 1
            current = Snapshot(after: outcome)
            checkpoints[n + done] = current
            thinCheckpoints(at: n + done)
            if done == 1 || done % 64 == 0 && clock.now - reported > .milliseconds(33) {
                await progress(done, outcome.loss)
                reported = clock.now
            }
        }
        _ = move(to: n + done)
        return done
    }
}
