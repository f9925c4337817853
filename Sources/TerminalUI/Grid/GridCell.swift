/// One character cell of a `Grid`: a single-column character and its style.
///
/// Named `GridCell`, not `Cell`, because StepgradEngine's `Cell` (a matrix position) is visible
/// wherever views are written.
public struct GridCell: Hashable, Sendable {
    /// Always one terminal column wide (see `Character.terminalSafe`), hence read-only: make a
    /// new cell to change it.
    public let character: Character
    public var style: Style

    public init(_ character: Character = " ", style: Style = .plain) {
        self.character = character.terminalSafe
        self.style = style
    }

    public static let blank = GridCell()
}
