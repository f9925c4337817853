/// How much of the server one room, one address and one connection may take: a flood of
/// connections or of class-code guesses is turned away, never queued.
public struct ServeLimits: Sendable {
    /// Connections open at once, at most; more are closed as they arrive.
    public var connections = 512
    /// Connections open at once from one address. Students behind one NAT share an address:
    /// raise it for such a room (`--max-per-address`).
    public var perAddress = 32
    /// Time to log in (class code given, or none needed) before the connection is closed.
    public var loginTime: Duration = .seconds(30)
    /// Wrong class codes one connection may try before it is closed.
    public var codeAttempts = 3

    public init(connections: Int = 512, perAddress: Int = 32, loginTime: Duration = .seconds(30), codeAttempts: Int = 3) {
        self.connections = connections
        self.perAddress = perAddress
        self.loginTime = loginTime
        self.codeAttempts = codeAttempts
    }
}
