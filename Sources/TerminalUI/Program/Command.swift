/// What a program asks of its runtime after an event, as bubbletea's `Cmd`: `update` only
/// describes the work (quit, deliver a message later, run something in the background); the
/// runtime does it, and what the work reports comes back through `update` as messages. So
/// `update` never waits, sleeps or touches a file or a socket itself.
public struct Command<Message: Sendable>: Sendable {
    /// Hands a message to the running program from any thread; the program sees it in `update`.
    public typealias Send = @Sendable (Message) -> Void

    public enum Effect: Sendable {
        /// End the run.
        case quit
        /// Deliver `message` once `delay` has passed. A later timer or task with the same `id`
        /// replaces this one, so a repeating timer is a timer whose message schedules the next.
        case after(Duration, Message, id: String?)
        /// Run `work` concurrently, off the main actor; each message it sends is delivered in
        /// order. A later timer or task with the same `id` cancels this one, as does `.cancel(id)`.
        case task(id: String?, @Sendable (_ send: Send) async -> Void)
        /// Cancel the timer or task with this `id`, if any is pending.
        case cancel(id: String)
    }

    public let effects: [Effect]

    public init(_ effects: [Effect] = []) {
        self.effects = effects
    }

    public static var none: Command { Command() }
    public static var quit: Command { Command([.quit]) }

    public static func after(_ delay: Duration, _ message: Message, id: String? = nil) -> Command {
        Command([.after(delay, message, id: id)])
    }

    public static func task(id: String? = nil, _ work: @escaping @Sendable (_ send: Send) async -> Void) -> Command {
        Command([.task(id: id, work)])
    }

    public static func cancel(_ id: String) -> Command { Command([.cancel(id: id)]) }

    /// Both commands' effects, `a`'s first.
    public static func + (a: Command, b: Command) -> Command { Command(a.effects + b.effects) }

    /// Whether this command ends the run.
    public var quits: Bool {
        effects.contains { if case .quit = $0 { true } else { false } }
    }
}
