from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublicFormsConfig(AppConfig):
    """What every form the public sends shares: the real client address, rate limits,
    one-time submission tokens, spam guards and addresses we can deliver to."""

    name = "public_forms"
    verbose_name = _("Public forms")

    def ready(self):
        from home import visitor_fields
        from public_forms.forms import STARTED_FIELD, TOKEN_FIELD, fresh_guard

        # A form page kept in the page cache gets a new token and signed start time at each
        # display, as if it had been rendered for that visitor.
        visitor_fields.register((STARTED_FIELD, TOKEN_FIELD), fresh_guard)
