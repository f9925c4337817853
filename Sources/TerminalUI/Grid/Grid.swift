/// A screenful of cells that views draw into; the terminal backend copies it to the screen.
///
/// Every drawing operation clips silently to the grid (and to an optional area), so layout
/// arithmetic on a tiny or freshly resized terminal can never write out of bounds.
/// Each cell is one terminal column: wide characters are not supported (see `Character.terminalSafe`).
public struct Grid: Hashable, Sendable {
    public let width: Int
    public let height: Int
    private var cells: [GridCell]

    public init(width: Int, height: Int, filling cell: GridCell = .blank) {
        self.width = max(width, 0)
        self.height = max(height, 0)
        self.cells = Array(repeating: cell, count: self.width * self.height)
    }

    public init(_ size: Size) {
        self.init(width: size.width, height: size.height)
    }

    public var size: Size { Size(width: width, height: height) }
    public var area: Rect { Rect(size) }

    /// The cell at a position; a blank cell outside the grid, and writes there are dropped.
    public subscript(x: Int, y: Int) -> GridCell {
        get { area.contains(x: x, y: y) ? cells[y * width + x] : .blank }
        set { if area.contains(x: x, y: y) { cells[y * width + x] = newValue } }
    }

    /// Sets every cell of `rect` to `cell`.
    public mutating func fill(_ rect: Rect, with cell: GridCell) {
        let r = rect.intersection(area)
        guard !r.isEmpty else { return }
        // Cell by cell: most rects filled are a few cells wide, for which a loop beats replaceSubrange.
        for y in r.y..<r.maxY {
            for i in (y * width + r.x)..<(y * width + r.maxX) { cells[i] = cell }
        }
    }

    /// Fills `rect` with blanks of the given style: the usual first step of drawing a panel.
    public mutating func clear(_ rect: Rect, style: Style = .plain) {
        // A blank restyled: a blank needs no check that it is one column wide.
        var blank = GridCell.blank
        blank.style = style
        fill(rect, with: blank)
    }

    /// Lays `overlay` over the style of every cell in `rect`, keeping the characters.
    public mutating func patchStyle(_ rect: Rect, with overlay: Style) {
        let r = rect.intersection(area)
        for y in r.y..<r.maxY {
            for x in r.x..<r.maxX {
                cells[y * width + x].style = cells[y * width + x].style.patched(with: overlay)
            }
        }
    }

    /// Writes `text` on one line starting at (`x`, `y`), clipped to `clip` (default: the whole grid).
    /// Characters that are not one column wide become `?`; newlines are not special.
    /// With an `ellipsis`, text cut at the clip's right edge ends in it, so truncation shows.
    /// Returns the column after the last character written (or that would have been, if clipped).
    @discardableResult
    public mutating func write(_ text: String, x: Int, y: Int, style: Style = .plain,
                               clip: Rect? = nil, ellipsis: Character? = nil) -> Int {
        put(text, x: x, y: y, style: style, clip: clip, ellipsis: ellipsis)
    }

    @discardableResult
    public mutating func write(_ text: Substring, x: Int, y: Int, style: Style = .plain,
                               clip: Rect? = nil, ellipsis: Character? = nil) -> Int {
        put(text, x: x, y: y, style: style, clip: clip, ellipsis: ellipsis)
    }

    /// `write`, made for each kind of text here, where it is compiled for it: called generically
    /// from another module, every character would go through the protocol's tables.
    private mutating func put(_ text: some StringProtocol, x: Int, y: Int, style: Style, clip: Rect?, ellipsis: Character?) -> Int {
        let bounds = (clip ?? area).intersection(area)
        var column = x
        guard y >= bounds.y, y < bounds.maxY else { return x + text.count }
        for character in text {
            if column >= bounds.x && column < bounds.maxX {
                cells[y * width + column] = GridCell(character, style: style)
            }
            column += 1
        }
        if let ellipsis, column > bounds.maxX, bounds.maxX - 1 >= max(x, bounds.x) {
            cells[y * width + bounds.maxX - 1] = GridCell(ellipsis, style: style)
        }
        return column
    }
}
