extension UserUpdate {
    /// The fields whose values no two employees of a company share.
    public static let uniqueFields: [UserField] = [.cnp, .idCard, .rfidTag]

    /// The unique fields this request sets to a value, with the values: the ones whose holders the store looks up.
    public var uniqueValues: [(field: UserField, value: String)] {
        Self.uniqueFields.compactMap { field in (changes[field] ?? nil).map { (field, $0) } }
    }

    /// Merges the request into the employee it identifies.
    ///
    /// - Parameters:
    ///   - stored: The employee as stored, or `nil` when none has the identifier: the request then creates one.
    ///   - holders: The ``uniqueValues`` fields whose value another employee of the company already holds.
    ///   - requestedTeamID: The id of the team the request names, when that team exists.
    /// - Returns: The change, or every rule it breaks: `full_name` missing on a creation alone, else the values
    ///   others hold (`unique`) and the employment ending before it starts (`date_order`, checked when either date is sent).
    public func merge(into stored: Employee?, holders: Set<UserField>, requestedTeamID: Int?) -> Result<UserUpdateMerge, ValidationFailure> {
        var employee: Employee
        let action: UserUpdateMerge.Action
        if let stored {
            employee = stored
            action = .updated
        } else {
            guard let fullName else { return .failure(ValidationFailure(field: "full_name", check: .required)) }
            employee = Employee(fullName: fullName, values: [updateBy.field: updateByValue])
            action = .created
        }

        var changed: [String] = []
        if let fullName, action == .created || employee.fullName != fullName {
            employee.fullName = fullName
            changed.append(UserField.fullName.rawValue)
        }
        if let isEnabled, action == .created || employee.isEnabled != isEnabled {
            employee.isEnabled = isEnabled
            changed.append(UserField.isEnabled.rawValue)
        }
        if action == .created { changed.append(updateBy.field.rawValue) }
        for field in UserField.textFields {
            guard let value = changes[field] else { continue }
            // A new employee's identifier comes from update_by_value; clearing it in the same request would create an
            // employee the next sync cannot find.
            if action == .created, field == updateBy.field, value == nil { continue }
            guard employee.values[field] != value else { continue }
            employee.values[field] = value
            if !changed.contains(field.rawValue) { changed.append(field.rawValue) }
        }

        var issues = Self.uniqueFields.filter(holders.contains).map {
            ValidationIssue(field: $0.rawValue, check: .unique, parameters: ["entity": "employee"])
        }
        if let employment = employee.values[.employmentDate], let disable = employee.values[.disableDate], disable < employment,
            changes[.disableDate] != nil || changes[.employmentDate] != nil
        {
            issues.append(ValidationIssue(field: "disable_date", check: .dateOrder, parameters: ["other": "employment_date"]))
        }
        guard issues.isEmpty else { return .failure(ValidationFailure(issues)) }

        var missingTeam: String?
        let teamBefore = employee.teamID
        switch teamName {
        case .none:
            break
        case .some(.none):
            employee.teamID = nil
            employee.teamName = nil
        case .some(.some(let name)):
            employee.teamName = name
            employee.teamID = requestedTeamID
            if requestedTeamID == nil { missingTeam = name }
        }
        let teamChanged = missingTeam != nil || employee.teamID != teamBefore
        if teamChanged { changed.append("team_name") }
        return .success(UserUpdateMerge(action: action, employee: employee, missingTeam: missingTeam, teamChanged: teamChanged, changed: changed))
    }
}
