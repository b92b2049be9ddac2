import IFlowCore

/// Who made a change.
public struct AuditActor: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case apiKey = "api_key"
        case administrator
        case commandLine = "cli"
        /// A badge terminal, by its device token.
        case device
    }

    public var kind: Kind
    public var id: Int?
    /// A label a person recognises: the key's or terminal's label and first characters, or the administrator's email.
    public var label: String

    public init(kind: Kind, id: Int?, label: String) {
        self.kind = kind
        self.id = id
        self.label = label
    }

    public static let commandLine = AuditActor(kind: .commandLine, id: nil, label: "iflow command line")
}
