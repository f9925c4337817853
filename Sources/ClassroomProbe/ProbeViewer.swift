import Foundation
import NIOCore
import NIOPosix
import NIOSSH
import Synchronization

/// A scripted student for tests and benchmarks of `stepgrad serve`: an SSH client (swift-nio-ssh)
/// that asks for a terminal of a given size and the shell, then keeps what the server sends. It
/// can also do what a bad client does: type anything, ask for any window size, ask for a command
/// or a port forward, or stop reading altogether.
public final class ProbeViewer: Sendable {
    public let channel: Channel
    private let session: Channel
    private let received: Received

    /// Connects to `port` on loopback as `user`, offering `passwords` in turn, asks for a `width`×`height`
    /// terminal of type `term` and the shell. `reading: false` makes a viewer that, once the shell
    /// is started, never reads again: the server's writes back up in its socket.
    public static func connect(port: Int, group: EventLoopGroup, width: Int = 80, height: Int = 24, term: String = "xterm-256color",
                               user: String = "student", passwords: [String] = [""], reading: Bool = true) async throws -> ProbeViewer {
        let received = Received()
        let channel = try await ClientBootstrap(group: group)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let configuration = SSHClientConfiguration(
                        userAuthDelegate: Passwords(user: user, passwords: passwords, channel: channel),
                        serverAuthDelegate: AnyHostKey())
                    try channel.pipeline.syncOperations.addHandler(
                        NIOSSHHandler(role: .client(configuration), allocator: channel.allocator, inboundChildChannelInitializer: nil))
                }
            }
            .connect(host: "127.0.0.1", port: port).get()
        do {
            let session = try await channel.pipeline.handler(type: NIOSSHHandler.self).flatMap { ssh in
                let promise = channel.eventLoop.makePromise(of: Channel.self)
                // The handler leaves a channel asked for before login pending when the connection
                // closes; the second completion of a promise is ignored.
                channel.closeFuture.whenComplete { _ in promise.fail(ProbeError("the server closed the connection")) }
                ssh.createChannel(promise, channelType: .session) { child, _ in
                    child.eventLoop.makeCompletedFuture {
                        try child.pipeline.syncOperations.addHandler(Collector(received))
                    }
                }
                return promise.futureResult
            }.get()
            let pty = SSHChannelRequestEvent.PseudoTerminalRequest(
                wantReply: true, term: term, terminalCharacterWidth: width, terminalRowHeight: height,
                terminalPixelWidth: 0, terminalPixelHeight: 0, terminalModes: SSHTerminalModes([:]))
            let viewer = ProbeViewer(channel: channel, session: session, received: received)
            guard try await viewer.request(pty), try await viewer.request(SSHChannelRequestEvent.ShellRequest(wantReply: true)) else {
                throw ProbeError("the server refused the terminal or the shell")
            }
            if !reading { try await channel.setOption(ChannelOptions.autoRead, value: false).get() }
            return viewer
        } catch {
            try? await channel.close()
            throw error
        }
    }

    private init(channel: Channel, session: Channel, received: Received) {
        self.channel = channel
        self.session = session
        self.received = received
    }

    /// Every byte the session channel has received so far.
    public var bytes: [UInt8] { received.state.withLock { $0.bytes } }
    /// How many bytes have arrived, and when the latest did.
    public var arrivals: (count: Int, last: ContinuousClock.Instant?) { received.state.withLock { ($0.bytes.count, $0.last) } }
    /// When the first byte after `mark()` arrived, if one has.
    public var firstAfterMark: ContinuousClock.Instant? { received.state.withLock { $0.firstAfterMark } }
    /// Whether the server has closed the session.
    public var isClosed: Bool { received.state.withLock { $0.closed } }

    /// Starts watching for the next byte to arrive (see `firstAfterMark`).
    public func mark() { received.state.withLock { $0.firstAfterMark = nil; $0.marked = true } }

    /// Sends `bytes` as typed keys.
    public func type(_ bytes: [UInt8]) async throws {
        try await session.writeAndFlush(SSHChannelData(type: .channel, data: .byteBuffer(ByteBuffer(bytes: bytes))))
    }

    /// Asks for a window of `width`×`height` (no reply is given to a window change).
    public func resize(width: Int, height: Int) async throws {
        try await session.triggerUserOutboundEvent(SSHChannelRequestEvent.WindowChangeRequest(
            terminalCharacterWidth: width, terminalRowHeight: height, terminalPixelWidth: 0, terminalPixelHeight: 0)).get()
    }

    /// Asks to run `command`; whether the server agreed.
    public func exec(_ command: String) async throws -> Bool {
        try await request(SSHChannelRequestEvent.ExecRequest(command: command, wantReply: true))
    }

    /// Sends a channel request that wants a reply and waits (up to 10 s) for it: whether it succeeded.
    private func request(_ event: some Sendable) async throws -> Bool {
        let before = received.state.withLock { $0.replies.count }
        try await session.triggerUserOutboundEvent(event).get()
        let deadline = ContinuousClock.now + .seconds(10)
        while ContinuousClock.now < deadline {
            if let reply = received.state.withLock({ $0.replies.count > before ? $0.replies[before] : nil }) { return reply }
            if isClosed { throw ProbeError("the server closed the session") }
            try await Task.sleep(for: .milliseconds(5))
        }
        throw ProbeError("no reply to \(event) within 10 s")
    }

    /// Asks for a channel to `host`:`port` through the server (`ssh -L`); throws when refused.
    public func openDirectTCPIP(host: String, port: Int) async throws {
        let origin = try SocketAddress(ipAddress: "127.0.0.1", port: 40000)
        _ = try await channel.pipeline.handler(type: NIOSSHHandler.self).flatMap { ssh in
            let promise = self.channel.eventLoop.makePromise(of: Channel.self)
            ssh.createChannel(promise, channelType: .directTCPIP(.init(targetHost: host, targetPort: port, originatorAddress: origin))) { child, _ in
                child.eventLoop.makeSucceededVoidFuture()
            }
            return promise.futureResult
        }.get()
    }

    /// Asks the server to listen on `port` for us (`ssh -R`); throws when refused.
    public func requestRemoteForward(port: Int) async throws {
        _ = try await channel.pipeline.handler(type: NIOSSHHandler.self).flatMap { ssh in
            let promise = self.channel.eventLoop.makePromise(of: GlobalRequest.TCPForwardingResponse?.self)
            ssh.sendTCPForwardingRequest(.listen(host: "127.0.0.1", port: port), promise: promise)
            return promise.futureResult
        }.get()
    }

    /// Writes `bytes` straight into the TCP stream, under the SSH layer: garbage the server must decrypt.
    public func injectRaw(_ bytes: [UInt8]) async throws {
        let channel = channel
        try await channel.eventLoop.submit {
            try channel.pipeline.syncOperations.addHandler(RawWriter(), position: .first)
        }.get()
        try await channel.pipeline.handler(type: RawWriter.self).flatMap { $0.write(bytes) }.get()
    }

    public func close() async {
        try? await channel.close()
    }
}

