import StepgradUI
import TerminalUI

/// A small program that shows what the terminal layer delivers: size, events, ticks (a timer
/// command, every 100 ms while `t` has them on), colours and a heatmap strip. Used by the
/// end-to-end tests and to look at the terminal layer by eye.
@MainActor
final class DemoProgram: TerminalProgram {
    let theme: Theme
    let capabilities: TerminalCapabilities
    let allowsCrash: Bool

    private(set) var events = 0
    private(set) var lastEvent: InputEvent?
    private var ticks = 0
    private var ticking = false
    private var size = Size(width: 0, height: 0)

    init(theme: Theme, capabilities: TerminalCapabilities, allowsCrash: Bool) {
        self.theme = theme
        self.capabilities = capabilities
        self.allowsCrash = allowsCrash
    }

    let minimumSize = Size(width: 40, height: 10)

    enum Message: Sendable {
        case tick
    }

    private static let tick = Command<Message>.after(.milliseconds(100), .tick, id: "tick")

    func update(_ event: InputEvent) -> Command<Message> {
        events += 1
        lastEvent = event
        switch event {
        case .key(KeyEvent("q")), .key(KeyEvent("c", .control)):
            return .quit
        case .key(KeyEvent("t")):
            ticking.toggle()
            return ticking ? Self.tick : .cancel("tick")
        case .key(KeyEvent("X")) where allowsCrash:
            fatalError("terminal-demo: crash requested with X")
        case .resize(let newSize):
            size = newSize
        default:
            break
        }
        return .none
    }

    func update(_ message: Message) -> Command<Message> {
        ticks += 1
        return Self.tick
    }

    func view(into grid: inout Grid) {
        let glyphs = capabilities.glyphs
        grid.clear(grid.area, style: theme[.text])
        grid.drawBox(grid.area, glyphs: glyphs.box, style: theme[.border], title: "terminal-demo",
                     titleStyle: theme[.title], ellipsis: glyphs.ellipsis)
        let inner = grid.area.inset(top: 1, left: 2, bottom: 1, right: 2)
        let rows = inner.split(rows: [.fixed(1), .fixed(1), .fixed(1), .fixed(1), .fill, .fixed(1)])
        grid.write("size \(size.width)\(glyphs.times)\(size.height)  events \(events)  ticks \(ticks)",
                   x: rows[0].x, y: rows[0].y, style: theme[.text], clip: rows[0], ellipsis: glyphs.ellipsis)
        grid.write("last: \(lastEvent.map(Self.describe) ?? "none")", x: rows[1].x, y: rows[1].y,
                   style: theme[.accent], clip: rows[1], ellipsis: glyphs.ellipsis)
        grid.write("colour: \(capabilities.colourDepth)  theme: \(theme.name)  unicode: \(capabilities.unicode)",
                   x: rows[2].x, y: rows[2].y, style: theme[.dim], clip: rows[2], ellipsis: glyphs.ellipsis)
        drawHeatStrip(into: &grid, at: rows[3], glyphs: glyphs)
        let hints = "q quit  t ticks  Ctrl-Z suspend"
        grid.write(hints, x: rows[5].x, y: rows[5].y, style: theme[.key], clip: rows[5], ellipsis: glyphs.ellipsis)
    }

    /// −1 … 1 in eighths, then NaN, +∞, −∞: three cells each.
    private func drawHeatStrip(into grid: inout Grid, at area: Rect, glyphs: Glyphs) {
        let values = (-4...4).map { Double($0) / 4 } + [.nan, .infinity, -.infinity]
        let scale = HeatmapScale(values: values)
        var x = grid.write("heat ", x: area.x, y: area.y, style: theme[.dim], clip: area)
        for value in values {
            let level = scale.level(value)
            let style = theme.heatmap.style(for: level, depth: capabilities.colourDepth)
            let marker = capabilities.colourDepth.showsMagnitudeInColour ? "  " : glyphs.heatMarker(level)
            x = grid.write(marker + " ", x: x, y: area.y, style: style, clip: area)
        }
    }

    static func describe(_ event: InputEvent) -> String {
        switch event {
        case .key(let key): "key \(key)"
        case .mouse(let mouse):
            switch mouse.kind {
            case .press(let button): "mouse press \(button) at \(mouse.x),\(mouse.y)"
            case .wheelUp: "mouse wheel up at \(mouse.x),\(mouse.y)"
            case .wheelDown: "mouse wheel down at \(mouse.x),\(mouse.y)"
            }
        case .resize(let size): "resize \(size)"
        case .hangup: "hangup"
        case .interrupt: "interrupt"
        case .terminate: "terminate"
        }
    }
}
