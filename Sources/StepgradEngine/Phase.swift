/// The four parts of an iteration, in the order they are computed.
public enum Phase: String, Hashable, Sendable, CaseIterable, Codable {
    case forward, loss, backward, update
}
