/// How a marker judges one value, or one quantity.
public enum Verdict: String, Hashable, Sendable, Codable, CaseIterable {
    /// Matches the exact value to the precision written.
    case correct
    /// Wrong against the exact value, but right given the student's own earlier answers:
    /// follow-through credit for an error made earlier.
    case carriedForward = "carried-forward"
    case wrong
    /// Not given; only a grader counts it.
    case missing

    /// Whether a marker gives the mark.
    public var earnsMark: Bool { self == .correct || self == .carriedForward }
}
