/// A screen of a served lecture that is not the lecturer's: a viewer watching the lecturer's
/// session, or roaming on a copy of it (see `SessionScreen.viewerRole`).
public enum ViewerRole: Sendable, Hashable {
    /// Drawing the lecturer's session; the viewer's keys do not reach it.
    case following
    /// Drawing the viewer's own copy, which their keys move.
    case roaming
}
