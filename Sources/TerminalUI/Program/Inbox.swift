import Synchronization

/// Messages a task has sent, gathered from whatever thread it sent them on.
final class Inbox<Message: Sendable>: Sendable {
    private let store = Mutex<[Message]>([])

    func append(_ message: Message) { store.withLock { $0.append(message) } }

    var messages: [Message] { store.withLock { $0 } }
}
