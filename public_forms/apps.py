from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublicFormsConfig(AppConfig):
    """What every form the public sends shares: the real client address, rate limits,
    one-time submission tokens, spam guards and addresses we can deliver to."""

    name = "public_forms"
    verbose_name = _("Public forms")
