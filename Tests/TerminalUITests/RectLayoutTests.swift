import TerminalUI
import Testing

@Suite struct RectLayoutTests {
    @Test func fixedAndPercentPartsComeFirstAndFillsShareTheRest() {
        let area = Rect(x: 2, y: 1, width: 10, height: 20)
        let rows = area.split(rows: [.fixed(3), .percent(25), .fill, .fixed(1)])
        // 20 rows: 3 fixed, 25 % = 5, 1 fixed, the fill gets the 11 left.
        #expect(rows == [
            Rect(x: 2, y: 1, width: 10, height: 3),
            Rect(x: 2, y: 4, width: 10, height: 5),
            Rect(x: 2, y: 9, width: 10, height: 11),
            Rect(x: 2, y: 20, width: 10, height: 1),
        ])
    }

    @Test func fillsShareByWeightWithTheRemainderToTheEarliest() {
        let columns = Rect(x: 0, y: 0, width: 11, height: 1).split(columns: [.fill(1), .fill(2), .fill(1)])
        // 11 × 1/4 = 2, 11 × 2/4 = 5, 11 × 1/4 = 2; the 2 left over go to the first two.
        #expect(columns.map(\.width) == [3, 6, 2])
        #expect(columns.map(\.x) == [0, 3, 9])
    }

    @Test func spacingSitsBetweenParts() {
        let columns = Rect(x: 0, y: 0, width: 10, height: 1).split(columns: [.fixed(2), .fill, .fixed(2)], spacing: 1)
        #expect(columns.map(\.x) == [0, 3, 8])
        #expect(columns.map(\.width) == [2, 4, 2])
    }

    @Test func partsThatDoNotFitGetNothingAndNothingOverruns() {
        let rows = Rect(x: 0, y: 0, width: 5, height: 4).split(rows: [.fixed(3), .fixed(3), .fill])
        #expect(rows.map(\.height) == [3, 1, 0])
        #expect(rows.allSatisfy { $0.maxY <= 4 })
    }

    @Test func insetsIntersectionsAndCentring() {
        let area = Rect(x: 0, y: 0, width: 20, height: 10)
        #expect(area.inset(by: 1) == Rect(x: 1, y: 1, width: 18, height: 8))
        #expect(area.inset(top: 20) == Rect(x: 0, y: 20, width: 20, height: 0))
        #expect(area.intersection(Rect(x: 15, y: 5, width: 10, height: 10)) == Rect(x: 15, y: 5, width: 5, height: 5))
        #expect(area.intersection(Rect(x: 30, y: 0, width: 5, height: 5)).isEmpty)
        #expect(area.centred(Size(width: 6, height: 4)) == Rect(x: 7, y: 3, width: 6, height: 4))
        #expect(area.centred(Size(width: 50, height: 4)) == Rect(x: 0, y: 3, width: 20, height: 4))
    }
}
