/// The stylesheet, the copy button's script and the icon, served from `/admin/static/`.
enum WebAssets {
    static let files: [String: (contentType: String, body: String)] = [
        "style.css": ("text/css; charset=utf-8", stylesheet),
        "copy.js": ("text/javascript; charset=utf-8", copyScript),
        "icon.svg": ("image/svg+xml", icon),
    ]

    /// Copies the text of `data-copy-target` to the clipboard; where the Clipboard API is missing (plain HTTP on a
    /// remote host) it selects the text so the person can press Ctrl+C.
    static let copyScript = """
        "use strict";
        document.addEventListener("click", function (event) {
          var button = event.target.closest("[data-copy-target]");
          if (!button) { return; }
          var source = document.getElementById(button.getAttribute("data-copy-target"));
          var done = function () { button.textContent = button.getAttribute("data-copied-text"); };
          var select = function () {
            var range = document.createRange();
            range.selectNodeContents(source);
            var selection = window.getSelection();
            selection.removeAllRanges();
            selection.addRange(range);
          };
          if (navigator.clipboard && window.isSecureContext) {
            navigator.clipboard.writeText(source.textContent).then(done, select);
          } else {
            select();
          }
        });
        """

    static let icon = """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#1f5fbf"/>\
        <path d="M9 8h4v16H9zM16 8h8v4h-4v3h3.5v4H20v5h-4z" fill="#fff"/></svg>
        """
}
