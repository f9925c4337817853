/// A line of text and what it means.
struct StyledLine: Hashable {
    var text: String
    var role: Role
}
