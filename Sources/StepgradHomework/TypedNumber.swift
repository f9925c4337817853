import Foundation

/// A number typed in answer to a quiz question, with the decimals it was typed with: the
/// precision it is judged at, as `stepgrad check` judges a number in an answers file.
public struct TypedNumber: Hashable, Sendable {
    public var value: Double
    public var decimals: Int

    public init(value: Double, decimals: Int) {
        self.value = value
        self.decimals = decimals
    }

    /// Reads `0.627`, `-1.5`, `−1.5` (a typographic minus), `.5` or `3`: a sign, digits and at most
    /// one decimal point, nothing else; `nil` for anything that is not such a number.
    public init?(_ text: String) {
        var text = Substring(text.trimmingCharacters(in: .whitespaces))
        var negative = false
        if let first = text.first, first == "-" || first == "−" || first == "+" {
            negative = first != "+"
            text = text.dropFirst()
        }
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard !text.isEmpty, text != ".", parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              parts[0].count <= 15, let magnitude = Double(text.hasPrefix(".") ? "0" + text : String(text))
        else { return nil }
        self.value = negative ? -magnitude : magnitude
        self.decimals = parts.count == 2 ? parts[1].count : 0
        guard decimals <= 15 else { return nil }
    }
}
