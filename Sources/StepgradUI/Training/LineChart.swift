import Foundation
import TerminalUI

/// Curves over epochs in Braille dots (2 × 4 a cell), with the value axis labelled on the left and
/// the epochs below; without Unicode, a `*` a cell. Each series is values evenly spaced over the
/// epochs from 0 to `lastEpoch` (every epoch, or every few once a long run's history is thinned).
struct LineChart {
    struct Series {
        var values: [Double]
        var style: Style
    }

    var series: [Series]
    /// The value axis: from `low` to the largest value (or `high` when given).
    var low: Double
    var high: Double?
    /// The epoch of each series' last value.
    var lastEpoch: Int
    var unicode: Bool
    var labelStyle: Style
    /// How the value axis's two ends are written.
    var label: (Double) -> String = LineChart.label
    /// Written below the plot, after the first epoch's 0: what the curves are, when the box does not say.
    var caption: String?

    func draw(in rect: Rect, into grid: inout Grid) {
        let finite = series.flatMap(\.values).filter(\.isFinite)
        let top = high ?? max(finite.max() ?? 1, low + 1e-9)
        let labels = [label(top), label(low)]
        let labelWidth = (labels.map(\.count).max() ?? 0) + 1
        let plot = Rect(x: rect.x + labelWidth, y: rect.y, width: rect.width - labelWidth, height: rect.height - 1)
        guard plot.width >= 2, plot.height >= 1 else { return }
        grid.write(labels[0], x: rect.x, y: plot.y, style: labelStyle)
        grid.write(labels[1], x: rect.x, y: plot.maxY - 1, style: labelStyle)
        let epochs = max((series.map(\.values.count).max() ?? 1) - 1, 0)
        let first = "0" + (caption.map { "  " + $0 } ?? "")
        grid.write(first, x: plot.x, y: plot.maxY, style: labelStyle, clip: Rect(x: plot.x, y: plot.maxY, width: plot.width, height: 1))
        let last = caption == nil ? "epoch \(lastEpoch)" : "\(lastEpoch)"
        if plot.maxX - last.count > plot.x + first.count {
            grid.write(last, x: plot.maxX - last.count, y: plot.maxY, style: labelStyle)
        }

        let (dotsWide, dotsHigh) = unicode ? (plot.width * 2, plot.height * 4) : (plot.width, plot.height)
        var bits = [UInt8](repeating: 0, count: plot.width * plot.height)
        var owner = [Int](repeating: -1, count: plot.width * plot.height)
        for (s, line) in series.enumerated() where line.values.count >= 1 {
            var previous: Int?
            for dx in 0..<dotsWide {
                // The value under this column of dots: epoch 0 at the left edge, the latest at the right.
                let index = epochs == 0 ? 0 : min(line.values.count - 1, (dx * epochs + (dotsWide - 1) / 2) / max(dotsWide - 1, 1))
                let value = line.values[index]
                guard value.isFinite else { previous = nil; continue }
                let fraction = (min(max(value, low), top) - low) / (top - low)
                let dy = dotsHigh - 1 - Int((fraction * Double(dotsHigh - 1)).rounded())
                let from = previous.map { min($0, dy) } ?? dy, to = previous.map { max($0, dy) } ?? dy
                for y in from...to {
                    let cell = (y / (unicode ? 4 : 1)) * plot.width + dx / (unicode ? 2 : 1)
                    bits[cell] |= unicode ? Self.dot(x: dx % 2, y: y % 4) : 1
                    owner[cell] = s
                }
                previous = dy
            }
        }
        for cell in bits.indices where bits[cell] != 0 {
            let character: Character = unicode ? Character(UnicodeScalar(0x2800 + UInt32(bits[cell]))!) : "*"
            grid[plot.x + cell % plot.width, plot.y + cell / plot.width] = GridCell(character, style: series[owner[cell]].style)
        }
    }

    /// The bit of Braille dot (x, y) in a cell: dots 1–3 and 7 down the left, 4–6 and 8 down the right.
    static func dot(x: Int, y: Int) -> UInt8 {
        let left: [UInt8] = [0x01, 0x02, 0x04, 0x40], right: [UInt8] = [0x08, 0x10, 0x20, 0x80]
        return x == 0 ? left[y] : right[y]
    }

    static func label(_ v: Double) -> String {
        if v == 0 { return "0" }
        if abs(v) >= 100 { return String(Int(v.rounded())) }
        let text = String(format: abs(v) >= 10 ? "%.1f" : "%.2f", v)
        return text
    }
}
