import StepgradHomework

/// `open --quiz`: one student answering before each value is revealed, and the score so far.
struct SoloQuiz {
    /// The answers of the iteration on screen (and the scenario's generation they were marked against).
    var sheet: QuizSheet?
    var sheetGeneration = 0
    /// The question open now, if any.
    var prompt: QuizPrompt?
    /// What the key that opened the question asked for, carried out once it is answered.
    var pending: Command?
    var right = 0
    var asked = 0
}
