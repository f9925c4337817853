import Synchronization

/// What a recorded iteration keeps for its trace: one copy of the workspace's numbers and
/// the values around them, which the iteration holds anyway (copy-on-write, not copied).
struct Recording: Sendable {
    var network: Network
    var workspace: [Double]
    var parameters: Parameters
    var batch: Batch
    var loss: Double
    var steps: [ParameterStep]
    var step: Int

    /// The operations, read off a workspace restored to the recorded numbers: the same code
    /// as reading them straight after the arithmetic, so the same bits.
    func operations() -> [Operation] {
        let work = Workspace(network, rows: batch.size, contents: workspace)
        return work.operations(parameters, batch, loss: loss, steps: steps, step: step)
    }
}

extension Trace {
    /// A recording whose operations are built once, by the first reader, and shared by every
    /// copy of the trace. A lock, because traces are read from the main actor and from tasks.
    final class Recorded: Sendable {
        private enum State {
            case pending(Recording)
            case built([Operation])
        }

        private let state: Mutex<State>

        init(_ recording: Recording) { state = Mutex(.pending(recording)) }

        var operations: [Operation] {
            state.withLock { state in
                switch state {
                case .built(let operations):
                    return operations
                case .pending(let recording):
                    // The recording is dropped once built: the operations hold every number it had.
                    let operations = recording.operations()
                    state = .built(operations)
                    return operations
                }
            }
        }
    }
}
