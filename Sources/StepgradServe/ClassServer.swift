import NIOCore
import NIOPosix
import NIOSSH
import Synchronization

/// The SSH server of `serve`: accepts viewers and gives each a `Viewer` on the main actor.
/// Connections are bounded in all and per address, and must log in in time; with a class code,
/// only those who type it get in, and a connection trying wrong codes is cut off (`ServeLimits`).
public final class ClassServer: Sendable {
    private let group: MultiThreadedEventLoopGroup
    private let channel: Channel
    public let port: Int

    /// Listens on `host`:`port` (port 0 picks a free one).
    @MainActor
    public static func start(host: String, port: Int, hostKey: HostKey, code: String?, classroom: Classroom,
                             limits: ServeLimits = ServeLimits()) async throws -> ClassServer {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 2)
        let open = ConnectionCount(limits: limits)
        let frames = LectureFrames(classroom: classroom)
        let key = hostKey.key
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                let address = channel.remoteAddress?.ipAddress ?? "?"
                guard open.admit(from: address) else { return channel.close() }
                channel.closeFuture.whenComplete { _ in open.release(from: address) }
                let login = ClassCode(code, attempts: limits.codeAttempts, channel: channel)
                channel.eventLoop.scheduleTask(in: TimeAmount(limits.loginTime)) {
                    if !login.succeeded { channel.close(promise: nil) }
                }
                return channel.eventLoop.makeCompletedFuture {
                    let configuration = SSHServerConfiguration(hostKeys: [key], userAuthDelegate: login)
                    let handler = NIOSSHHandler(role: .server(configuration), allocator: channel.allocator) { child, type in
                        guard type == .session else {
                            return child.eventLoop.makeFailedFuture(ServeError("only session channels are served"))
                        }
                        return child.eventLoop.makeCompletedFuture {
                            let (events, post) = AsyncStream<ViewerEvent>.makeStream()
                            try child.pipeline.syncOperations.addHandler(ViewerChannelHandler(events: post))
                            let output = ViewerOutput(channel: child)
                            Task { @MainActor in
                                await Viewer(classroom: classroom, frames: frames, output: output, post: post).run(events)
                            }
                        }
                    }
                    try channel.pipeline.syncOperations.addHandlers(handler, CloseOnError())
                }
            }
        do {
            let channel = try await bootstrap.bind(host: host, port: port).get()
            return ClassServer(group: group, channel: channel, port: channel.localAddress?.port ?? port)
        } catch {
            try? await group.shutdownGracefully()
            throw ServeError("cannot listen on \(host) port \(port): \(error)")
        }
    }

    private init(group: MultiThreadedEventLoopGroup, channel: Channel, port: Int) {
        self.group = group
        self.channel = channel
        self.port = port
    }

    /// Stops listening and closes every connection.
    public func stop() async {
        try? await channel.close()
        try? await group.shutdownGracefully()
    }
}

/// Ends a connection on any error the SSH handler passes on (bytes that do not decrypt or
/// parse, a dropped connection): nothing else would close it.
final class CloseOnError: ChannelInboundHandler, Sendable {
    typealias InboundIn = Never

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        context.close(promise: nil)
    }
}

/// Authentication: with no code, everyone is let in (OpenSSH's `none` request succeeds, so no
/// prompt); with one, `none` fails and the password must be the code, whatever the user name.
/// After `attempts` wrong codes the connection is closed: guessing costs a new connection each
/// time, and connections are limited.
final class ClassCode: NIOSSHServerUserAuthenticationDelegate, Sendable {
    private let code: String?
    private let attempts: Int
    private let channel: Channel
    private let state = Mutex((succeeded: false, failures: 0))

    init(_ code: String?, attempts: Int, channel: Channel) {
        self.code = code
        self.attempts = attempts
        self.channel = channel
    }

    /// Whether this connection has logged in.
    var succeeded: Bool { state.withLock { $0.succeeded } }

    var supportedAuthenticationMethods: NIOSSHAvailableUserAuthenticationMethods { .password }

    func requestReceived(request: NIOSSHUserAuthenticationRequest,
                         responsePromise: EventLoopPromise<NIOSSHUserAuthenticationOutcome>) {
        switch request.request {
        case .none where code == nil:
            state.withLock { $0.succeeded = true }
            responsePromise.succeed(.success)
        case .password(let password) where code == nil || password.password == code:
            state.withLock { $0.succeeded = true }
            responsePromise.succeed(.success)
        case .password:
            let failures = state.withLock { $0.failures += 1; return $0.failures }
            responsePromise.succeed(.failure)
            if failures >= attempts { channel.close(promise: nil) }
        default:
            responsePromise.succeed(.failure)
        }
    }
}
