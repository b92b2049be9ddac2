import IFlowStore

extension IssuedSecretsPage.Kind {
    /// Settings → RFID devices: the company's badge terminals and their access tokens.
    static let devices = Self(
        path: "settings/devices", section: .devices, secretElementID: "new-device-token",
        texts: .init(
            title: "devices_title", intro: "devices_intro", newHeading: "new_device_heading", newHint: "new_device_hint",
            newWarning: "new_device_warning", issueHeading: "register_device_heading", labelHint: "device_label_hint",
            issueButton: "register_device_button", labelMissing: "device_label_required", listHeading: "devices_heading", secretColumn: "col_token",
            createdColumn: "col_registered", lastUsedColumn: "col_last_seen", empty: "no_devices", revokedNotice: "device_revoked",
            revokeTitle: "device_revoke_title", revokeWarning: "device_revoke_warning", revokeConfirm: "device_revoke_confirm",
            revokeButton: "device_revoke_button"
        ),
        log: ("RFID device", "registered", "device"),
        list: { store, companyID in try await store.devices(companyID: companyID).map(\.issuedSecret) },
        issue: { store, companyID, label, actor in
            let issued = try await store.createDevice(companyID: companyID, label: label, actor: actor)
            return (issued.id, issued.token)
        },
        revoke: { store, id, companyID, actor in try await store.revokeDevice(id: id, companyID: companyID, actor: actor) }
    )
}
