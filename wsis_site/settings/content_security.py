"""Content-Security-Policy for django-csp (wsis_site/csp.py), imported by base.py: which origins
public pages may load from, and what the Wagtail admin is allowed (report-only)."""

from csp.constants import NONE, SELF


def policies(s3):
    """(CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_REPORT_ONLY) for the S3 settings `s3`."""
    # Content-Security-Policy (django-csp, wsis_site/csp.py). Public media come from this site or,
    # on S3, from the bucket or its CDN; embed blocks frame these video players only.
    if s3 and s3["custom_domain"]:
        _MEDIA_ORIGINS = ["https://" + s3["custom_domain"].split("/")[0]]
    elif s3 and s3["endpoint_url"]:
        _MEDIA_ORIGINS = ["/".join(s3["endpoint_url"].split("/")[:3])]
    elif s3:
        _MEDIA_ORIGINS = [f"https://{s3['bucket']}.s3.amazonaws.com", "https://*.amazonaws.com"]
    else:
        _MEDIA_ORIGINS = []
    EMBED_FRAME_ORIGINS = [
        "https://www.youtube.com",
        "https://www.youtube-nocookie.com",
        "https://player.vimeo.com",
    ]
    CONTENT_SECURITY_POLICY = {
        "EXCLUDE_URL_PREFIXES": ["/admin/"],
        "DIRECTIVES": {
            "default-src": [SELF],
            # No inline script runs. JSON-LD blocks are data, never executed, so script-src does
            # not apply to them: they need no nonce (one would be one visitor's value inside a page
            # the page cache shares between visitors).
            "script-src": [SELF],
            "style-src": [SELF],
            "img-src": [SELF, "data:", *_MEDIA_ORIGINS],
            "font-src": [SELF],
            "connect-src": [SELF],
            "media-src": [SELF, *_MEDIA_ORIGINS],
            "frame-src": EMBED_FRAME_ORIGINS,
            "object-src": [NONE],
            "base-uri": [SELF],
            "form-action": [SELF],
            # Nobody frames our pages; the Stocktaking embed names its partner (stocktaking.embed).
            "frame-ancestors": [NONE],
        },
    }
    # The Wagtail admin: what it needs today, reported (not enforced) until no report comes.
    # Wagtail's admin runs inline scripts (no nonce: a nonce would make browsers ignore
    # 'unsafe-inline').
    CONTENT_SECURITY_POLICY_REPORT_ONLY = {
        "DIRECTIVES": {
            "default-src": [SELF],
            "script-src": [SELF, "'unsafe-inline'"],
            "style-src": [SELF, "'unsafe-inline'"],
            "img-src": [SELF, "data:", "blob:", *_MEDIA_ORIGINS],
            "font-src": [SELF, "data:"],
            "connect-src": [SELF],
            "media-src": [SELF, *_MEDIA_ORIGINS],
            "frame-src": [SELF, *EMBED_FRAME_ORIGINS],
            "object-src": [NONE],
            "base-uri": [SELF],
            "form-action": [SELF],
            # Wagtail's previews frame the admin's own pages.
            "frame-ancestors": [SELF],
        },
    }
    return CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_REPORT_ONLY
