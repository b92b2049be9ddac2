import Hummingbird
import NIOCore

/// `GET /api/openapi.yaml`: the OpenAPI document of this API, `docs/openapi.yaml`.
///
/// SwiftPM's `embedInCode` rule compiles the file's bytes into the binary, so the document is served whatever the
/// working directory and with no resource bundle to install beside the executable; it is always the one the server
/// was built with.
struct OpenAPIController {
    static let path = "api/openapi.yaml"
    static let document = ByteBuffer(bytes: PackageResources.openapi_yaml)

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get(RouterPath(stringLiteral: Self.path)) { _, _ in
            Response(
                status: .ok,
                headers: [.contentType: "application/yaml; charset=utf-8", .cacheControl: "no-cache"],
                body: .init(byteBuffer: Self.document)
            )
        }
    }
}
