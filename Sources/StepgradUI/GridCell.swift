/// One character cell of a `Grid`: a single-column character and its style.
///
/// Named `GridCell`, not `Cell`, because StepgradEngine's `Cell` (a matrix position) is visible
/// wherever views are written.
public struct GridCell: Hashable, Sendable {
    /// Always one terminal column wide; see `Character.terminalSafe`.
    public private(set) var character: Character
    public var style: Style

    public init(_ character: Character = " ", style: Style = .plain) {
        self.character = character.terminalSafe
        self.style = style
    }

    public mutating func setCharacter(_ character: Character) {
        self.character = character.terminalSafe
    }

    public static let blank = GridCell()
}
