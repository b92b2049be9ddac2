/// An employee as a `user/update` is merged into: the synced fields and the team, personal numbers in plain text.
public struct Employee: Sendable, Equatable {
    public var fullName: String
    public var isEnabled: Bool
    /// The nullable text fields that hold a value.
    public var values: [UserField: String]
    /// `nil` outside any team, and while the team the request names is still to be created.
    public var teamID: Int?
    public var teamName: String?

    public init(fullName: String, isEnabled: Bool = true, values: [UserField: String] = [:], teamID: Int? = nil, teamName: String? = nil) {
        self.fullName = fullName
        self.isEnabled = isEnabled
        self.values = values
        self.teamID = teamID
        self.teamName = teamName
    }
}
