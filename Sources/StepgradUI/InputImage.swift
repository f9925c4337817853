import TerminalUI

/// A column of n² values, an input of 784 = 28×28 or 64 = 8×8 pixels, drawn as the picture it is:
/// pixel (r, c) is value r·n + c, the image's rows one after another (as `digits.csv` and MNIST
/// lay them out). With 256 colours or more each character cell holds two pixels, one above the
/// other (an upper half block in the upper pixel's colour on the lower one's), so that pixels are
/// about square; with fewer, each pixel is two cells of its heat marker.
struct InputImage {
    let source: MatrixSource
    /// Pixels down and across.
    let side: Int
    /// Screen columns per pixel.
    let scale: Int
    let halves: Bool

    /// The picture of `source` at the largest scale that fits `room`, if it is a column of a
    /// square number (at least 16) of values.
    init?(_ source: MatrixSource, room: Size, look: Look) {
        guard source.columns == 1, source.rows >= 16 else { return nil }
        let side = Int(Double(source.rows).squareRoot().rounded())
        guard side * side == source.rows else { return nil }
        let halves = look.glyphs.unicode && !look.needsHeatMarkers
        for scale in stride(from: 4, through: 1, by: -1) {
            let candidate = Self.size(side: side, scale: scale, halves: halves)
            if candidate.width <= room.width && candidate.height <= room.height {
                (self.source, self.side, self.scale, self.halves) = (source, side, scale, halves)
                return
            }
        }
        return nil
    }

    private static func size(side: Int, scale: Int, halves: Bool) -> Size {
        halves ? Size(width: side * scale, height: ceilDivide(side * scale, 2)) : Size(width: 2 * side * scale, height: side * scale)
    }

    var size: Size { Self.size(side: side, scale: scale, halves: halves) }

    /// The label above the picture: the quantity's name and the image's shape.
    var label: String { "\(source.label) \(side)×\(side)" }

    func draw(into grid: inout Grid, x: Int, y: Int, scale heat: HeatmapScale, look: Look, clip: Rect) {
        func pixel(_ r: Int, _ c: Int) -> Double? {
            r < side ? source.value(r * side + c, 0) : nil
        }
        let size = self.size
        for dy in 0..<size.height {
            for dx in 0..<size.width {
                guard clip.contains(x: x + dx, y: y + dy) else { continue }
                if halves {
                    let c = dx / scale, top = (2 * dy) / scale, bottom = (2 * dy + 1) / scale
                    let upper = colour(pixel(top, c), heat, look), lower = colour(pixel(bottom, c), heat, look)
                    let page = look[.text].background
                    grid.write("▀", x: x + dx, y: y + dy, style: Style(foreground: upper ?? page ?? look.theme.terminalBackground,
                                                                      background: lower ?? page))
                } else {
                    let value = pixel(dy / scale, dx / (2 * scale))
                    let level = value.map(heat.level) ?? .zero
                    // A picture's zero pixels are its background: blank, not a field of zeros.
                    let marker = level == .zero ? "  " : look.glyphs.base.heatMarker(level)
                    let character = marker[marker.index(marker.startIndex, offsetBy: dx % 2)]
                    grid.write(String(character), x: x + dx, y: y + dy, style: look.heatStyle(level))
                }
            }
        }
    }

    /// The background a value has in a heatmap cell.
    private func colour(_ value: Double?, _ heat: HeatmapScale, _ look: Look) -> Colour? {
        guard let value else { return nil }
        return look.heatStyle(heat.level(value)).background
    }
}
