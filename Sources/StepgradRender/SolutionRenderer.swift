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

    public init(format: SolutionFormat, style: NumberStyle = NumberStyle(), standalone: Bool = false,
                checkGradients: Bool = false, ascii: Bool = false, width: Int = 80) {
        self.format = format
        self.style = style
        self.standalone = standalone
        self.checkGradients = checkGradients
        self.ascii = ascii
        self.width = width
    }

    public func render(_ scenario: Scenario, iterations: Int, from first: Int = 1) -> String {
        render(Solution(scenario, iterations: iterations, from: first, checkGradients: checkGradients))
    }

    public func render(_ solution: Solution) -> String {
        switch format {
        case .text: TextWriter(style: style, ascii: ascii, width: width).write(solution)
        case .markdown: MarkdownWriter(style: style).write(solution)
        case .latex: LaTeXWriter(style: style, standalone: standalone).write(solution)
        case .json: JSONWriter(style: style).write(solution)
        }
    }
}
