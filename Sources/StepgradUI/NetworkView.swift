import StepgradEngine
import StepgradNotation
import TerminalUI

/// The network as columns of units, input on the left: `x`, then `z₁ a₁`, …, `z_L ŷ` beside `y`.
/// Each unit is a heatmap cell of its value for one sample; during backward and update the same
/// places show the gradients `dz`, `da`. Columns too tall for the panel become overviews (the
/// strongest value of each block of units), or a window around the selection when zoomed.
@MainActor
struct NetworkView {
    let context: ViewContext

    /// One group of columns drawn close together: the input, a layer, the output with its target.
    struct Group {
        var columns: [(quantity: Quantity, label: String)]
        var footer: String
    }

    static let columnGap = 1
    static let groupGap = 3

    var scene: Scene { context.scene }

    /// Forward values until the loss is known, gradients from the backward pass on.
    var groups: [Group] { groups(backward: isBackward) }

    private var isBackward: Bool { scene.phase == .backward || scene.phase == .update }

    func groups(backward: Bool) -> [Group] {
        let L = scene.outputLayer
        let network = (1...max(L, 1)).map { l -> Group in
            let pair: [Quantity] = backward ? [.dz(l), .da(l)] : [.z(l), .a(l)]
            let activation = scene.trace.operation(producing: .a(l)).map { op -> String in
                if case .activation(let r) = op.rule { return backward ? r.function.name + "′" : r.function.name }
                return ""
            } ?? ""
            return Group(columns: pair.map { ($0, $0.symbol(outputLayer: L)) }, footer: activation)
        }
        var groups = [Group(columns: [(.x, "x")], footer: "")] + network
        groups[groups.count - 1].columns.append((.y, "y"))
        return groups
    }

    /// The sample shown: the one of the element being computed, else the one chosen with `b`.
    var sample: Int {
        if let activity = scene.activity, activity.isSingleElement, let step = scene.step,
           step.quantity.isPerSample, let cell = step.changed.last?.cell {
            return cell.row
        }
        return min(max(context.sample, 0), max(scene.batch - 1, 0))
    }

    private func sources(backward: Bool? = nil) -> [[MatrixSource]] {
        let sample = self.sample, L = scene.outputLayer
        return groups(backward: backward ?? isBackward).map { group in
            group.columns.compactMap { column in
                MatrixSource(column.quantity, label: Equation.label(column.quantity, transposed: true, outputLayer: L),
                             scene: scene, transposed: true, columns: sample..<(sample + 1))
            }
        }
    }

    /// The size the panel would like, forward or backward, whichever is larger, so that it keeps
    /// its size across the phases: every unit of every column with its number, borders and names included.
    func wantedSize() -> Size {
        [false, true].map { backward -> Size in
            let all = sources(backward: backward)
            let tallest = all.joined().map(\.rows).max() ?? 0
            let fits = fits(all, room: Size(width: Self.unbounded, height: max(tallest, 1)))
            // Cells may be five rows high and four columns wider (up to seven and six presenting).
            let widening = (context.look.presenting ? 6 : 4) * all.joined().count
            return Size(width: totalWidth(all, fits) + widening + 2, height: tallest + 4)
        }.reduce(Size(width: 0, height: 0)) { Size(width: max($0.width, $1.width), height: max($0.height, $1.height)) }
    }

    /// Room wide enough for any number.
    private static let unbounded = 1 << 12

