import StepgradData
import StepgradEngine
import TerminalUI

/// The plane of a 2-D dataset as the network sees it: each half-block pixel tinted by the class
/// the network predicts there (stronger the surer it is), and the training points drawn over it in
/// their class's colour and mark. Two pixels a cell (`▀`, top in the foreground, bottom in the
/// background), so a cell's two pixels are about square.
struct BoundaryMap {
    /// The data's box, padded a little: what the map spans.
    struct Extent: Equatable {
        var minX, maxX, minY, maxY: Double

        init(_ inputs: Matrix) {
            let xs = (0..<inputs.rows).map { inputs[$0, 0] }, ys = (0..<inputs.rows).map { inputs[$0, 1] }
            let padX = max((xs.max()! - xs.min()!) * 0.05, 1e-6), padY = max((ys.max()! - ys.min()!) * 0.05, 1e-6)
            (minX, maxX, minY, maxY) = (xs.min()! - padX, xs.max()! + padX, ys.min()! - padY, ys.max()! + padY)
        }

        /// The cell of `map` holding the point (x, y).
        func cell(x: Double, y: Double, in map: Rect) -> (x: Int, y: Int) {
            let cx = Int((x - minX) / (maxX - minX) * Double(map.width)), cy = Int((maxY - y) / (maxY - minY) * Double(map.height))
            return (map.x + min(max(cx, 0), map.width - 1), map.y + min(max(cy, 0), map.height - 1))
        }

        /// The inputs at the centre of each pixel, row by row from the top: `width × 2·height` of them.
        func pixels(width: Int, height: Int) -> Matrix {
            var elements: [Double] = []
            elements.reserveCapacity(width * height * 4)
            for py in 0..<(height * 2) {
                let y = maxY - (Double(py) + 0.5) / Double(height * 2) * (maxY - minY)
                for px in 0..<width { elements += [minX + (Double(px) + 0.5) / Double(width) * (maxX - minX), y] }
            }
            return Matrix(rows: width * height * 2, columns: 2, elements: elements)
        }
    }

    /// Playground's orange and blue for two classes, then distinct hues.
    static let classColours = [Colour(245, 147, 34), Colour(8, 119, 189), Colour(60, 170, 80), Colour(200, 60, 160),
                               Colour(220, 200, 40), Colour(120, 80, 200), Colour(0, 180, 180), Colour(200, 70, 60),
                               Colour(140, 140, 140), Colour(120, 200, 120)]
    static let marks: [Character] = ["●", "○", "◆", "◇", "■", "□", "▲", "△", "★", "☆"]
    static let asciiMarks: [Character] = ["o", "x", "+", "*", "#", "@", "%", "&", "=", "~"]

    var extent: Extent
    /// The network's outputs at `extent.pixels(width:height:)` of the map's size.
    var prediction: Matrix
    var points: Dataset
    var selected: Int?
    var background: Colour
    var unicode: Bool

    /// Tints a class's region takes, from barely (the network unsure) to strong (sure).
    static let tintLevels = 32

    func draw(in map: Rect, into grid: inout Grid) {
        let classes = prediction.columns, levels = Self.tintLevels
        // Every tint a pixel can take, worked out once a frame rather than once a pixel.
        let tints = (0..<classes).flatMap { k in
            (0..<levels).map { background.mixed(with: Self.classColours[k % Self.classColours.count], 0.15 + 0.6 * Double($0) / Double(levels - 1)) }
        }
        func tint(_ pixel: Int) -> Colour {
            var k = 0
            for c in 1..<max(classes, 1) where prediction[pixel, c] > prediction[pixel, k] { k = c }
            let sureness = classes > 1 ? (prediction[pixel, k] - 1 / Double(classes)) / (1 - 1 / Double(classes)) : 1
            let level = sureness.isFinite ? Int((min(max(sureness, 0), 1) * Double(levels - 1)).rounded()) : 0
            return tints[k * levels + level]
        }
        var cell = GridCell(unicode ? "▀" : " ")
        for row in 0..<map.height {
            for column in 0..<map.width {
                let top = tint(2 * row * map.width + column), bottom = tint((2 * row + 1) * map.width + column)
                cell.style = unicode ? Style(foreground: top, background: bottom) : Style(background: top)
                grid[map.x + column, map.y + row] = cell
            }
        }
        guard let labels = points.labels else { return }
        let marks = unicode ? Self.marks : Self.asciiMarks
        // The points in their class's colour, lighter than any tint of the map on a dark terminal
        // (darker on a light one), so that a point stays visible on its own class's region even
        // once colours are cut to the 256 of most terminals.
        let lightBackground = Int(background.red) + Int(background.green) + Int(background.blue) > 3 * 128
        for (i, label) in labels.enumerated() {
            let cell = extent.cell(x: points.inputs[i, 0], y: points.inputs[i, 1], in: map)
            let colour = Self.classColours[label % Self.classColours.count].mixed(with: lightBackground ? .black : .white, 0.4)
            let style = Style(foreground: colour,
                              background: grid[cell.x, cell.y].style.background ?? background, attributes: .bold)
            grid[cell.x, cell.y] = GridCell(marks[label % marks.count], style: style)
        }
        // The selected point last, so no other point hides it.
        if let selected, selected < labels.count {
            let cell = extent.cell(x: points.inputs[selected, 0], y: points.inputs[selected, 1], in: map)
            grid[cell.x, cell.y] = GridCell(marks[labels[selected] % marks.count],
                                            style: Style(foreground: .black, background: .white, attributes: [.bold]))
        }
    }

    /// The point nearest the centre of cell (x, y) of `map`, if any lies within two cells of it.
    static func point(nearX x: Int, y: Int, in map: Rect, extent: Extent, points: Dataset) -> Int? {
        guard map.contains(x: x, y: y), points.count > 0 else { return nil }
        let cellWidth = (extent.maxX - extent.minX) / Double(map.width), cellHeight = (extent.maxY - extent.minY) / Double(map.height)
        let px = extent.minX + (Double(x - map.x) + 0.5) * cellWidth, py = extent.maxY - (Double(y - map.y) + 0.5) * cellHeight
        func distance(_ i: Int) -> Double {
            let dx = (points.inputs[i, 0] - px) / cellWidth, dy = (points.inputs[i, 1] - py) / cellHeight
            return dx * dx + dy * dy
        }
        let nearest = (0..<points.count).min { distance($0) < distance($1) }!
        return distance(nearest) <= 4 ? nearest : nil
    }
}
