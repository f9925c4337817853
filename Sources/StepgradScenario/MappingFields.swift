/// The keys of one mapping, read by name. Every key must be one the reader knows,
/// so that a typo (`learning_rate`) is reported instead of silently ignored.
struct MappingFields {
    let owner: String
    let position: Position
    private let entries: [YAMLNode.Entry]

    /// - Parameters:
    ///   - owner: how messages name the mapping: "the scenario", "layer 2", "'optimizer'".
    ///   - misplaced: keys that belong elsewhere, with the reason to give instead of "unknown".
    init(_ node: YAMLNode, owner: String, known: [String], misplaced: [String: String] = [:]) throws {
        self.owner = owner
        self.position = node.position
        self.entries = try node.mappingEntries(owner)
        for entry in entries where !known.contains(entry.key) {
            if let reason = misplaced[entry.key] {
                throw ScenarioError("'\(entry.key)' is not allowed in \(owner): \(reason)", at: entry.keyPosition)
            }
            let hint: String
            if let near = Suggestion.nearest(to: entry.key, in: known) {
                hint = "; did you mean '\(near)'?"
            } else if let near = Suggestion.nearest(to: entry.key, in: Array(misplaced.keys)), let reason = misplaced[near] {
                hint = "; did you mean '\(near)'? (\(reason))"
            } else {
                hint = " (known keys: \(known.joined(separator: ", ")))"
            }
            throw ScenarioError("unknown key '\(entry.key)' in \(owner)\(hint)", at: entry.keyPosition)
        }
    }

    /// The value of an optional key; a key written with no value is an error, as it is
    /// most likely a value forgotten or misindented.
    func optional(_ key: String) throws -> YAMLNode? {
        guard let entry = entries.first(where: { $0.key == key }) else { return nil }
        guard !entry.value.isNull else {
            throw ScenarioError("'\(key)' in \(owner) has no value; give one, or remove the key to use the default",
                                at: entry.keyPosition)
        }
        return entry.value
    }

    func required(_ key: String) throws -> YAMLNode {
        guard let entry = entries.first(where: { $0.key == key }) else {
            throw ScenarioError("missing required key '\(key)' in \(owner)", at: position)
        }
        guard !entry.value.isNull else {
            throw ScenarioError("'\(key)' in \(owner) has no value", at: entry.keyPosition)
        }
        return entry.value
    }

    func keyPosition(_ key: String) -> Position? { entries.first { $0.key == key }?.keyPosition }
}
