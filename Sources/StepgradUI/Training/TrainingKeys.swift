/// The training view's keys as `?` lists them (and the README's table says them again).
enum TrainingKeys {
    static let bindings: [(names: String, summary: String)] = [
        ("Space", "play / pause training"),
        ("n  e", "train one mini-batch / to the epoch's end"),
        ("s", "step through the next mini-batch's pass"),
        ("← →  Esc", "select a training point / clear it"),
        ("Enter, click", "open that point's pass, current weights"),
        ("x", "(in a pass) back to training"),
        ("+  -", "learning rate up / down (weights kept)"),
        ("r  R", "weight decay (L2) up / down (weights kept)"),
        ("a", "next hidden activation (new network)"),
        ("l  u  U", "select a hidden layer; add / remove a unit (new network)"),
        ("w", "write the network and weights as a scenario"),
        ("?", "these keys"),
        ("q  Ctrl-C", "quit"),
    ]
}
