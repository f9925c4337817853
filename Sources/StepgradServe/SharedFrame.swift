import TerminalUI

/// A frame drawn once and sent to every viewer it is for, with the bytes that bring a viewer to
/// it from the frame they showed before: worked out once for each frame before, so a room
/// that moves in step costs one diff a step, not one a viewer.
@MainActor
final class SharedFrame {
    let grid: Grid
    /// Tells frames apart for the memo (an object's address may be reused once it is gone).
    let id: Int
    private static var made = 0
    private var bytesFrom: [Int?: [UInt8]] = [:]

    init(_ grid: Grid) {
        self.grid = grid
        Self.made += 1
        id = Self.made
    }

    /// The bytes that turn a terminal of `screen`'s depth showing `shown` (`nil`: nothing known)
    /// into one showing this frame. Every viewer of a frame has the same depth and character set.
    func bytes(after shown: SharedFrame?, on screen: EscapeSequenceScreen) -> [UInt8] {
        if let bytes = bytesFrom[shown?.id] { return bytes }
        let bytes = screen.bytes(from: shown?.grid, to: grid)
        bytesFrom[shown?.id] = bytes
        return bytes
    }
}
