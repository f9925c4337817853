import StepgradEngine
import StepgradNotation
import Testing

@Suite struct RemarkTests {
    @Test func aTargetNotSummingToOneIsWorded() {
        let note = Remark.targetSumIsNotOne(2).english
        #expect(note.contains("sums to 2, not 1"))
        #expect(note.contains("dz = ŷ·Σy − y"))
        #expect(Remark.targetSumIsNotOne(0.5).english.contains("sums to 0.5, not 1"))
    }
}
