import StepgradEngine
import StepgradSession

/// Keys offered in the key bar for what the screen cannot show at once: the numbers of a matrix
/// the operation draws in colour (`z` zooms to it) and why a student's answer is wrong (`i` opens
/// the inspector on it). Each is one key away, without Tab and arrows to reach the cell first.
extension SessionScreen {
    /// The first matrix of the operation drawn without all its numbers (in colour alone, as an
    /// overview or as a window); `nil` when numbers are toggled off or one is zoomed already.
    static func hiddenNumbers(in hits: HitMap, showsNumbers: Bool, zoomed: Bool) -> HitMap.Region? {
        guard showsNumbers, !zoomed else { return nil }
        return hits.regions.first { region in
            region.panel == .operation && !region.source.isStudents && !(region.fit.showsNumbers && region.fit.showsAll(region.source))
        }
    }

    /// The student's wrong answer that `i` explains: in the quantity the step computes when they got
    /// it wrong, else in the one computed last; only among values already known (before, the
    /// verdict would give the value away).
    func wrongAnswer(in scene: Scene) -> CellReference? {
        guard let answers = shownAnswers else { return nil }
        let known = answers.report.results.compactMap { result -> CellReference? in
            result.wrongElements.first { scene.value(result.quantity, $0.cell) != nil }.map { CellReference(result.quantity, $0.cell) }
        }
        func order(_ reference: CellReference) -> Int {
            scene.trace.operations.firstIndex { $0.quantity == reference.quantity } ?? -1
        }
        return known.first { $0.quantity == scene.operation?.quantity } ?? known.max { order($0) < order($1) }
    }

    /// The keys to offer while no panel has focus and nothing covers the panels (a quiz question
    /// takes the keys for its answer).
    func offers(hidden: HitMap.Region?, wrong: CellReference?) -> [(key: String, action: String)] {
        guard focus == nil, overlay == nil, quizPrompt == nil, soloQuiz?.prompt == nil, viewerRole != .following else { return [] }
        var offers: [(key: String, action: String)] = []
        if wrong != nil { offers.append(("i", "why wrong")) }
        if let hidden { offers.append(("z", "numbers of " + hidden.source.label)) }
        return offers
    }

    /// Before `z` zooms from no focus: selects a cell of the matrix drawn without its numbers (the
    /// element being computed when it is there), so that the zoom shows those numbers.
    func selectHiddenNumbers() {
        guard let hidden = Self.hiddenNumbers(in: hits, showsNumbers: showsNumbers, zoomed: zoomed) else { return }
        let source = hidden.source
        if let step = session.currentStep, step.quantity == source.quantity, let cell = step.changed.last?.cell,
           source.position(of: cell) != nil {
            session.select(CellReference(source.quantity, cell))
        } else {
            session.select(CellReference(source.quantity, source.cell(0, 0)))
        }
    }
}
