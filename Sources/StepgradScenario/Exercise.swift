/// A scenario bundled with stepgrad, listed by `stepgrad examples` and opened by name.
public struct Exercise: Hashable, Sendable {
    /// What a user types: `relu-softmax-3-4-3` (the file name without order prefix and extension).
    public var name: String
    public var title: String
    public var path: String

    public init(name: String, title: String, path: String) {
        self.name = name
        self.title = title
        self.path = path
    }
}
