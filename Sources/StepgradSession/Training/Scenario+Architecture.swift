import Foundation
import StepgradEngine
import StepgradScenario

/// A scenario's network changed while training: new shapes need new weights.
extension Scenario {
    /// The initializer used when the file gave its weights rather than `init:`.
    public static let fallbackInitializer = Initializer(seed: 1, scheme: .xavier)

    /// This scenario with `network` and its weights drawn afresh, by the scenario's `init:` (or
    /// `fallbackInitializer` when the file gave the weights), as a newly opened file would be; its
    /// title names the new network where it named the old one.
    public func redrawn(with network: Network) -> Scenario {
        var next = self
        let initializer = self.initializer ?? Self.fallbackInitializer
        next.network = network
        next.initializer = initializer
        next.parameters = initializer.parameters(for: network)
        next.title = Self.retitled(title, from: self.network, to: network)
        return next
    }

    /// `title` with `old`'s layer sizes ("2-16-16-2") and the hidden activation written after them
    /// ("ReLU", in any case) replaced by `new`'s; a title that does not name the sizes gets the
    /// new network after it, in brackets (replacing the brackets an earlier change added).
    static func retitled(_ title: String, from old: Network, to new: Network) -> String {
        let oldShape = old.shapeName, newShape = new.shapeName
        guard oldShape != newShape || old.hiddenActivation != new.hiddenActivation else { return title }
        let now = " (now \(newShape)\(new.hiddenActivation.map { " " + $0.name } ?? ""))"
        guard let shape = title.range(of: oldShape) else {
            let base = title.range(of: " (now ", options: .backwards).map { String(title[..<$0.lowerBound]) } ?? title
            return base + now
        }
        var result = title.replacingCharacters(in: shape, with: newShape)
        if let oldActivation = old.hiddenActivation, let newActivation = new.hiddenActivation, oldActivation != newActivation,
           let word = result.range(of: " " + oldActivation.name, options: [.caseInsensitive, .anchored],
                                   range: result.index(shape.lowerBound, offsetBy: newShape.count)..<result.endIndex) {
            result.replaceSubrange(word, with: " " + newActivation.name)
        }
        return result
    }
}

extension Network {
    /// The layer sizes from the inputs on, as titles write them: "2-16-16-2".
    var shapeName: String { ([inputs] + layers.map(\.units)).map(String.init).joined(separator: "-") }

    /// The first hidden layer's activation; `nil` without hidden layers.
    var hiddenActivation: Activation? { depth > 1 ? layers[0].activation : nil }
}
