import NIOCore

/// The files of `Assets/`, compiled into the binary and served from `/admin/static/`: the stylesheet, the icon, and the
/// copy button's script, which copies the text of `data-copy-target` to the clipboard or, where the Clipboard API is
/// missing (plain HTTP on a remote host), selects it so the person can press Ctrl+C.
enum WebAssets {
    static let files: [String: (contentType: String, body: ByteBuffer)] = [
        "style.css": ("text/css; charset=utf-8", ByteBuffer(bytes: PackageResources.style_css)),
        "sheet.css": ("text/css; charset=utf-8", ByteBuffer(bytes: PackageResources.sheet_css)),
        "copy.js": ("text/javascript; charset=utf-8", ByteBuffer(bytes: PackageResources.copy_js)),
        "icon.svg": ("image/svg+xml", ByteBuffer(bytes: PackageResources.icon_svg)),
    ]
}
