import TerminalUI
import Testing
@testable import StepgradUI

/// The screen as a remote viewer gets it: each frame rendered to escape sequences at the viewer's
/// size and colour depth and replayed through a terminal emulator, which must then show the frame.
@MainActor @Suite struct RemoteScreenTests {
    @Test(arguments: [Size(width: 80, height: 24), Size(width: 120, height: 40), Size(width: 200, height: 60)],
          [ColourDepth.trueColour, .palette256, .ansi16, .mono])
    func everyFrameOfAPassReachesTheViewer(_ size: Size, _ depth: ColourDepth) {
        let unicode = depth != .mono
        let capabilities = TerminalCapabilities(colourDepth: depth, unicode: unicode)
        let program = Fixtures.screen(theme: depth == .mono ? .mono : .dark, capabilities: capabilities)
        let local = TestBackend(program: program, size: size, capabilities: capabilities)
        var remote = EscapeSequenceTestBackend(size: size, depth: depth, unicode: unicode)
        let keys = [KeyEvent(.right), KeyEvent(.right), KeyEvent("]"), KeyEvent("]"), KeyEvent(.tab), KeyEvent(.down),
                    KeyEvent(.enter), KeyEvent("?"), KeyEvent(.escape), KeyEvent(.end), KeyEvent(.right)]
        #expect(remote.draw(local.screen) == nil, "first frame")
        for key in keys {
            local.press(key)
            if let problem = remote.draw(local.screen) {
                Issue.record("after \(key): \(problem)")
                return
            }
        }
        #expect(remote.lastBytes.count < size.width * size.height * 4, "a step sends less than a full redraw")
    }
}
