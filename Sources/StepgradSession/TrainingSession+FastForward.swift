extension TrainingSession {
    public var isBusy: Bool { fastForward != nil }

    /// Trains `iterations` iterations without recording traces, in the background, and lands
    /// at the start of the iteration after them; the iteration on screen counts as the first.
    /// Progress shows in `fastForward`; `cancelFastForward()` stops early, keeping what was
    /// done (restoring a saved session meanwhile discards it). The task returned tells how it
    /// ended; nothing needs to wait for it.
    @discardableResult public func fastForward(iterations: Int) -> Task<FastForwardOutcome, Never> {
        train(iterations, landingAt: .start)
    }

    public func cancelFastForward() {
        fastForwardTask?.cancel()
    }

    /// Returns once no fast-forward is under way.
    public func waitUntilIdle() async {
        while let task = fastForwardTask { _ = await task.value }
    }

    /// Trains `count` iterations on, then puts the cursor at `landing` (when it reached them all).
    func train(_ count: Int, landingAt landing: Cursor) -> Task<FastForwardOutcome, Never> {
        guard !isBusy else { return Task { .refused("A fast-forward is already under way.") } }
        guard count > 0 else { return Task { .refused("Nothing to do: \(count) iterations.") } }
        guard count <= Self.maximumIteration - iteration else {
            return Task { .refused("That would pass iteration \(Self.maximumIteration), the furthest a session goes.") }
        }
        pause()
        let start = iteration, timeline = timeline, epoch = epoch, history = lossHistory
        fastForward = FastForwardProgress(completed: 0, total: count)
        let worker = Task.detached(priority: .userInitiated) { [weak self] in
            var timeline = timeline, history = history
            let done = await timeline.train(from: start, count: count, into: &history) { done, loss in
                await self?.report(FastForwardProgress(completed: done, total: count, loss: loss), epoch: epoch)
            }
            return (timeline, history, done)
        }
        let task = Task { [weak self] () -> FastForwardOutcome in
            let (timeline, history, done) = await withTaskCancellationHandler { await worker.value } onCancel: { worker.cancel() }
            guard let self, self.epoch == epoch else { return .cancelled(completed: 0) }
            self.land(timeline, history, done, at: done == count ? landing : .start)
            return done == count ? .finished(iterations: count) : .cancelled(completed: done)
        }
        fastForwardTask = task
        return task
    }

    private func report(_ progress: FastForwardProgress, epoch: Int) {
        if isBusy && self.epoch == epoch { fastForward = progress }
    }

    private func land(_ timeline: IterationHistory, _ history: LossHistory, _ done: Int, at landing: Cursor) {
        self.timeline = timeline
        current = self.timeline.move(to: iteration + done)
        lossHistory = history
        go(to: layout.isValid(landing) ? layout.place(landing) : 0)
        fastForward = nil
        fastForwardTask = nil
    }
}
