import StepgradEngine

/// Typed reads of a node; every failure names the value (`what`, e.g. "'learning-rate'")
/// and points at the node.
extension YAMLNode {
    func number(_ what: String) throws -> NumberLiteral {
        switch scalar {
        case .number(let number)?: return number
        case .nonFinite?:
            throw ScenarioError("\(what) must be a finite number, found \(scalarText)", at: position)
        default:
            throw ScenarioError("expected a number for \(what), found \(kindDescription)", at: position)
        }
    }

    func integer(_ what: String, in range: ClosedRange<Int>) throws -> Int {
        let number = try number(what)
        guard number.value.rounded() == number.value, let value = Int(exactly: number.value) else {
            throw ScenarioError("\(what) must be a whole number, found \(scalarText)", at: position)
        }
        guard range.contains(value) else {
            throw ScenarioError("\(what) must be between \(range.lowerBound.grouped) and \(range.upperBound.grouped), "
                                + "found \(scalarText)", at: position)
        }
        return value
    }

    /// Any scalar but null, as text: a title may well be `42`.
    func text(_ what: String) throws -> String {
        guard case .scalar(let text, _) = content, !isNull else {
            throw ScenarioError("expected text for \(what), found \(kindDescription)", at: position)
        }
        return text
    }

    /// One of a fixed set of names, with a suggestion for a near miss or a known synonym.
    func choice(_ what: String, among names: [String], synonyms: [String: String] = [:]) throws -> String {
        guard case .scalar(let name, _) = content, !isNull, case .string = scalar else {
            throw ScenarioError("expected one of \(names.joined(separator: ", ")) for \(what), found \(kindDescription)",
                                at: position)
        }
        guard names.contains(name) else {
            let suggestion = synonyms[name.lowercased()] ?? Suggestion.nearest(to: name, in: names)
            let hint = suggestion.map { "; did you mean '\($0)'?" } ?? ""
            throw ScenarioError("unknown \(what) '\(name)'\(hint) (choose from \(names.joined(separator: ", ")))",
                                at: position)
        }
        return name
    }

    /// A value of a string enumeration such as `Loss` or `Convention`, by its raw value.
    func choice<Choice: RawRepresentable & CaseIterable>(_ what: String, _ type: Choice.Type,
                                                         synonyms: [String: String] = [:]) throws -> Choice
        where Choice.RawValue == String {
        let name = try choice(what, among: Choice.allCases.map(\.rawValue), synonyms: synonyms)
        guard let value = Choice.allCases.first(where: { $0.rawValue == name }) else {
            throw ScenarioError("unknown \(what) '\(name)'", at: position)
        }
        return value
    }

    func mappingEntries(_ what: String) throws -> [Entry] {
        guard case .mapping(let entries) = content else {
            throw ScenarioError("expected a mapping of keys for \(what), found \(kindDescription)", at: position)
        }
        return entries
    }

    func sequence(_ what: String) throws -> [YAMLNode] {
        guard case .sequence(let items) = content else {
            throw ScenarioError("expected a list for \(what), found \(kindDescription)", at: position)
        }
        return items
    }

    /// The scalar exactly as written, for messages.
    var scalarText: String {
        if case .scalar(let text, _) = content { return text }
        return kindDescription
    }
}

/// Numbers written as a matrix, with where each one stands, so that a complaint about
/// one number (or one row) can point at it.
struct NumberGrid {
    var rows: [[NumberLiteral]]
    var rowPositions: [Position]
    var position: Position
    /// Whether it was written as one flat list (read as a single row).
    var isFlat: Bool

    var shape: Shape { Shape(rows: rows.count, columns: rows.first?.count ?? 0) }
    var values: [[Double]] { rows.map { $0.map(\.value) } }
    var matrix: Matrix { Matrix(rows: shape.rows, columns: shape.columns, elements: rows.flatMap { $0.map(\.value) }) }

    /// A flat list is one row; a list of lists is rows. Refuses empty, ragged and mixed lists.
    init(_ node: YAMLNode, _ what: String) throws {
        position = node.position
        if case .scalar = node.content, case .number = node.scalar {
            throw ScenarioError("expected a list of numbers for \(what), found a single number; "
                                + "write [\(node.scalarText)]", at: node.position)
        }
        let items = try node.sequence(what)
        guard let first = items.first else {
            throw ScenarioError("\(what) is an empty list", at: node.position)
        }
        if case .sequence = first.content {
            isFlat = false
            rows = []
            rowPositions = []
            for (r, item) in items.enumerated() {
                guard case .sequence(let cells) = item.content else {
                    throw ScenarioError("\(what) mixes rows and single numbers: item \(r + 1) is \(item.kindDescription), "
                                        + "but item 1 is a row; write one flat list, or a list of rows", at: item.position)
                }
                let row = try cells.map { try $0.number("\(what) (row \(r + 1))") }
                if row.isEmpty {
                    throw ScenarioError("row \(r + 1) of \(what) is empty", at: item.position)
                }
                if let width = rows.first?.count, row.count != width {
                    throw ScenarioError("row \(r + 1) of \(what) has \(ScenarioDecoder.count(row.count, "number")), "
                                        + "but row 1 has \(width); every row needs the same length", at: item.position)
                }
                rows.append(row)
                rowPositions.append(item.position)
            }
        } else {
            isFlat = true
            for item in items where item.content.isSequence {
                throw ScenarioError("\(what) mixes single numbers and rows: this item is a list, but the first item is "
                                    + "\(first.kindDescription); write one flat list, or a list of rows", at: item.position)
            }
            rows = [try items.map { try $0.number(what) }]
            rowPositions = [node.position]
        }
    }
}

extension YAMLNode.Content {
    var isSequence: Bool {
        if case .sequence = self { return true }
        return false
    }
}
