import TerminalUI
import Testing

/// Byte sequences as xterm documents them (ctlseqs: "PC-Style Function Keys") and as OpenSSH
/// carried them from a tmux pane (see /work/shared/notes/serving-over-ssh.md).
@Suite struct KeyDecoderTests {
    private func keys(_ chunks: [UInt8]...) -> [KeyEvent] {
        var decoder = KeyDecoder()
        return chunks.flatMap { decoder.decode($0) }
    }

    private func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test func arrowsInBothFormsAndEditingKeys() {
        #expect(keys(bytes("\u{1B}[A\u{1B}[B\u{1B}[C\u{1B}[D\u{1B}OA\u{1B}OD"))
                == [.init(.up), .init(.down), .init(.right), .init(.left), .init(.up), .init(.left)])
        #expect(keys(bytes("\u{1B}[H\u{1B}[F\u{1B}[1~\u{1B}[4~\u{1B}[5~\u{1B}[6~\u{1B}[2~\u{1B}[3~\u{1B}[Z"))
                == [.init(.home), .init(.end), .init(.home), .init(.end), .init(.pageUp), .init(.pageDown),
                    .init(.insert), .init(.delete), .init(.backTab)])
        #expect(keys(bytes("\u{1B}OP\u{1B}[15~\u{1B}[24~")) == [.init(.function(1)), .init(.function(5)), .init(.function(12))])
        #expect(keys(bytes("\u{1B}[1;5C")) == [.init(.right)], "a modified arrow is the arrow")
    }

    @Test func controlCharactersTextAndUTF8() {
        #expect(keys([0x03, 0x04, 0x0D, 0x09, 0x7F, 0x08])
                == [KeyEvent("c", .control), KeyEvent("d", .control), .init(.enter), .init(.tab), .init(.backspace), .init(.backspace)])
        #expect(keys(bytes("q]é→")) == [KeyEvent("q"), KeyEvent("]"), KeyEvent("é"), KeyEvent("→")])
        #expect(keys([0x1B]) == [.init(.escape)], "an escape ending a read is the Esc key")
        #expect(keys(bytes("\u{1B}x")) == [.init(.escape), KeyEvent("x")])
    }

    @Test func aSequenceOrCharacterCutBetweenReadsIsCompletedByTheNext() {
        #expect(keys(bytes("\u{1B}["), bytes("C")) == [.init(.right)])
        #expect(keys(bytes("\u{1B}[1"), bytes("5~q")) == [.init(.function(5)), KeyEvent("q")])
        #expect(keys([0xC3], [0xA9]) == [KeyEvent("é")])
        #expect(keys([0xE2, 0x86], [0x92]) == [KeyEvent("→")])
    }

    @Test func mouseReportsUnknownSequencesAndBadBytesAreSkipped() {
        #expect(keys(bytes("\u{1B}[M !!q")) == [KeyEvent("q")], "X10 mouse report")
        #expect(keys(bytes("\u{1B}[<0;12;5Mq")) == [KeyEvent("q")], "SGR mouse report")
        #expect(keys(bytes("\u{1B}[99~\u{1B}[?1;2cq")) == [KeyEvent("q")])
        #expect(keys([0xFF, 0xC0, 0x80, 0xC3, 0x41]) == [KeyEvent("A")], "not UTF-8: dropped, the next key kept")
        #expect(keys([0x00, 0x1C, 0x1F]) == [])
    }

    @Test func garbageNeverGrowsWhatIsKept() {
        // An endless CSI parameter run is dropped once it passes the limit, and decoding goes on.
        var decoder = KeyDecoder()
        #expect(decoder.decode(bytes("\u{1B}[" + String(repeating: "1;", count: 100))) == [])
        #expect(decoder.decode(bytes("q")) == [KeyEvent("q")])
        var random = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            _ = decoder.decode((0..<512).map { _ in UInt8.random(in: 0...255, using: &random) })
        }
        #expect(decoder.decode(bytes("\u{1B}[0m")).count <= 1)
        #expect(decoder.decode(bytes("z")) == [KeyEvent("z")])
    }
}
