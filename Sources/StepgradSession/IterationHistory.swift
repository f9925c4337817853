import StepgradEngine
import StepgradScenario

/// The iterations a session can return to, in memory that stays bounded however long it trains.
///
/// The engine is a pure function, so any past iteration can be recomputed, bit for bit,
/// from any earlier starting point; the history only decides what to keep:
/// - recorded iterations (with traces) within `recentLimit` of the current one, at most `recentLimit`;
/// - checkpoints (parameters and optimizer state), dense near the current iteration and
///   sparse further back: of the iterations d back with 2ᵏ ≤ d < 2ᵏ⁺¹, only the multiple of
///   2ᵏ is kept. That is one per band, so at most ⌊log₂(n − 1)⌋ + 2 at iteration n, and an
///   iteration d back is reached in fewer than 3d untraced iterations. As training moves on,
///   a dropped checkpoint is never wanted again, so thinning never has to look back.
/// Iteration 1 starts from the scenario (`origin`), which is always at hand.
struct IterationHistory: Sendable {
    let network: Network
    let batch: Batch
    let origin: Snapshot
    let recentLimit: Int
    var checkpoints: [Int: Snapshot] = [:]
    private(set) var recent: [Int: RecordedIteration] = [:]

    init(_ scenario: Scenario, recentLimit: Int) {
        network = scenario.network
        batch = scenario.batch
        origin = Snapshot(parameters: scenario.parameters)
        self.recentLimit = max(1, recentLimit)
    }

    /// Whether checkpoint `c` is worth keeping while the session is at iteration `position`.
    static func keeps(_ c: Int, at position: Int) -> Bool {
        guard c >= 1, c <= position else { return false }
        guard c < position else { return true }
        let band = Int.bitWidth - 1 - (position - c).leadingZeroBitCount
        return c & ((1 << band) - 1) == 0
    }

    /// Goes to iteration `n` (≥ 1) and returns it recorded; what is kept is thinned around it.
    mutating func move(to n: Int) -> RecordedIteration {
        let recorded = recent[n] ?? record(n, from: state(n))
        checkpoints[n] = recorded.input
        recent[n] = recorded
        thinCheckpoints(at: n)
        recent = recent.filter { abs($0.key - n) <= recentLimit }
        while recent.count > recentLimit, let far = recent.keys.max(by: { abs($0 - n) < abs($1 - n) }) {
            recent[far] = nil
        }
        return recorded
    }

    /// Starts over from `snapshot` at iteration `n`, as when resuming a saved session.
    mutating func restart(at n: Int, from snapshot: Snapshot) -> RecordedIteration {
        checkpoints = [:]
        recent = [:]
        checkpoints[n] = snapshot
        return move(to: n)
    }

    func record(_ n: Int, from input: Snapshot) -> RecordedIteration {
        RecordedIteration(number: n, input: input, outcome: input.iterate(network, on: batch, record: true))
    }

    /// The state iteration `n` starts from, recomputed from the latest one kept before it;
    /// the way there is checkpointed as if the session were already at `n`.
    mutating func state(_ n: Int) -> Snapshot {
        var (i, s) = nearest(atOrBefore: n)
        while i < n {
            s = Snapshot(after: s.iterate(network, on: batch, record: false))
            i += 1
            if Self.keeps(i, at: n) { checkpoints[i] = s }
        }
        return s
    }

    /// The latest state known without computing, at or before iteration `n`.
    func nearest(atOrBefore n: Int) -> (iteration: Int, state: Snapshot) {
        var best = (iteration: 1, state: origin)
        for (i, s) in checkpoints where i <= n && i > best.iteration { best = (i, s) }
        for (i, r) in recent {
            if i + 1 <= n && i + 1 > best.iteration { best = (i + 1, Snapshot(after: r.outcome)) }
            else if i <= n && i > best.iteration { best = (i, r.input) }
        }
        return best
    }

    mutating func thinCheckpoints(at n: Int) {
        for c in checkpoints.keys.filter({ !Self.keeps($0, at: n) }) { checkpoints[c] = nil }
    }

    /// The value of one cell in each of the iterations `range`, recomputed without
    /// disturbing what is kept. The caller checks that the cell exists.
    func values(of q: Quantity, at cell: Cell, in range: Range<Int>) -> [Double] {
        guard !range.isEmpty else { return [] }
        var (i, s) = nearest(atOrBefore: range.lowerBound)
        while i < range.lowerBound {
            s = Snapshot(after: s.iterate(network, on: batch, record: false))
            i += 1
        }
        var values: [Double] = []
        values.reserveCapacity(range.count)
        for n in range {
            let r = recent[n] ?? RecordedIteration(number: n, input: s,
                                                   outcome: s.iterate(network, on: batch, record: !q.isGiven))
            values.append(r.matrix(of: q, batch: batch).map { $0[cell.row, cell.column] } ?? .nan)
            s = Snapshot(after: r.outcome)
        }
        return values
    }
}
