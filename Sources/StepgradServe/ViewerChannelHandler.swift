import NIOCore
import NIOSSH
import TerminalUI

/// One SSH session channel: turns its requests and data into `ViewerEvent`s for the viewer, which
/// runs on the main actor, and answers the requests. A viewer gets its viewer program and nothing
/// else: `exec` and subsystems (sftp) are refused, and the server accepts no other channel type.
final class ViewerChannelHandler: ChannelInboundHandler {
    typealias InboundIn = SSHChannelData

    private let events: AsyncStream<ViewerEvent>.Continuation
    private var shellStarted = false

    init(events: AsyncStream<ViewerEvent>.Continuation) {
        self.events = events
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let message = unwrapInboundIn(data)
        guard case .channel = message.type, case .byteBuffer(let buffer) = message.data else { return }
        events.yield(.input(Array(buffer.readableBytesView)))
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        switch event {
        case let request as SSHChannelRequestEvent.PseudoTerminalRequest:
            events.yield(.terminal(term: request.term,
                                   size: ViewerTerminal.bounded(width: request.terminalCharacterWidth,
                                                                height: request.terminalRowHeight)))
            reply(context, request.wantReply, success: true)
        case let request as SSHChannelRequestEvent.EnvironmentRequest:
            events.yield(.environment(name: request.name, value: request.value))
            reply(context, request.wantReply, success: true)
        case let request as SSHChannelRequestEvent.ShellRequest:
            let first = !shellStarted
            shellStarted = true
            if first { events.yield(.shell) }
            reply(context, request.wantReply, success: first)
        case let request as SSHChannelRequestEvent.WindowChangeRequest:
            events.yield(.resize(ViewerTerminal.bounded(width: request.terminalCharacterWidth,
                                                        height: request.terminalRowHeight)))
        case let request as SSHChannelRequestEvent.ExecRequest:
            reply(context, request.wantReply, success: false)
        case let request as SSHChannelRequestEvent.SubsystemRequest:
            reply(context, request.wantReply, success: false)
        case ChannelEvent.inputClosed:
            context.close(promise: nil)
        default:
            context.fireUserInboundEventTriggered(event)
        }
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        events.yield(.writable(context.channel.isWritable))
        context.fireChannelWritabilityChanged()
    }

    func channelInactive(context: ChannelHandlerContext) {
        events.yield(.closed)
        events.finish()
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        // A dropped connection (NIOSSHError.tcpShutdown) or garbage: the viewer goes, nothing else.
        context.close(promise: nil)
    }

    private func reply(_ context: ChannelHandlerContext, _ wanted: Bool, success: Bool) {
        guard wanted else { return }
        let event: Any = success ? ChannelSuccessEvent() : ChannelFailureEvent()
        context.triggerUserOutboundEvent(event, promise: nil)
    }
}
