/// A session of one's own at another's place: what a viewer of a served lecture roams on.
extension TrainingSession {
    /// A new session at the same place (scenario, iteration, cursor, granularity, selection, loss
    /// history and the iterations kept for time travel), paused and with no fast-forward, that
    /// neither saves nor reloads: it has no state folder of its own and no loader. What is done
    /// to it leaves this one alone; the kept history is a value, so sharing it costs nothing until
    /// one of them moves.
    public func copy() -> TrainingSession {
        let copy = TrainingSession(scenario: scenario, stateDirectory: "/dev/null", loader: nil, recentTraces: recentTraces)
        copy.timeline = timeline
        copy.current = current
        copy.layout = layout
        copy.lossHistory = lossHistory
        copy.granularity = granularity
        copy.selection = selection
        copy.speed = speed
        copy.go(to: place)
        return copy
    }
}
