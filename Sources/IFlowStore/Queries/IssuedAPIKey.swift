/// A key that was just generated: the only moment its secret exists outside the client.
public struct IssuedAPIKey: Sendable {
    public var id: Int
    public var secret: String
}
