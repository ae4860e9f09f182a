"""What an issue of WSIS Flash is made of: headings, free text, and cards of the site's own
pages (never retyped: a card shows the chosen page's fields as they are when it is read or
sent)."""

from django.apps import apps
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import blocks
from wagtail.models import Locale, Page, Site

from home.blocks import HeadingBlock, ParagraphBlock
from home.choosers import LocalizedPageChooserBlock
from newsletter.cards import Section, cards_for

# The pages an issue can announce.
CARD_PAGE_TYPES = [
    "events.EventPage",
    "calls.CallPage",
    "prizes.PrizesContestPage",
    "media.PhotoContestPage",
    "publications.PublicationPage",
    "news.NewsPage",
]


class CardsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=255, required=False, label=_("Section heading"))
    pages = blocks.ListBlock(
        LocalizedPageChooserBlock(page_type=CARD_PAGE_TYPES, label=_("Page")),
        min_num=1,
        label=pgettext_lazy("site", "Pages"),
    )

    def get_preview_value(self):
        """The site's latest pages of the kinds a card can show, as an editor would pick them."""
        models = [apps.get_model(name) for name in CARD_PAGE_TYPES]
        pages = (
            Page.objects.live()
            .type(*models)
            .filter(locale=Locale.get_active())
            .order_by("-first_published_at")[:3]
        )
        return self.normalize({"heading": _("This month at WSIS"), "pages": list(pages)})

    def get_preview_context(self, value, parent_context=None):
        context = super().get_preview_context(value, parent_context)
        ids = [page.pk for page in value["pages"] if page]
        site = Site.find_for_request(parent_context["request"]) if parent_context else None
        root_url = site.root_url if site else settings.WAGTAILADMIN_BASE_URL
        cards = cards_for(ids, translation.get_language(), root_url)
        context["sections"] = [
            Section("cards", heading=value["heading"], cards=[cards[i] for i in ids if i in cards])
        ]
        return context

    class Meta:
        icon = "list-ul"
        label = _("Cards")
        preview_template = "newsletter/blocks/cards_preview.html"
        description = _(
            "Events, calls, contests, publications or news of this site, each shown as a card "
            "with its own title, summary, image and dates."
        )


class IssueBodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    text = ParagraphBlock()
    cards = CardsBlock()
