/// The workspace an untraced iteration computes in, kept from one iteration to the next by a
/// training loop (`Network.train`), so that an iteration allocates nothing and zeroes nothing:
/// every number of the workspace is written before it is read.
///
/// A value like any other: a copy shares the workspace only until one of them trains, which
/// then takes a workspace of its own, so copies never see each other's numbers.
public struct IterationScratch: Sendable {
    /// The workspace of the last iteration, and the one before it if that was of another batch
    /// size: an epoch whose last mini-batch is smaller than the rest then makes no workspace either.
    private var box: Box?, spare: Box?

    public init() {}

    /// A workspace for this network and batch size that nothing else holds.
    mutating func workspace(_ network: Network, rows: Int) -> Box {
        // Uniqueness first, before a binding adds a reference of its own.
        if isKnownUniquelyReferenced(&box), let box, box.rows == rows, box.network == network { return box }
        if isKnownUniquelyReferenced(&spare), let kept = spare, kept.rows == rows, kept.network == network {
            swap(&box, &spare)
            return kept
        }
        let fresh = Box(network, rows: rows)
        spare = box
        box = fresh
        return fresh
    }

    /// Only the holder that `isKnownUniquelyReferenced` proved unique computes in it, so no
    /// two threads ever touch one workspace.
    final class Box: @unchecked Sendable {
        let network: Network
        let rows: Int
        let workspace: Workspace

        init(_ network: Network, rows: Int) {
            self.network = network
            self.rows = rows
            workspace = Workspace(network, rows: rows)
        }

        func with<R>(_ body: (borrowing Workspace) -> R) -> R { body(workspace) }
    }
}
