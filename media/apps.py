from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MediaConfig(AppConfig):
    name = "media"
    verbose_name = _("Photo contests and galleries")

    def ready(self):
        from wagtail.permissions import register_permission_policy

        from media import signals
        from media.models import PhotoEntry
        from media.permissions import ModeratorPolicy

        signals.connect()

        # Before anything asks for PhotoEntry's policy and gets the default one.
        register_permission_policy(PhotoEntry, ModeratorPolicy(PhotoEntry))
