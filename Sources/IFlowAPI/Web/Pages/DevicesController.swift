import Foundation
import Hummingbird
import IFlowCore
import IFlowStore

/// Settings → RFID devices: the company's badge terminals, registering one (its access token shown once) and revoking
/// one (after confirmation). A device cannot be edited: revoke it and register it again.
struct DevicesController {
    let web: WebEnvironment
    static let maxLabelLength = 100

    func addRoutes(to group: RouterGroup<WebRequestContext>) {
        group.get("settings/devices", use: list)
        group.post("settings/devices", use: register)
        group.get("settings/devices/{id}/revoke", use: confirm)
        group.post("settings/devices/{id}/revoke", use: revoke)
    }

    @Sendable func list(_ request: Request, context: WebRequestContext) async throws -> Response {
        let administrator = try context.requireAdministrator()
        var values: [String: Any] = [:]
        if WebEnvironment.query(request)["revoked"] == "1" { values["notice"] = WebText.format("device_revoked", administrator.language) }
        return try await page(request, administrator: administrator, values: values)
    }

    @Sendable func register(_ request: Request, context: WebRequestContext) async throws -> Response {
        let administrator = try context.requireAdministrator()
        let fields = try await web.form(request, administrator: administrator)
        let raw = fields["label"] ?? ""
        let label: String
        switch RequiredLine.read(raw, maxLength: Self.maxLabelLength, missing: "device_label_required", invalid: "label_invalid") {
        case .success(let text): label = text
        case .failure(let refusal):
            return try await page(
                request, administrator: administrator, status: .unprocessableContent,
                values: ["labelError": WebText.format(refusal.key, administrator.language), "labelValue": String(raw.prefix(Self.maxLabelLength))]
            )
        }
        let issued = try await web.store.createDevice(companyID: administrator.company.id, label: label, actor: administrator.actor)
        context.logger.info("RFID device registered", metadata: ["device": "\(issued.id)", "company": "\(administrator.company.id)"])
        return try await page(request, administrator: administrator, values: ["newDevice": true, "newDeviceLabel": label, "token": issued.token])
    }

    @Sendable func confirm(_ request: Request, context: WebRequestContext) async throws -> Response {
        let administrator = try context.requireAdministrator()
        let device = try await liveDevice(context, administrator: administrator)
        return confirmPage(request, device: device, administrator: administrator)
    }

    @Sendable func revoke(_ request: Request, context: WebRequestContext) async throws -> Response {
        let administrator = try context.requireAdministrator()
        let fields = try await web.form(request, administrator: administrator)
        let device = try await liveDevice(context, administrator: administrator)
        guard fields["confirm"] == "yes" else {
            return confirmPage(
                request, device: device, administrator: administrator, status: .unprocessableContent,
                error: WebText.format("revoke_confirm_required", administrator.language)
            )
        }
        // A revoke racing another one finds the device already revoked: the list says so either way.
        _ = try await web.store.revokeDevice(id: device.id, companyID: administrator.company.id, actor: administrator.actor)
        context.logger.info("RFID device revoked", metadata: ["device": "\(device.id)", "company": "\(administrator.company.id)"])
        return WebEnvironment.redirect(to: "/admin/settings/devices?revoked=1")
    }

    /// The company's unrevoked device named by the path; another company's device is "not found", exactly like a missing one.
    private func liveDevice(_ context: WebRequestContext, administrator: SignedInAdministrator) async throws -> DeviceRecord {
        guard let id = context.parameters.get("id").flatMap(Int.init),
            let device = try await web.store.devices(companyID: administrator.company.id).first(where: { $0.id == id && $0.revokedAt == nil })
        else { throw WebError.notFound }
        return device
    }

    private func facts(_ device: DeviceRecord, language: Language, zone: TimeZone) -> [String: Any] {
        [
            "id": device.id,
            "deviceLabel": device.label.isEmpty ? "—" : device.label,
            "prefix": device.prefix,
            "created": WebEnvironment.timestamp(device.createdAt, in: zone) ?? "",
            "lastSeen": WebEnvironment.timestamp(device.lastSeenAt, in: zone) ?? WebText.format("never", language),
        ]
    }

    private func page(
        _ request: Request, administrator: SignedInAdministrator, status: HTTPResponse.Status = .ok, values: [String: Any]
    ) async throws -> Response {
        let language = administrator.language
        let zone = administrator.company.timeZone
        let devices = try await web.store.devices(companyID: administrator.company.id).reversed().map { device -> [String: Any] in
            var row = facts(device, language: language, zone: zone)
            let revoked = device.revokedAt != nil
            row["revoked"] = revoked
            row["status"] =
                revoked
                ? WebText.format("status_revoked", language, ["date": WebEnvironment.timestamp(device.revokedAt, in: zone) ?? ""])
                : WebText.format("status_active", language)
            return row
        }
        var all: [String: Any] = [
            "intro": WebText.format("devices_intro", language, ["company": administrator.company.name]),
            "devicesHeading": WebText.format("devices_heading", language, ["company": administrator.company.name]),
            "devices": devices,
            "hasDevices": !devices.isEmpty,
            "labelValue": "",
        ]
        all.merge(values) { _, new in new }
        return web.page(
            "devices", title: WebText.format("devices_title", language), language: language, administrator: administrator,
            request: request, section: .devices, status: status, withScript: values["newDevice"] != nil, values: all
        )
    }

    private func confirmPage(
        _ request: Request, device: DeviceRecord, administrator: SignedInAdministrator, status: HTTPResponse.Status = .ok, error: String? = nil
    ) -> Response {
        var values = facts(device, language: administrator.language, zone: administrator.company.timeZone)
        if let error { values["confirmError"] = error }
        return web.page(
            "device-revoke", title: WebText.format("device_revoke_title", administrator.language), language: administrator.language,
            administrator: administrator, request: request, section: .devices, status: status, values: values
        )
    }
}
