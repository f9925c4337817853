/// Crossing an update, in either direction. The iteration entered comes from the history:
/// kept, or recomputed from the nearest checkpoint before it, so going back restores the
/// earlier parameters and optimizer state exactly.
extension TrainingSession {
    /// Shows the iteration next to the current one (`n` is `iteration ± 1`) at `place`.
    func enter(_ n: Int, at place: Int) {
        let left = current
        current = timeline.move(to: n)
        if n > left.number {
            lossHistory.append(left.outcome.loss)
        } else {
            lossHistory.removeLast(current.outcome.loss)
        }
        go(to: place)
    }
}
