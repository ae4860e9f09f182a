from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home and shared content")

    def ready(self):
        from django.core import checks

        from home import cache_purge, sites
        from home.search_backend import check_indexers_unchanged

        checks.register(check_indexers_unchanged)
        cache_purge.connect()
        sites.connect()
