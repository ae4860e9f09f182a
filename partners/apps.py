from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    name = "partners"
    verbose_name = _("Partners")

    def ready(self):
        from wagtail.permissions import register_permission_policy

        from partners.models import Partner
        from translations.language_rights import LanguageScopedPolicy

        # Partners are edited, translated and approved per language (translations.language_rights).
        register_permission_policy(Partner, LanguageScopedPolicy(Partner))
