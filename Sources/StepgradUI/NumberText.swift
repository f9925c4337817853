import StepgradEngine
import StepgradNotation
import TerminalUI

/// Numbers as the screen writes them, remembered: formatting a number is the dearest part of a
/// frame, and the same values are drawn frame after frame and measured for several layouts in one.
/// Texts are kept across frames, in a table of fixed size with a slot per hash of the value (the
/// last text written there kept): no frame pays for growing or emptying a table of thousands.
/// Widths of matrices are kept while the iteration on screen stays the same
/// (`use(iteration:generation:)`), as a quantity's matrix changes from one iteration to the next
/// (or with a reload) and not before.
final class NumberText {
    struct Key: Hashable {
        var quantity: Quantity
        var transposed: Bool
        var columnRange: Range<Int>
        var rows: Range<Int>
        var columns: Range<Int>
        var allFigures = false
    }

    let style: NumberStyle
    let glyphs: ScreenGlyphs
    private var texts: [(bits: UInt64, text: String)?] = []
    private var widths: [Key: Int] = [:]
    private var moment: Moment?
    private struct Moment: Equatable {
        var iteration: Int
        var generation: Int
    }
    static let slotBits = 14

    init(style: NumberStyle, glyphs: ScreenGlyphs) {
        self.style = style
        self.glyphs = glyphs
    }

    func format(_ value: Double) -> String {
        let bits = value.bitPattern
        // Fibonacci hashing: the high bits of the product depend on every bit of the value.
        let slot = Int(truncatingIfNeeded: (bits &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - Self.slotBits))
        if texts.isEmpty { texts = Array(repeating: nil, count: 1 << Self.slotBits) }
        if let known = texts[slot], known.bits == bits { return known.text }
        let text = glyphs.text(style.format(value))
        texts[slot] = (bits, text)
        return text
    }

    /// The width of a part of a matrix's numbers, measured once an iteration.
    func width(_ key: Key, measure: () -> Int) -> Int {
        if let known = widths[key] { return known }
        let width = measure()
        widths[key] = width
        return width
    }

    /// Forgets the widths when the iteration on screen is another, or its numbers were reloaded.
    func use(iteration: Int, generation: Int) {
        let now = Moment(iteration: iteration, generation: generation)
        guard now != moment else { return }
        moment = now
        widths.removeAll(keepingCapacity: true)
    }
}
