from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.models import Page
from wagtail.snippets.models import register_snippet

from home.cache_purge import PAGES_SHOWING_HOOK
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


@hooks.register(PAGES_SHOWING_HOOK)
def events_showing_their_partnership(page_ids):
    """An event shows its partnership programme's tiers and who holds them."""
    paths = PartnershipPage.objects.filter(pk__in=page_ids).values_list("path", flat=True)
    parents = {path[: -Page.steplen] for path in paths}
    if not parents:
        return []
    return Page.objects.filter(path__in=parents).values_list("pk", flat=True)
