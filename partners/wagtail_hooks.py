from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.snippets.models import register_snippet

from partners.models import Partner, PartnershipPage
from translations.snippet_views import LanguageScopedSnippetViewSet


class PartnerViewSet(LanguageScopedSnippetViewSet):
    model = Partner
    icon = "group"
    menu_label = _("Partners")
    list_display = ["name", "stakeholder_type", "country", "locale"]
    list_filter = ["stakeholder_type", "country", "locale"]


class PartnershipProgrammeViewSet(PageListingViewSet):
    model = PartnershipPage
    icon = "pick"
    menu_label = _("Partnership tiers")
    name = "partnership_programmes"


class PartnersGroup(ViewSetGroup):
    """Partners and every event's partnership tiers under one "Partners" menu."""

    menu_label = _("Partners")
    menu_icon = "group"
    menu_order = 250
    items = (PartnerViewSet, PartnershipProgrammeViewSet)


register_snippet(PartnersGroup)
