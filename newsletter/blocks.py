"""What an issue of WSIS Flash is made of: headings, free text, and cards of the site's own
pages (never retyped: a card shows the chosen page's fields as they are when it is read or
sent)."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import blocks

from home.blocks import HeadingBlock, ParagraphBlock
from home.choosers import LocalizedPageChooserBlock

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

    class Meta:
        icon = "list-ul"
        label = _("Cards")
        description = _(
            "Events, calls, contests, publications or news of this site, each shown as a card "
            "with its own title, summary, image and dates."
        )


class IssueBodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    text = ParagraphBlock()
    cards = CardsBlock()