/// What the session channel received, shared between the event loop and the test.
final class Received: Sendable {
    struct State {
        var bytes: [UInt8] = []
        var last: ContinuousClock.Instant?
        var marked = false
        var firstAfterMark: ContinuousClock.Instant?
        var closed = false
        /// Replies to requests, in order: success or failure.
        var replies: [Bool] = []
    }

    let state = Mutex(State())
}

/// Keeps what arrives on the session channel, with its time of arrival.
private final class Collector: ChannelInboundHandler {
    typealias InboundIn = SSHChannelData
    private let received: Received

    init(_ received: Received) { self.received = received }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let now = ContinuousClock.now
        guard case .byteBuffer(let buffer) = unwrapInboundIn(data).data else { return }
        received.state.withLock { state in
            state.bytes += buffer.readableBytesView
            state.last = now
            if state.marked && state.firstAfterMark == nil { state.firstAfterMark = now }
        }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        switch event {
        case is ChannelSuccessEvent: received.state.withLock { $0.replies.append(true) }
        case is ChannelFailureEvent: received.state.withLock { $0.replies.append(false) }
        default: context.fireUserInboundEventTriggered(event)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        received.state.withLock { $0.closed = true }
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        context.close(promise: nil)
    }
}

/// Writes raw bytes to the socket, bypassing the SSH handler behind it.
private final class RawWriter: ChannelOutboundHandler {
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer
    private var context: ChannelHandlerContext?

    func handlerAdded(context: ChannelHandlerContext) { self.context = context }

    func write(_ bytes: [UInt8]) -> EventLoopFuture<Void> {
        guard let context else { fatalError("RawWriter used before it was added") }
        return context.writeAndFlush(wrapOutboundOut(ByteBuffer(bytes: bytes)))
    }
}

/// Offers one password after another while the server asks for one; when none is left, hangs up
/// (the handler would wait for ever), as `ssh` does after its last try.
private final class Passwords: NIOSSHClientUserAuthenticationDelegate {
    private let user: String
    private var passwords: [String]
    private let channel: Channel

    init(user: String, passwords: [String], channel: Channel) {
        self.user = user
        self.passwords = passwords
        self.channel = channel
    }

    func nextAuthenticationType(availableMethods: NIOSSHAvailableUserAuthenticationMethods,
                                nextChallengePromise: EventLoopPromise<NIOSSHUserAuthenticationOffer?>) {
        guard availableMethods.contains(.password), !passwords.isEmpty else {
            nextChallengePromise.succeed(nil)
            channel.close(promise: nil)
            return
        }
        let password = passwords.removeFirst()
        nextChallengePromise.succeed(NIOSSHUserAuthenticationOffer(username: user, serviceName: "", offer: .password(.init(password: password))))
    }
}

/// Trusts any host key: the server under test is on loopback and its key is checked elsewhere.
private final class AnyHostKey: NIOSSHClientServerAuthenticationDelegate {
    func validateHostKey(hostKey: NIOSSHPublicKey, validationCompletePromise: EventLoopPromise<Void>) {
        validationCompletePromise.succeed(())
    }
}