    func draw(in rect: Rect, into grid: inout Grid, hits: inout HitMap) {
        let all = sources()
        let columnCount = all.joined().count
        var title = "Network"
        // Counted as the formulas index it (z₁[j,s] is unit j of sample s), from 0.
        if scene.batch > 1 { title += " · sample s = \(sample) of 0–\(scene.batch - 1) (b)" }
        let inner = context.frame(rect, title: title, panel: .network, into: &grid)
        guard inner.height >= 2, columnCount > 0 else { return }
        let tallest = all.joined().map(\.rows).max() ?? 0
        let withFooter = inner.height >= tallest + 2 || inner.height >= 12
        let roomHeight = inner.height - (withFooter ? 2 : 1)
        // Columns as wide as their numbers (as tall as the room allows) when all fit, closer
        // together when not, else an equal share each. The cells' height is chosen so that the
        // other phase's columns would fit as well: the panel does not change its cells between
        // forward and backward.
        let natural = Size(width: Self.unbounded, height: roomHeight)
        let other = sources(backward: !isBackward)
        // Brackets go before numbers do.
        var fits: [[MatrixFit]]?, bracketed = true
        search: for brackets in [true, false] {
            for height in MatrixFit.heights(rows: tallest, room: roomHeight, presenting: context.look.presenting) {
                for compact in [false, true] {
                    let candidate = self.fits(all, room: natural, cellHeight: height, compact: compact)
                    if totalWidth(all, candidate, bracketed: brackets) <= inner.width,
                       totalWidth(other, self.fits(other, room: natural, cellHeight: height, compact: compact),
                                  bracketed: brackets) <= inner.width {
                        (fits, bracketed) = (candidate, brackets)
                        break search
                    }
                }
            }
        }
        let share = Size(width: max((inner.width - gaps(all)) / columnCount - 2, 1), height: roomHeight)
        let chosen = fits ?? self.fits(all, room: share, cellHeight: 1, compact: true)
        // An input of a square number of pixels that cannot show its numbers is drawn as its picture.
        let images = zip(all, chosen).map { group, fits in
            zip(group, fits).map { source, fit -> InputImage? in
                guard source.quantity == .x, !(fit.showsNumbers && fit.showsAll(source)) else { return nil }
                return InputImage(source, room: Size(width: inner.width / 2, height: roomHeight), look: context.look)
            }
        }
        let widths = zip(all, chosen).enumerated().map { g, pair in
            zip(pair.0, pair.1).enumerated().map { i, column in
                images[g][i].map { max($0.size.width, $0.label.count) }
                    ?? ViewContext.matrixWidth(column.1, label: column.0.label, bracketed: bracketed)
            }
        }
        var x = inner.x + max((inner.width - widths.joined().reduce(0, +) - gaps(all)) / 2, 0)
        let labelY = inner.y, footerY = inner.maxY - 1, roomTop = inner.y + 1
        let groups = self.groups
        for (g, group) in all.enumerated() {
            let groupStart = x
            for (i, source) in group.enumerated() {
                let fit = chosen[g][i], width = widths[g][i]
                let clip = Rect(x: x, y: labelY, width: width, height: 1).intersection(inner)
                let image = images[g][i]
                let label = context.look.text(image?.label ?? source.label)
                grid.write(label, x: x + max((width - label.count) / 2, 0), y: labelY, style: context.labelStyle(for: source.quantity), clip: clip)
                if let image {
                    image.draw(into: &grid, x: x + (width - image.size.width) / 2, y: roomTop + max((roomHeight - image.size.height) / 2, 0),
                               scale: context.scales.scale(for: source), look: context.look, clip: inner)
                } else {
                    let top = roomTop + max((roomHeight - fit.size.height) / 2, 0)
                    context.draw(source, fit: fit, panel: .network, x: x + (width - fit.size.width) / 2, y: top, clip: inner,
                                 bracketed: bracketed, into: &grid, hits: &hits)
                }
                x += width + Self.columnGap
            }
            x += Self.groupGap - Self.columnGap
            // A dotted rule between layers: row r of one is not row r of the next (x[1] has nothing
            // to do with dz₁[1]), whatever their heights make them look like.
            if g + 1 < all.count {
                for y in roomTop..<(roomTop + roomHeight) {
                    grid.write(String(context.look.glyphs.layerRule), x: x - (Self.groupGap + 1) / 2, y: y,
                               style: context.look[.dim], clip: inner)
                }
            }
            guard withFooter else { continue }
            let footer = context.look.text(groups[g].footer)
            let span = x - Self.groupGap - groupStart
            grid.write(footer, x: groupStart + max((span - footer.count) / 2, 0), y: footerY, style: context.look[.dim],
                       clip: Rect(x: groupStart, y: footerY, width: span, height: 1).intersection(inner))
        }
    }

    private func fits(_ all: [[MatrixSource]], room: Size, cellHeight: Int = 1, compact: Bool = false) -> [[MatrixFit]] {
        all.map { group in
            group.map { source in
                MatrixFit.make(source, room: room, look: context.look, anchor: context.anchor(in: source),
                               zoomed: context.isZoomed(source, in: .network), cellHeight: cellHeight, compact: compact)
            }
        }
    }

    private func totalWidth(_ all: [[MatrixSource]], _ fits: [[MatrixFit]], bracketed: Bool = true) -> Int {
        zip(all, fits).map { group, fits in zip(group, fits).map { ViewContext.matrixWidth($1, label: $0.label, bracketed: bracketed) }.reduce(0, +) }
            .reduce(0, +) + gaps(all)
    }

    private func gaps(_ all: [[MatrixSource]]) -> Int {
        all.map { Self.columnGap * max($0.count - 1, 0) }.reduce(0, +) + Self.groupGap * max(all.count - 1, 0)
    }
}
