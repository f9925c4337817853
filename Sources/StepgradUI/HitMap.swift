import StepgradEngine
import TerminalUI

/// Where the last frame drew each matrix, in drawing order per panel, so that a click finds the
/// cell under it and the arrow keys walk what the user sees.
struct HitMap {
    struct Region {
        var panel: Panel
        var x: Int
        var y: Int
        var source: MatrixSource
        var fit: MatrixFit

        var rect: Rect { Rect(x: x, y: y, width: fit.size.width, height: fit.size.height) }

        func reference(atX px: Int, y py: Int) -> CellReference? {
            guard let (r, c) = fit.displayCell(atOffset: px - x, py - y, in: source) else { return nil }
            return CellReference(source.quantity, source.cell(r, c))
        }
    }

    var regions: [Region] = []

    mutating func add(_ panel: Panel, x: Int, y: Int, source: MatrixSource, fit: MatrixFit) {
        regions.append(Region(panel: panel, x: x, y: y, source: source, fit: fit))
    }

    func reference(atX x: Int, y: Int) -> (panel: Panel, reference: CellReference)? {
        for region in regions.reversed() where region.rect.contains(x: x, y: y) {
            if let reference = region.reference(atX: x, y: y) { return (region.panel, reference) }
        }
        return nil
    }
}
