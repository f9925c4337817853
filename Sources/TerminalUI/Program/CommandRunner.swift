/// Carries out the timers and tasks of `Command`s for a runtime in real time: each is a `Task`,
/// and what it reports goes to `send`, which the runtime feeds into its one stream of events.
@MainActor
public final class CommandRunner<Message: Sendable> {
    private let send: Command<Message>.Send
    /// Pending timers and tasks, by id; anonymous ones get a private id so that `cancelAll` reaches them.
    private var running: [String: (token: Int, task: Task<Void, Never>)] = [:]
    private var nextToken = 0

    public init(send: @escaping Command<Message>.Send) {
        self.send = send
    }

    /// Starts the command's timers and tasks; returns whether it asks to quit.
    @discardableResult
    public func perform(_ command: Command<Message>) -> Bool {
        for effect in command.effects {
            switch effect {
            case .quit:
                break
            case .after(let delay, let message, let id):
                start(id: id) { send in
                    do { try await Task.sleep(for: delay) } catch { return }
                    send(message)
                }
            case .task(let id, let work):
                start(id: id, work)
            case .cancel(let id):
                running.removeValue(forKey: id)?.task.cancel()
            }
        }
        return command.quits
    }

    /// How many timers and tasks have not finished.
    public var pendingCount: Int { running.count }

    /// Cancels everything pending, e.g. when the run ends.
    public func cancelAll() {
        for (_, entry) in running { entry.task.cancel() }
        running = [:]
    }

    private func start(id: String?, _ work: @escaping @Sendable (Command<Message>.Send) async -> Void) {
        nextToken += 1
        let token = nextToken, key = id ?? "#\(token)"
        running.removeValue(forKey: key)?.task.cancel()
        let send = self.send
        let task = Task.detached { [weak self] in
            // A cancelled task's late messages are dropped: it was replaced or the run is over.
            await work { message in if !Task.isCancelled { send(message) } }
            await self?.finished(key, token)
        }
        running[key] = (token, task)
    }

    private func finished(_ key: String, _ token: Int) {
        if running[key]?.token == token { running[key] = nil }
    }
}
