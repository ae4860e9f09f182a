"""Content-Security-Policy and Permissions-Policy (django-csp; Django 5.2 has no CSP of its
own). The public pages run no script: their policy is strict and enforced (JSON-LD blocks are
data, never executed, so they need no nonce), no page may be framed except the Stocktaking
embed, which names its partner's origin (stocktaking.embed). The Wagtail admin needs more
(inline styles, its previews in frames, blob: images): its policy is report-only until its
reports are clean."""

from csp.middleware import CSPMiddleware

# Features no page of ours uses: the browser refuses them to the page and to any frame in it.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "ambient-light-sensor",
        "autoplay",
        "battery",
        "bluetooth",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "identity-credentials-get",
        "idle-detection",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
)


class SitePolicyMiddleware(CSPMiddleware):
    """Enforces CONTENT_SECURITY_POLICY outside the admin (it excludes the admin's prefix) and
    reports CONTENT_SECURITY_POLICY_REPORT_ONLY inside it only; adds Permissions-Policy."""

    admin_prefix = "/admin/"

    def process_response(self, request, response):
        if not request.path_info.startswith(self.admin_prefix):
            response._csp_exempt_ro = True
        response = super().process_response(request, response)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
