import StepgradEngine

extension IterationHistory {
    /// Trains up to `count` untraced iterations on from iteration `n`, for a background task:
    /// stops early when the task is cancelled, adds each loss to `losses`, and reports
    /// (iterations done, latest loss) about 30 times a second. Returns the iterations done, and
    /// ends recorded at the iteration reached.
    ///
    /// The iterations train in place in one workspace (`Network.train`), and only the checkpoints
    /// that will still be kept at the end are copied out on the way (a few dozen of a million),
    /// so an iteration allocates nothing. Cancelled early, the iterations between the last
    /// checkpoint and the one reached are recomputed when stepped back into.
    mutating func train(from n: Int, count: Int, into losses: inout LossHistory,
                        progress: (_ done: Int, _ loss: Double) async -> Void) async -> Int {
        var current = state(n)
        var scratch = IterationScratch()
        var done = 0
        let clock = ContinuousClock()
        var reported = clock.now
        while done < count, !Task.isCancelled {
            let outcome = network.train(&current.parameters, &current.optimizerState, on: batch, scratch: &scratch)
            losses.append(outcome.loss)
            done += 1
            if Self.keeps(n + done, at: n + count) { checkpoints[n + done] = current }
            if done == 1 || done % 64 == 0 && clock.now - reported > .milliseconds(33) {
                await progress(done, outcome.loss)
                reported = clock.now
            }
        }
        checkpoints[n + done] = current
        thinCheckpoints(at: n + done)
        _ = move(to: n + done)
        return done
    }
}
