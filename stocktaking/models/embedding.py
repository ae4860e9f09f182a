from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.crypto import get_random_string
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


def new_key():
    return get_random_string(20)


def origin_of(url):
    """scheme://host[:port] of a URL, lower case, or "" when it has none."""
    parts = urlsplit((url or "").strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return ""
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{parts.hostname.lower()}{port}"


class EmbeddingSite(models.Model):
    """A partner website registered by staff to embed the database: only its origin may frame
    the embedded pages (Content-Security-Policy frame-ancestors) and call the API from a
    browser (CORS); what its visitors submit is attributed to it."""

    name = models.CharField(max_length=255, verbose_name=pgettext_lazy("site", "name"))
    origin = models.CharField(
        max_length=255,
        unique=True,
        verbose_name=_("origin"),
        help_text=_("The scheme, host and port of the partner's pages, e.g. https://example.org"),
    )
    key = models.CharField(max_length=32, unique=True, default=new_key, editable=False)
    is_active = models.BooleanField(default=True, verbose_name=pgettext_lazy("site", "active"))
    contact_email = models.EmailField(blank=True, verbose_name=_("contact e-mail"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("embedding site")
        verbose_name_plural = _("embedding sites")

    def __str__(self):
        return f"{self.name} ({self.origin})"

    def clean(self):
        origin = origin_of(self.origin)
        if not origin:
            raise ValidationError({"origin": _("Enter an origin such as https://example.org.")})
        self.origin = origin
