/// A comma-separated list of totals tokens, as a report request spells it.
public enum TotalsList {
    /// Splits at commas and trims each item; empty items are ignored and repeats are kept once, in first-seen order.
    /// - Returns: the recognised tokens and the items that are not tokens (also de-duplicated, in order).
    public static func parse(_ text: String) -> (tokens: [TotalsToken], unknown: [String]) {
        var tokens: [TotalsToken] = []
        var unknown: [String] = []
        for rawItem in text.split(separator: ",") {
            let item = rawItem.trimmingWhitespace()
            guard !item.isEmpty else { continue }
            if let token = TotalsToken(item) {
                if !tokens.contains(token) { tokens.append(token) }
            } else if !unknown.contains(String(item)) {
                unknown.append(String(item))
            }
        }
        return (tokens, unknown)
    }
}
