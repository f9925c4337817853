/// A line in one viewer's key bar (e.g. that only the lecturer can do what they pressed), drawn
/// over a screen that viewers share (see `SessionScreen.frame(size:glyphs:notice:prompt:)`).
public struct ViewerNotice: Hashable, Sendable {
    public var text: String
    public var isError: Bool

    public init(_ text: String, isError: Bool = false) {
        self.text = text
        self.isError = isError
    }
}
