import TerminalUI

/// Where each panel goes: two header lines, the network and the operation (side by side when both
/// fit beside each other with their numbers, stacked when not), the formula below them and the key
/// bar at the bottom.
///
/// The operation being computed is served first: it gets the rows it wants (what the tallest
/// operation of the iteration wants, so that it keeps its size from step to step; an equation too
/// wide for one line is broken in two when the network and the smallest formula keep their rows,
/// else it stays on one line), then the formula its smallest useful height, then the network what
/// is left up to its want (less the names under its layers, and the operation less its scale line,
/// while the formula is shorter than five lines); rows to spare go to the formula up to its want,
/// then let the panels' cells grow five or three rows high, and what remains goes to the formula
/// (and the iteration's outline beside it). Presenting drops the network unless the screen is
/// large enough for it beside the operation, lets the operation's cells grow up to seven rows high
/// within half the screen, and gives the rest to the formula's block glyphs.
struct ScreenLayout {
    var header: Rect
    var network: Rect?
    var operation: Rect
    var formula: Rect
    /// The iteration's operations, beside the formula on large screens.
    var outline: Rect?
    var keyBar: Rect

    /// What the content would like, borders included.
    struct Wants: Equatable {
        var network: Size
        var operation: Size
        /// The rows the operation wants with its equation on one line (fewer than `operation`'s when
        /// that is broken into lines), for screens that cannot give it more without starving the others.
        var operationOnOneLine: Int
        var formulaHeight: Int
        var outlineHeight = 0

        /// Each want the larger of the two, so that panels only grow while stepping.
        func union(_ other: Wants) -> Wants {
            Wants(network: network.union(other.network), operation: operation.union(other.operation),
                  operationOnOneLine: max(operationOnOneLine, other.operationOnOneLine),
                  formulaHeight: max(formulaHeight, other.formulaHeight), outlineHeight: max(outlineHeight, other.outlineHeight))
        }
    }

    static let headerHeight = 2
    static let smallestFormula = 5
    /// Below this (five lines of text) the formula is short, and the other panels give it their optional lines.
    static let comfortableFormula = 7
    /// The smallest network panel worth drawing: its frame, names and a row of (aggregated) units.
    static let smallestNetwork = 4
    /// Presenting, the formula's frame, a line of block glyphs and a line of text.
    static let smallestPresentedFormula = BlockFont.rows(scale: 1) + 3

    init(area: Rect, presenting: Bool, wants: Wants) {
        let rows = area.split(rows: [.fixed(Self.headerHeight), .fill, .fixed(1)])
        header = rows[0]
        keyBar = rows[2]
        let body = rows[1]
        let besideFits = wants.network.width + wants.operation.width <= body.width
        // Presenting, the network stays only when the screen is large and it fits beside the operation.
        let showsNetwork = !presenting || (body.height >= 40 && besideFits)
        let sideBySide = showsNetwork && besideFits
        // Rows of values (beyond each panel's four of frame, names and legend) grown `growth` times.
        func grown(_ height: Int, _ growth: Int) -> Int { max(height - 4, 0) * growth + 4 }

        var operationHeight: Int, networkHeight: Int
        let formulaHeight: Int
        if presenting {
            // The operation (beside the network) with its numbers, its cells grown up to half the
            // screen; the rest to the formula's block glyphs, at least a line of them and one of text.
            let want = sideBySide ? max(wants.operation.height, wants.network.height) : wants.operation.height
            operationHeight = max(min(grown(want, 7), max(body.height / 2, want), body.height - Self.smallestPresentedFormula), 0)
            networkHeight = 0
            formulaHeight = body.height - operationHeight
        } else {
            let smallestNetwork = showsNetwork && !sideBySide ? Self.smallestNetwork : 0
            // An equation broken into lines takes more rows: it has them when the network keeps its
            // rows and the formula its smallest; else it stays on one line, operands in colour where they must.
            let networkRows = showsNetwork && !sideBySide ? wants.network.height : 0
            let operationWant = wants.operation.height + networkRows + Self.smallestFormula <= body.height
                ? wants.operation.height : min(wants.operationOnOneLine, wants.operation.height)
            operationHeight = max(min(operationWant, body.height - Self.smallestFormula - smallestNetwork), 0)
            if sideBySide { operationHeight = max(operationHeight, min(wants.network.height, body.height - Self.smallestFormula)) }
            networkHeight = sideBySide ? 0 : max(min(wants.network.height, body.height - operationHeight - Self.smallestFormula), 0)
            let spare = body.height - operationHeight - networkHeight - max(wants.formulaHeight, Self.smallestFormula)
            // Rows to spare make the cells taller, as tall as they fit (both panels alike when they
            // can): tall cells need the room for all their rows, so a panel grows all the way or not at all.
            let operationGrows = sideBySide ? max(operationWant, wants.network.height) : operationWant
            let networkGrows = showsNetwork && !sideBySide && networkHeight >= wants.network.height
            func more(_ growth: Int) -> (operation: Int, network: Int) {
                (operationHeight >= operationWant ? max(grown(operationGrows, growth) - operationHeight, 0) : 0,
                 networkGrows ? max(grown(wants.network.height, growth) - networkHeight, 0) : 0)
            }
            let growths = [5, 3]
            if let growth = growths.first(where: { more($0).operation + more($0).network <= spare }) {
                (operationHeight, networkHeight) = (operationHeight + more(growth).operation, networkHeight + more(growth).network)
            } else if let growth = growths.first(where: { more($0).operation <= spare }) {
                operationHeight += more(growth).operation
            }
            // Short of rows, the network gives up the names of its activations to the formula, then
            // the operation its scale line (which `?` explains too).
            let shortFormula = min(wants.formulaHeight, Self.comfortableFormula)
            if networkHeight == wants.network.height && body.height - operationHeight - networkHeight < shortFormula {
                networkHeight -= 1
            }
            if operationHeight == operationWant && body.height - operationHeight - networkHeight < shortFormula {
                operationHeight -= 1
            }
            formulaHeight = body.height - operationHeight - networkHeight
        }
        let parts = body.split(rows: [.fixed(networkHeight), .fixed(operationHeight), .fixed(formulaHeight)])
        formula = parts[2]
        if !presenting && formula.height >= min(wants.outlineHeight, 12) && formula.width >= 120 {
            let columns = formula.split(columns: [.fill, .fixed(min(44, formula.width * 3 / 10))])
            formula = columns[0]
            outline = columns[1]
        }

        if !showsNetwork {
            network = nil
            operation = parts[1]
        } else if sideBySide {
            let columns = parts[1].split(columns: [.fixed(max(wants.network.width, 24)), .fill])
            network = columns[0]
            operation = columns[1]
        } else {
            network = parts[0]
            operation = parts[1]
        }
    }
}

extension Size {
    /// The smallest size holding both.
    func union(_ other: Size) -> Size { Size(width: max(width, other.width), height: max(height, other.height)) }
}
