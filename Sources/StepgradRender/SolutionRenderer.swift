import StepgradEngine
import StepgradNotation
import StepgradScenario

/// Writes N training iterations of a scenario as a worked solution.
///
///     let text = SolutionRenderer(format: .latex, style: NumberStyle(decimals: 3), standalone: true)
///         .render(scenario, iterations: 2)
public struct SolutionRenderer: Hashable, Sendable {
    public var format: SolutionFormat
    /// Rounding of every number shown; JSON values stay at full precision regardless.
    public var style: NumberStyle
    /// LaTeX only: a whole document that compiles with pdflatex, rather than a fragment.
    public var standalone: Bool
    /// Appends a numerical check of every gradient (central differences) to each iteration.
    public var checkGradients: Bool
    /// Text only: brackets and rules in ASCII, for terminals without the Unicode bracket pieces.
    public var ascii: Bool
    /// Where a matrix equation breaks, before an `=`: columns of text, or about as wide in LaTeX.
    public var width: Int
    /// Whether large matrices are written out in full, or by their shapes with a few elements worked.
    public var extent: Extent

    public init(format: SolutionFormat, style: NumberStyle = NumberStyle(), standalone: Bool = false,
                checkGradients: Bool = false, ascii: Bool = false, width: Int = 80, extent: Extent = Extent()) {
        self.format = format
        self.style = style
        self.standalone = standalone
        self.checkGradients = checkGradients
        self.ascii = ascii
        self.width = width
        self.extent = extent
    }

    public func render(_ scenario: Scenario, iterations: Int, from first: Int = 1) -> String {
        var text = ""
        write(scenario, iterations: iterations, from: first) { text += $0 }
        return text
    }

    public func render(_ solution: Solution) -> String {
        var text = ""
        write(solution, passes: solution.passes) { text += $0 }
        return text
    }

    /// Writes the solution to `out` piece by piece, each iteration recorded, written and let go
    /// a few at a time (as many at once as two a core): the memory of a few iterations however
    /// many are asked for.
    public func write(_ scenario: Scenario, iterations: Int, from first: Int = 1, to out: (String) -> Void) {
        let (outline, passes) = Solution.outlined(scenario, iterations: iterations, from: first, checkGradients: checkGradients)
        write(outline, passes: passes, to: out)
    }

    private func write(_ solution: Solution, passes: some Sequence<Solution.Pass>, to out: (String) -> Void) {
        switch format {
        case .text: TextWriter(style: style, ascii: ascii, width: width, extent: extent).write(solution, passes: passes, to: out)
        case .markdown: MarkdownWriter(style: style, extent: extent).write(solution, passes: passes, to: out)
        case .latex: LaTeXWriter(style: style, standalone: standalone, extent: extent).write(solution, passes: passes, to: out)
        case .json: JSONWriter(style: style, extent: extent).write(solution, passes: passes, to: out)
        }
    }
}
