import NIOCore
import NIOSSH

/// Writing to a viewer's channel from the main actor: each write hops to the channel's event loop.
struct ViewerOutput: Sendable {
    let channel: Channel

    /// Whether the channel takes more output now; when not, frames wait (and coalesce) until it does.
    var isWritable: Bool { channel.isWritable }

    func send(_ bytes: [UInt8]) {
        guard !bytes.isEmpty else { return }
        let channel = channel
        channel.eventLoop.execute { _ = Self.write(bytes, to: channel) }
    }

    /// Ends the session as a shell would: `farewell`, once written, then an exit status, then
    /// the channel closes.
    func finish(status: Int, farewell: [UInt8] = []) {
        let channel = channel
        channel.eventLoop.execute {
            Self.write(farewell, to: channel).whenComplete { _ in
                channel.triggerUserOutboundEvent(SSHChannelRequestEvent.ExitStatus(exitStatus: status), promise: nil)
                channel.close(promise: nil)
            }
        }
    }

    private static func write(_ bytes: [UInt8], to channel: Channel) -> EventLoopFuture<Void> {
        let data = SSHChannelData(type: .channel, data: .byteBuffer(channel.allocator.buffer(bytes: bytes)))
        return channel.writeAndFlush(data)
    }
}
