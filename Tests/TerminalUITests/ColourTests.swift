import TerminalUI
import Testing

/// Expected palette entries are worked out by hand from xterm's palette: the cube levels
/// 0, 95, 135, 175, 215, 255 (entry 16 + 36r + 6g + b) and greys 8 + 10i (entry 232 + i).
@Suite struct ColourTests {
    @Test(arguments: [
        (Colour(0, 0, 0), 16),           // cube black, exact (grey 232 is 8,8,8)
        (Colour(255, 0, 0), 196),        // 16 + 36·5
        (Colour(95, 135, 175), 67),      // 16 + 36·1 + 6·2 + 3, exact
        (Colour(255, 255, 255), 231),
        (Colour(128, 128, 128), 244),    // grey 8 + 10·12 = 128 exactly; the cube's 135 is further
        (Colour(100, 100, 100), 241),    // grey 98 (distance 12) beats cube 95 (distance 75)
        (Colour(255, 128, 0), 208),      // 16 + 36·5 + 6·2 (128 is nearer 135 than 95)
        (Colour(45, 66, 90), 238),       // a dark blue-grey: grey 68 (1017) beats cube 0,95,95 (2891)
    ])
    func nearestOf256(_ colour: Colour, _ index: Int) {
        #expect(colour.palette256Index == index)
    }

    @Test func paletteEntriesAsColours() {
        #expect(Colour(palette256: 16) == Colour(0, 0, 0))
        #expect(Colour(palette256: 67) == Colour(95, 135, 175))
        #expect(Colour(palette256: 231) == Colour(255, 255, 255))
        #expect(Colour(palette256: 232) == Colour(8, 8, 8))
        #expect(Colour(palette256: 255) == Colour(238, 238, 238))
        #expect(Colour(palette256: 9) == Colour(255, 0, 0))
    }

    @Test func nearestANSIColour() {
        #expect(Colour(250, 10, 10).ansiIndex(count: 16) == 9)   // bright red 255,0,0 is nearest
        #expect(Colour(250, 10, 10).ansiIndex(count: 8) == 1)    // only 205,0,0 among eight
        #expect(Colour(10, 10, 10).ansiIndex(count: 16) == 0)
        #expect(Colour(200, 200, 200).ansiIndex(count: 16) == 7) // 229 grey (2523) beats 127 grey
        #expect(Colour(80, 80, 250).ansiIndex(count: 16) == 12)
    }

    @Test func mixingAndContrast() {
        #expect(Colour(0, 100, 200).mixed(with: Colour(100, 0, 0), 0.25) == Colour(25, 75, 150))
        #expect(Colour(0, 0, 0).mixed(with: .white, 2) == .white)
        #expect(Colour(255, 215, 0).contrastingText == .black)   // luma 202
        #expect(Colour(0, 0, 238).contrastingText == .white)     // luma 27
        #expect(Colour(1, 2, 255).description == "#0102ff")
    }
}

@Suite struct ColourDepthTests {
    @Test func noColourWinsOverEverything() {
        #expect(ColourDepth.detect(environment: ["NO_COLOR": "1", "COLORTERM": "truecolor"], terminfoColours: 256, directColour: true) == .mono)
        // An empty NO_COLOR does not count (no-color.org).
        #expect(ColourDepth.detect(environment: ["NO_COLOR": ""], terminfoColours: 256, directColour: false) == .palette256)
    }

    @Test func colortermAsksForTwentyFourBits() {
        #expect(ColourDepth.requested(environment: ["COLORTERM": "truecolor"], terminfoColours: 256) == .trueColour)
        #expect(ColourDepth.requested(environment: ["COLORTERM": "24bit"], terminfoColours: 8) == .trueColour)
        #expect(ColourDepth.requested(environment: ["COLORTERM": "yes"], terminfoColours: 256) == .palette256)
    }

    @Test func whatIsShownIsCappedByWhatTerminfoCanDrive() {
        #expect(ColourDepth.detect(environment: ["COLORTERM": "truecolor"], terminfoColours: 256, directColour: true) == .trueColour)
        #expect(ColourDepth.detect(environment: ["COLORTERM": "truecolor"], terminfoColours: 256, directColour: false) == .palette256)
        #expect(ColourDepth.detect(environment: ["COLORTERM": "truecolor"], terminfoColours: 8, directColour: false) == .ansi8)
        // COLORTERM seldom survives SSH; a direct-colour TERM is enough.
        #expect(ColourDepth.detect(environment: [:], terminfoColours: 0x1000000, directColour: true) == .trueColour)
    }

    @Test(arguments: [(256, ColourDepth.palette256), (88, .ansi16), (16, .ansi16), (8, .ansi8), (2, .mono), (-1, .mono)])
    func byTerminfoColourCount(_ colours: Int, _ depth: ColourDepth) {
        #expect(ColourDepth.detect(environment: [:], terminfoColours: colours, directColour: false) == depth)
    }
}
