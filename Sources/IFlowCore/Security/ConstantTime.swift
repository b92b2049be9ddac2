/// Whether two strings have the same UTF-8 bytes, in a time that depends on their lengths only: `==` stops at the first
/// difference, and how soon it answers would tell a guesser how much of a secret (a token, a key's hash) was right.
public func constantTimeEquals(_ a: String, _ b: String) -> Bool {
    let x = Array(a.utf8)
    let y = Array(b.utf8)
    guard x.count == y.count else { return false }
    return zip(x, y).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
}
