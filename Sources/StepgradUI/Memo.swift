/// One value remembered with the key it was computed for: asked again with the same key it is
/// returned as it is, asked with another it is computed afresh. Screens ask for the same
/// derived things frame after frame while the session stands still.
struct Memo<Key: Equatable, Value> {
    private var last: (key: Key, value: Value)?

    /// The value for `key`, computed by `compute` unless it is the one remembered.
    mutating func value(for key: Key, _ compute: () -> Value) -> Value {
        if let last, last.key == key { return last.value }
        let value = compute()
        last = (key, value)
        return value
    }

    /// `value` combined with the one remembered for `key`, if any, and remembered in its place.
    mutating func combine(_ value: Value, for key: Key, _ combine: (Value, Value) -> Value) -> Value {
        let combined = last.map { $0.key == key ? combine($0.value, value) : value } ?? value
        last = (key, combined)
        return combined
    }
}
