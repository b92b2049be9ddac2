import HTTPTypes
import Hummingbird

/// `/admin/static/…`: the stylesheet, the copy button's script and the icon.
struct StaticAssetsController {
    func addRoutes(to group: RouterGroup<WebRequestContext>) {
        group.get("static/{file}") { _, context -> Response in
            guard let name = context.parameters.get("file"), let file = WebAssets.files[name] else { throw WebError.notFound }
            return Response(
                status: .ok,
                headers: [
                    .contentType: file.contentType,
                    .cacheControl: "public, max-age=3600",
                    HTTPField.Name("X-Content-Type-Options")!: "nosniff",
                ],
                body: .init(byteBuffer: file.body)
            )
        }
    }
}
