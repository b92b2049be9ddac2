/// A badge terminal that was just registered: the only moment its token exists outside the terminal.
public struct IssuedDevice: Sendable {
    public let id: Int
    public let token: String
}
