extension Grid {
    /// Draws the outline of `rect` (clipped to the grid) with an optional title in the top edge,
    /// after one edge cell: `┌ Title ───┐`. A title too long is cut, ending in `ellipsis` if given.
    /// Rectangles narrower or shorter than two cells get no box; boxes too narrow to show at least
    /// two characters of the title get none.
    public mutating func drawBox(_ rect: Rect, glyphs: BoxGlyphs, style: Style = .plain,
                                 title: String? = nil, titleStyle: Style? = nil, ellipsis: Character? = nil) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let right = rect.maxX - 1, bottom = rect.maxY - 1
        drawHorizontalLine(x: rect.x + 1, y: rect.y, length: rect.width - 2, glyph: glyphs.horizontal, style: style)
        drawHorizontalLine(x: rect.x + 1, y: bottom, length: rect.width - 2, glyph: glyphs.horizontal, style: style)
        drawVerticalLine(x: rect.x, y: rect.y + 1, length: rect.height - 2, glyph: glyphs.vertical, style: style)
        drawVerticalLine(x: right, y: rect.y + 1, length: rect.height - 2, glyph: glyphs.vertical, style: style)
        self[rect.x, rect.y] = GridCell(glyphs.topLeft, style: style)
        self[right, rect.y] = GridCell(glyphs.topRight, style: style)
        self[rect.x, bottom] = GridCell(glyphs.bottomLeft, style: style)
        self[right, bottom] = GridCell(glyphs.bottomRight, style: style)
        let titleArea = Rect(x: rect.x + 2, y: rect.y, width: rect.width - 4, height: 1)
        if let title, !title.isEmpty, titleArea.width >= 4 {
            write(" " + title + " ", x: titleArea.x, y: rect.y, style: titleStyle ?? style,
                  clip: titleArea, ellipsis: ellipsis)
        }
    }

    public mutating func drawHorizontalLine(x: Int, y: Int, length: Int, glyph: Character, style: Style = .plain) {
        fill(Rect(x: x, y: y, width: length, height: 1), with: GridCell(glyph, style: style))
    }

    public mutating func drawVerticalLine(x: Int, y: Int, length: Int, glyph: Character, style: Style = .plain) {
        fill(Rect(x: x, y: y, width: 1, height: length), with: GridCell(glyph, style: style))
    }
}
