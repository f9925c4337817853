/// The output formats of a worked solution.
public enum SolutionFormat: String, Hashable, Sendable, CaseIterable {
    /// For the terminal: aligned matrices and Unicode subscripts.
    case text
    /// For answer keys on GitHub: headings per phase, math in ```math blocks.
    case markdown
    /// `$$…$$` blocks with `pmatrix`, like a hand-written solution; optionally a whole document.
    case latex
    /// For programs: every value at full precision and the trace with its expansions.
    case json
}
