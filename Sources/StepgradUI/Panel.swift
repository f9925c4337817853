/// The panels that hold selectable cells, in Tab order. The formula panel has none.
enum Panel: CaseIterable {
    case network, operation
}
