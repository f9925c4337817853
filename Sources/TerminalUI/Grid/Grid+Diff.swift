/// One cell that differs between two frames.
public struct CellChange: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public var cell: GridCell

    public init(x: Int, y: Int, cell: GridCell) {
        self.x = x
        self.y = y
        self.cell = cell
    }
}

extension Grid {
    /// The cells of `next` that differ from this grid, row by row: what a backend must redraw to
    /// turn the previous frame (`self`) into `next`. Grids of different sizes share no layout,
    /// so then every cell of `next` is returned.
    public func diff(_ next: Grid) -> [CellChange] {
        let everything = size != next.size
        var changes: [CellChange] = []
        for y in 0..<next.height {
            for x in 0..<next.width where everything || self[x, y] != next[x, y] {
                changes.append(CellChange(x: x, y: y, cell: next[x, y]))
            }
        }
        return changes
    }

    /// The cells of `next` that look different from this grid on a terminal of `depth`
    /// (`GridCell.looks(like:at:)`), row by row: what must be sent to a terminal showing this grid
    /// to show `next`, leaving out changes nobody could see (a blank's foreground, two colours the
    /// depth shows as one). Grids of different sizes share no layout: then every cell of `next`.
    public func changes(to next: Grid, at depth: ColourDepth) -> [CellChange] {
        let everything = size != next.size
        var changes: [CellChange] = []
        for y in 0..<next.height {
            for x in 0..<next.width where everything || !self[x, y].looks(like: next[x, y], at: depth) {
                changes.append(CellChange(x: x, y: y, cell: next[x, y]))
            }
        }
        return changes
    }

    /// Applies changes from `diff`, as a terminal does when it draws them.
    public mutating func apply(_ changes: [CellChange]) {
        for change in changes { self[change.x, change.y] = change.cell }
    }
}
