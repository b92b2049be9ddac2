/// Hides personal numbers on screen, leaving the last characters so a person can still tell records apart.
enum Masking {
    /// Bullets for all but the last `visible` characters, and never more than a third of them visible:
    /// `1800101221144` → `•••••••••1144`, `RX123456` → `••••••56`.
    static func tail(_ value: String, visible: Int = 4) -> String {
        let shown = min(visible, value.count / 3)
        return String(repeating: "•", count: value.count - shown) + value.suffix(shown)
    }
}
