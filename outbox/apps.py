from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutboxConfig(AppConfig):
    name = "outbox"
    verbose_name = _("E-mail outbox")

    def ready(self):
        from wagtail.permissions import register_permission_policy

        from outbox.models import OutboxMessage
        from outbox.permissions import OutboxPolicy

        register_permission_policy(OutboxMessage, OutboxPolicy(OutboxMessage))
