import StepgradEngine
import StepgradNotation
import StepgradScenario
import StepgradSession
import TerminalUI
import Testing
@testable import StepgradUI

/// Never a garbled or overflowing screen: whatever the network, size or mode, every panel is a
/// whole box and nothing is drawn across another.
@MainActor
struct LayoutTests {
    /// The panels' frames: each box found by its top-left corner, or `nil` when a frame is broken
    /// or two overlap.
    static func boxes(in grid: Grid) -> [Rect]? {
        var boxes: [Rect] = []
        for y in 0..<grid.height {
            for x in 0..<grid.width {
                for glyphs in [BoxGlyphs.light, .heavy, .ascii, .asciiHeavy] where isTopLeft(grid, x, y, glyphs) {
                    guard let box = box(in: grid, x: x, y: y, glyphs) else { return nil }
                    boxes.append(box)
                }
            }
        }
        for (i, a) in boxes.enumerated() {
            for b in boxes[(i + 1)...] where !a.intersection(b).isEmpty { return nil }
        }
        return boxes
    }

    private static func isTopLeft(_ grid: Grid, _ x: Int, _ y: Int, _ glyphs: BoxGlyphs) -> Bool {
        grid[x, y].character == glyphs.topLeft && grid[x, y + 1].character == glyphs.vertical
            && grid[x + 1, y].character == glyphs.horizontal
    }

    /// The box whose top-left corner is at (x, y), if its four edges are whole.
    private static func box(in grid: Grid, x: Int, y: Int, _ glyphs: BoxGlyphs) -> Rect? {
        guard let bottom = (y + 1..<grid.height).first(where: { grid[x, $0].character != glyphs.vertical }),
              grid[x, bottom].character == glyphs.bottomLeft,
              let right = (x + 1..<grid.width).first(where: { grid[$0, bottom].character != glyphs.horizontal }),
              grid[right, bottom].character == glyphs.bottomRight, grid[right, y].character == glyphs.topRight else { return nil }
        for row in (y + 1)..<bottom where grid[right, row].character != glyphs.vertical { return nil }
        return Rect(x: x, y: y, width: right - x + 1, height: bottom - y + 1)
    }

    nonisolated static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40), Size(width: 160, height: 48)]

    /// Every step of an iteration of a 64-32-10 and of a 256-unit network, at each size.
    @Test(arguments: [64, 256], sizes)
    func largeNetworksStayWhole(_ width: Int, _ size: Size) throws {
        let scenario = width == 64 ? Fixtures.wide(64, [32], 10) : Fixtures.wide(256, [256], 10)
        let backend = TestBackend(program: Fixtures.screen(scenario), size: size)
        for step in 0...17 {
            let boxes = try #require(Self.boxes(in: backend.screen), "step \(step): a frame is broken")
            #expect((3...4).contains(boxes.count), "step \(step)")
            backend.press(KeyEvent(.right))
        }
    }

    /// An overview of a 256×256 matrix says it is one, and zooming shows single values with numbers.
    @Test func overviewAndZoomOfA256By256Matrix() throws {
        let program = Fixtures.screen(Fixtures.wide(256, [256], 10))
        let backend = TestBackend(program: program, size: Size(width: 160, height: 48))
        backend.press(KeyEvent(.right))
        #expect(backend.lines.contains { $0.contains("W₁ 256×256: mean of ") })
        #expect(!backend.lines.contains { $0.contains("mean of") && $0.contains("…") }, "the legend is packed whole, never cut")
        program.session.select(CellReference(.W(1), Cell(100, 200)))
        program.focus = .operation
        backend.press(KeyEvent("z"))
        let caption = try #require(backend.lines.first { $0.contains("z: whole equation") })
        #expect(caption.contains("of 256 · columns") && caption.contains("of 256"))
        let weight = program.session.revealedValue(.W(1), Cell(100, 200)) ?? .nan
        #expect(backend.lines.contains { $0.contains("[" + NumberStyle().format(weight) + "]") })
        _ = try #require(Self.boxes(in: backend.screen))
    }

    @Test(arguments: [Size(width: 80, height: 24), Size(width: 250, height: 70)])
    func presentingStaysWhole(_ size: Size) throws {
        let backend = TestBackend(program: Fixtures.screen(theme: .highContrast, presenting: true), size: size)
        for _ in 0..<14 {
            let boxes = try #require(Self.boxes(in: backend.screen), "a frame is broken")
            #expect(boxes.count == (size.width >= 150 ? 3 : 2))
            backend.press(KeyEvent(.right))
        }
    }

    /// Presenting, a small network fills a projected screen: cells at least five rows high at 250×70, in
    /// the network and in the equation.
    @Test func presentingDrawsLargeCells() throws {
        let backend = TestBackend(program: Fixtures.screen(presenting: true), size: Size(width: 250, height: 70))
        backend.press(KeyEvent(.right), KeyEvent(.right), KeyEvent(.right))
        let grid = backend.screen
        let cells = (0..<grid.height).flatMap { y in
            grid.lines[y].ranges(of: "−0.495").map { (x: grid.lines[y].distance(from: grid.lines[y].startIndex, to: $0.lowerBound), y: y) }
        }
        let coloured = cells.filter { grid[$0.x, $0.y].style.background != nil }
        #expect(coloured.count == 2)
        for cell in coloured {
            let colour = grid[cell.x, cell.y].style.background
            #expect(colour != nil)
            #expect((-2...2).allSatisfy { grid[cell.x, cell.y + $0].style.background == colour })
        }
    }

    @Test func resizingLaysOutAgain() throws {
        let backend = TestBackend(program: Fixtures.screen(), size: Size(width: 80, height: 24))
        #expect(try #require(Self.boxes(in: backend.screen)).count == 3)
        backend.send(.resize(Size(width: 160, height: 48)))
        var boxes = try #require(Self.boxes(in: backend.screen))
        #expect(boxes.count == 4)
        // The network above the operation: the update's three matrices and the network do not both fit in 160 columns.
        #expect(boxes.filter { $0.y == 2 }.count == 1)
        backend.send(.resize(Size(width: 260, height: 60)))
        boxes = try #require(Self.boxes(in: backend.screen))
        // Network and operation side by side: the update's matrices, measured as the second
        // iteration's numbers will be (0.1346, not 0.1), and the network fit in 260 columns.
        #expect(boxes.filter { $0.y == 2 }.count == 2)
    }

    /// Outside a UTF-8 locale every character drawn is ASCII, formulas included.
    @Test func asciiTerminal() throws {
        let ascii = TerminalCapabilities(colourDepth: .ansi8, unicode: false)
        let backend = TestBackend(program: Fixtures.screen(capabilities: ascii, granularity: .element), size: Size(width: 80, height: 24))
        for _ in 0..<10 { backend.press(KeyEvent(.right)) }
        #expect(backend.lines.allSatisfy { $0.allSatisfy(\.isASCII) })
        #expect(backend.lines.contains { $0.contains("z2[1] = (-0.2)*1.2 + 0.3*0 + 0.1*0.15 + (-0.3)*0.9 = -0.495") })
        #expect(backend.lines[0].contains("FORWARD > LOSS > BACKWARD > UPDATE"))
        _ = try #require(Self.boxes(in: backend.screen))
    }
}
