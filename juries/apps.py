from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class JuriesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "juries"
    verbose_name = _("Juries")

    def ready(self):
        # Each contest app says in its own `jury` module how a jury sees its entries
        # (juries.contests.register): juries itself imports no contest app.
        autodiscover_modules("jury")

        from juries import signals

        signals.connect()
