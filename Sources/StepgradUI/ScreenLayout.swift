import TerminalUI

/// Where each panel goes: two header lines, the network and the operation (side by side when the
/// screen is wide, stacked when not), the formula below them and the key bar at the bottom.
///
/// The formula gets the lines it needs first (at least a few); the network and the operation
/// share the rest, in proportion to what they want. Rows to spare, beyond what the formula and
/// the outline of the iteration need, let the panels grow so that cells can be three rows high
/// (up to seven when presenting): a small network on a large screen is drawn large rather than leaving
/// rows empty. When rows are short, panels lose their optional lines (names under layers, the
/// colour legend) before any value. Presenting drops the network unless the screen is large
/// and gives the formula more room.
struct ScreenLayout {
    var header: Rect
    var network: Rect?
    var operation: Rect
    var formula: Rect
    /// The iteration's operations, beside the formula on large screens.
    var outline: Rect?
    var keyBar: Rect

    /// What the content would like, borders included.
    struct Wants {
        var network: Size
        var operationHeight: Int
        var formulaHeight: Int
        /// Lines of the network and the operation that may go when rows are short.
        var optionalLines = 1
        var outlineHeight = 0
    }

    static let headerHeight = 2
    /// Width from which the network and the operation sit side by side.
    static let sideBySideWidth = 120
    static let smallestFormula = 5

    init(area: Rect, presenting: Bool, wants: Wants) {
        let rows = area.split(rows: [.fixed(Self.headerHeight), .fill, .fixed(1)])
        header = rows[0]
        keyBar = rows[2]
        let body = rows[1]
        let showsNetwork = !presenting || (body.height >= 40 && body.width >= 150)
        let sideBySide = showsNetwork && body.width >= Self.sideBySideWidth
        // Rows of values (beyond each panel's four of frame, names and legend) can grow this many times.
        let growth = presenting ? 7 : 3
        let panels: Int, grown: Int
        if !showsNetwork {
            panels = wants.operationHeight
            grown = (wants.operationHeight - 4) * growth + 4
        } else if sideBySide {
            panels = max(wants.network.height, wants.operationHeight)
            grown = (panels - 4) * growth + 4
        } else {
            panels = wants.network.height + wants.operationHeight
            grown = (panels - 8) * growth + 8
        }
        let shortened = panels - wants.optionalLines * (sideBySide || !showsNetwork ? 1 : 2)
        let topHeight: Int
        if presenting {
            // The formula double-spaced, up to half the screen; the operation takes the rest.
            let formulaHeight = min(max(2 * wants.formulaHeight - 2, 7), body.height / 2)
            topHeight = max(min(body.height - formulaHeight, grown), 0)
        } else {
            var formulaHeight = max(Self.smallestFormula, min(wants.formulaHeight, body.height - panels))
            if formulaHeight < wants.formulaHeight {
                formulaHeight = max(Self.smallestFormula, min(wants.formulaHeight, body.height - shortened))
            }
            let below = max(formulaHeight, wants.formulaHeight, sideBySide ? wants.outlineHeight : 0)
            topHeight = max(min(body.height - formulaHeight, max(panels, min(grown, body.height - below))), 0)
        }
        let parts = body.split(rows: [.fixed(topHeight), .fill])
        let top = parts[0]
        formula = parts[1]
        if !presenting && formula.height >= min(wants.outlineHeight, 12) && formula.width >= Self.sideBySideWidth {
            let columns = formula.split(columns: [.fill, .fixed(min(44, formula.width * 3 / 10))])
            formula = columns[0]
            outline = columns[1]
        }

        if !showsNetwork {
            network = nil
            operation = top
        } else if sideBySide {
            let networkWidth = min(max(wants.network.width, 24), body.width * 45 / 100)
            let columns = top.split(columns: [.fixed(networkWidth), .fill])
            network = columns[0]
            operation = columns[1]
        } else {
            // Room to spare is shared in proportion to the wants. Short of that, each keeps its
            // values and the legend goes before the names under the layers; shorter still, each
            // gets at most half unless the other needs less.
            let networkHeight: Int
            let essentials = shortened
            if top.height >= panels {
                networkHeight = top.height * wants.network.height / max(panels, 1)
            } else if top.height >= essentials {
                let operationHeight = wants.operationHeight - wants.optionalLines + min(top.height - essentials, wants.optionalLines)
                networkHeight = top.height - operationHeight
            } else {
                let half = top.height / 2
                networkHeight = wants.operationHeight < half ? top.height - wants.operationHeight
                    : min(wants.network.height, half)
            }
            let split = top.split(rows: [.fixed(networkHeight), .fill])
            network = split[0]
            operation = split[1]
        }
    }
}
