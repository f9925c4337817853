extension Command {
    /// The same effects, their messages wrapped by `transform`: how a program that shows another
    /// program inside it passes that one's commands on to the runtime.
    public func map<Other: Sendable>(_ transform: @escaping @Sendable (Message) -> Other) -> Command<Other> {
        Command<Other>(effects.map { effect -> Command<Other>.Effect in
            switch effect {
            case .quit: .quit
            case .after(let delay, let message, let id): .after(delay, transform(message), id: id)
            case .task(let id, let work): .task(id: id) { send in await work { send(transform($0)) } }
            case .cancel(let id): .cancel(id: id)
            }
        })
    }
}
