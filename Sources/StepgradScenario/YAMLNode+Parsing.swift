import Yams

extension YAMLNode {
    /// Reads one YAML or JSON document without ever trapping or hanging; `nil` for an empty document.
    ///
    /// Yams' `load` and `Decodable` are never used on user input: `load` force-unwraps its way into
    /// a trap on a mapping whose key is a collection (`{[a]: 1}`), and expands alias bombs without
    /// limit. `compose` shares an anchored node between its aliases, which is cheap, except that it
    /// hashes every mapping key to find duplicates, so a key that is (or contains) an alias of a
    /// bomb hangs it. Hence three steps:
    /// 1. when the text has a `*` at all, a first `compose` with every `*` replaced by a private-use
    ///    character, which leaves no aliases (so it is linear) but the same keys in the same places,
    ///    to reject collection and alias keys;
    /// 2. the real `compose`, now safe (no key can hold an alias, and libyaml caps nesting at 1000);
    /// 3. a walk that copies the result, counting every visit, including the re-visits of
    ///    an anchored node through its aliases, against `ScenarioLimits.nodes`.
    static func parse(_ text: String) throws -> YAMLNode? {
        let bytes = text.utf8.count
        guard bytes <= ScenarioLimits.fileBytes else {
            throw ScenarioError("the file is \(bytes.grouped) bytes; stepgrad reads at most 1 MiB "
                                + "(\(ScenarioLimits.fileBytes.grouped) bytes)", at: nil)
        }
        // Without a `*` there is no alias, so no key can be costly to hash.
        if text.utf8.contains(UInt8(ascii: "*")) {
            let defused = String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == "*" ? aliasStandIn : $0 }))
            guard let shape = try compose(defused, original: text) else { return nil }
            try rejectComplexKeys(in: shape)
        }
        guard let root = try compose(text, original: text) else { return nil }
        var budget = Budget()
        return try YAMLNode(root, depth: 0, budget: &budget)
    }

    /// Stands in for `*` in the first pass: printable for libyaml and never an indicator.
    private static let aliasStandIn: Unicode.Scalar = "\u{E000}"

    private static func compose(_ yaml: String, original: String) throws -> Node? {
        do {
            return try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw ScenarioError(yamlError: error, text: original)
        }
    }

    /// Keys must be names; a list, a mapping or an alias as a key is refused with its place.
    private static func rejectComplexKeys(in node: Node) throws {
        switch node {
        case .scalar, .alias: return
        case .sequence(let sequence):
            for child in sequence { try rejectComplexKeys(in: child) }
        case .mapping(let mapping):
            for (key, value) in mapping {
                _ = try name(ofKey: key)
                try rejectComplexKeys(in: value)
            }
        }
    }

    /// The name a key gives, or an error placed at it.
    private static func name(ofKey key: Node) throws -> String {
        let kind: String
        switch key {
        case .scalar(let scalar):
            guard scalar.style == .plain, scalar.string.unicodeScalars.first == aliasStandIn else { return scalar.string }
            kind = "an alias (*name)"
        case .alias: kind = "an alias (*name)"
        case .sequence: kind = "a list"
        case .mapping: kind = "a mapping"
        }
        throw ScenarioError("a key must be a plain name, not \(kind)", at: key.mark.map(Position.init) ?? .start)
    }

    /// Counts visits while copying out of Yams' tree.
    private struct Budget {
        var visits = 0
        /// The top-level key being read. Nodes reached through an alias carry the place of their
        /// anchor, which says nothing about where the expansion happened; the key does.
        var blame: Position?
        static let depth = 64
    }

    private init(_ node: Node, depth: Int, budget: inout Budget) throws {
        let position = node.mark.map(Position.init) ?? .start
        budget.visits += 1
        guard budget.visits <= ScenarioLimits.nodes else {
            throw ScenarioError("the document holds more than \(ScenarioLimits.nodes.grouped) values once its aliases "
                                + "(*name) are expanded; stepgrad reads at most that many", at: budget.blame ?? position)
        }
        guard depth <= Budget.depth else {
            throw ScenarioError("values are nested more than \(Budget.depth) levels deep", at: position)
        }
        switch node {
        case .scalar(let scalar):
            self.init(content: .scalar(scalar.string, plain: scalar.style == .plain), position: position)
        case .sequence(let sequence):
            var children: [YAMLNode] = []
            children.reserveCapacity(sequence.count)
            for child in sequence { children.append(try YAMLNode(child, depth: depth + 1, budget: &budget)) }
            self.init(content: .sequence(children), position: position)
        case .mapping(let mapping):
            var entries: [Entry] = []
            for (key, value) in mapping {
                let name = try Self.name(ofKey: key)
                let keyPosition = key.mark.map(Position.init) ?? position
                if depth == 0 { budget.blame = keyPosition }
                entries.append(Entry(key: name, keyPosition: keyPosition,
                                     value: try YAMLNode(value, depth: depth + 1, budget: &budget)))
            }
            self.init(content: .mapping(entries), position: position)
        case .alias:
            // compose resolves aliases to their nodes; a bare alias is never produced.
            throw ScenarioError("an alias (*name) could not be resolved", at: position)
        }
    }
}

extension Position {
    init(_ mark: Mark) { self.init(line: mark.line, column: mark.column) }
}

extension ScenarioError {
    /// libyaml's diagnostics, reworded and placed at the problem.
    init(yamlError: YamlError, text: String) {
        switch yamlError {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            self.init(Self.syntaxMessage(problem: problem, context: context), at: Position(mark))
        case .reader(let problem, let offset, let value, _):
            let hex = String(UInt32(truncatingIfNeeded: value), radix: 16, uppercase: true)
            let character = value >= 0 ? " (U+\(String(repeating: "0", count: max(0, 4 - hex.count)) + hex))" : ""
            self.init("the file contains a character YAML does not allow\(character): \(problem)",
                      at: offset.map { Self.position(ofCharacter: $0, in: text) })
        case .duplicatedKeysInMapping(let duplicates, let context):
            let names = duplicates.filter { $0 != "<uncovertable>" }
            let message = names.isEmpty
                ? "a key must be a plain name, not a list or mapping"
                : "duplicate key " + names.map { "'\($0)'" }.joined(separator: ", ")
                    + "; each key may appear only once in a mapping"
            self.init(message, at: Position(context.mark))
        default:
            self.init("the file could not be read as YAML: \(yamlError)", at: nil)
        }
    }

    private static func syntaxMessage(problem: String, context: YamlError.Context?) -> String {
        switch problem {
        case "found undefined alias":
            return "this alias (*name) refers to no anchor (&name) defined before it"
        case "but found another document":
            return "the file holds a second YAML document (after ---); stepgrad reads exactly one"
        case let problem where problem.hasPrefix("Maximum nesting level reached"):
            return "values are nested more than 1,000 levels deep"
        default:
            let within = context.map { " (\($0.text) at line \($0.mark.line), column \($0.mark.column))" } ?? ""
            return "YAML syntax error: \(problem)\(within)"
        }
    }

    /// Line and column of the character at `offset`, counting columns in Unicode scalars like libyaml.
    private static func position(ofCharacter offset: Int, in text: String) -> Position {
        var position = Position.start
        for character in text.prefix(offset) {
            if character.isNewline {
                position = Position(line: position.line + 1, column: 1)
            } else {
                position.column += character.unicodeScalars.count
            }
        }
        return position
    }
}
