import NIOCore
import NIOPosix
import NIOSSH
import Synchronization

/// The SSH server of `serve`: accepts viewers and gives each a `Viewer` on the main actor.
/// Connections are bounded in number; with a class code, only those who type it get in.
public final class ClassServer: Sendable {
    /// Connections open at once, at most; more are closed as they arrive.
    public static let connectionLimit = 512

    private let group: MultiThreadedEventLoopGroup
    private let channel: Channel
    public let port: Int

    /// Listens on `host`:`port` (port 0 picks a free one).
    @MainActor
    public static func start(host: String, port: Int, hostKey: HostKey, code: String?, classroom: Classroom) async throws -> ClassServer {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 2)
        let open = ConnectionCount()
        let key = hostKey.key
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                guard open.admit(limit: connectionLimit) else { return channel.close() }
                channel.closeFuture.whenComplete { _ in open.release() }
                return channel.eventLoop.makeCompletedFuture {
                    let configuration = SSHServerConfiguration(hostKeys: [key], userAuthDelegate: ClassCode(code))
                    let handler = NIOSSHHandler(role: .server(configuration), allocator: channel.allocator) { child, type in
                        guard type == .session else {
                            return child.eventLoop.makeFailedFuture(ServeError("only session channels are served"))
                        }
                        return child.eventLoop.makeCompletedFuture {
                            let (events, post) = AsyncStream<ViewerEvent>.makeStream()
                            try child.pipeline.syncOperations.addHandler(ViewerChannelHandler(events: post))
                            let output = ViewerOutput(channel: child)
                            Task { @MainActor in
                                await Viewer(classroom: classroom, output: output, post: post).run(events)
                            }
                        }
                    }
                    try channel.pipeline.syncOperations.addHandler(handler)
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

/// Authentication: with no code, everyone is let in (OpenSSH's `none` request succeeds, so no
/// prompt); with one, `none` fails and the password must be the code, whatever the user name.
final class ClassCode: NIOSSHServerUserAuthenticationDelegate {
    private let code: String?

    init(_ code: String?) { self.code = code }

    var supportedAuthenticationMethods: NIOSSHAvailableUserAuthenticationMethods { .password }

    func requestReceived(request: NIOSSHUserAuthenticationRequest,
                         responsePromise: EventLoopPromise<NIOSSHUserAuthenticationOutcome>) {
        switch request.request {
        case .none where code == nil:
            responsePromise.succeed(.success)
        case .password(let password) where code == nil || password.password == code:
            responsePromise.succeed(.success)
        default:
            responsePromise.succeed(.failure)
        }
    }
}

/// Connections open now, counted across event loops.
private final class ConnectionCount: Sendable {
    private let count = Mutex(0)

    /// Counts one more, unless `limit` are open already.
    func admit(limit: Int) -> Bool {
        count.withLock { count in
            guard count < limit else { return false }
            count += 1
            return true
        }
    }

    func release() { count.withLock { $0 -= 1 } }
}
