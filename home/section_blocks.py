"""The home page's sections (featured items, news, partner strips) and the site settings'
social links: blocks built from the shared ones in home.blocks. The partner strip also shows
on event pages."""

import datetime

from django.apps import apps
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import blocks
from wagtail.models import Locale

from home.block_previews import (
    FORUM_URL,
    PRIZES_URL,
    STOCKTAKING_URL,
    link_preview,
)
from home.blocks import (
    CallToActionListBlock,
    LinkBlock,
    MultilingualDocumentBlock,
    OptionalImageBlock,
    ParagraphBlock,
)
from home.choosers import (
    PrefetchingSnippetChooserBlock,
)


class FeaturedItemBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=255, label=pgettext_lazy("site", "Title"))
    summary = blocks.TextBlock(label=pgettext_lazy("site", "Summary"))
    image = OptionalImageBlock()
    link = LinkBlock()

    class Meta:
        icon = "pick"
        label = _("Featured item")
        description = _("An event or call to highlight, with a summary, a picture and a link.")


class FeaturedItemsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=255, label=_("Heading"))
    items = blocks.ListBlock(FeaturedItemBlock(), min_num=1, label=_("Items"))

    class Meta:
        icon = "pick"
        label = _("Featured items")
        template = "blocks/featured_items.html"
        description = _("Highlighted events and calls, each with a picture and a link.")
        preview_value = {
            "heading": "Highlights",
            "items": [
                {
                    "title": "WSIS Forum 2017",
                    "summary": "Geneva, 13–17 June: the world's largest annual gathering of "
                    "the ICT for development community, co-organized by ITU, UNESCO, UNCTAD "
                    "and UNDP.",
                    "image": {"image": None, "alt_text": ""},
                    "link": link_preview("", FORUM_URL),
                },
                {
                    "title": "WSIS Stocktaking 2017",
                    "summary": "Tell the world about your project that puts ICTs to work for "
                    "the Sustainable Development Goals.",
                    "image": {"image": None, "alt_text": ""},
                    "link": link_preview("", STOCKTAKING_URL),
                },
            ],
        }


class NewsItemBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=255, label=pgettext_lazy("site", "Title"))
    date = blocks.DateBlock(required=False, label=_("Date"))
    text = ParagraphBlock(label=_("Text"))
    image = OptionalImageBlock()
    link = LinkBlock(required=False)

    class Meta:
        icon = "doc-full"
        label = _("News item")
        description = _("A short news story with its date, a picture and a link.")


class NewsItemsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=255, label=_("Heading"))
    items = blocks.ListBlock(NewsItemBlock(), min_num=1, label=_("News items"))

    class Meta:
        icon = "doc-full-inverse"
        label = _("News")
        template = "blocks/news_items.html"
        description = _("Short news stories, newest first.")
        preview_value = {
            "heading": "News",
            "items": [
                {
                    "title": "WSIS Prizes 2017: the winners",
                    "date": datetime.date(2017, 6, 13),
                    "text": "<p>The winners of the WSIS Prizes 2017 received their awards at "
                    "the WSIS Forum in Geneva.</p>",
                    "image": {"image": None, "alt_text": ""},
                    "link": link_preview("Read about the WSIS Prizes 2017", PRIZES_URL),
                },
            ],
        }


# Partners are named by "app_label.Model" strings, as Wagtail's choosers allow: the home page
# and events show partner logos while partners/ builds on this module, not the reverse.


class PartnerChooserBlock(PrefetchingSnippetChooserBlock):
    """Chooses a partner; loads every partner of a stream with its logo in fixed queries."""

    snippet_model = "partners.Partner"


def preview_partners(count):
    """Live partners with a logo, in the active language, for block previews (none in an
    empty library: the previews then show the tier or the strip without logos)."""
    partner_model = apps.get_model("partners", "Partner")
    return list(
        partner_model.prefetch_queryset()
        .filter(live=True, logo__isnull=False, locale=Locale.get_active())
        .order_by("name")[:count]
    )


class PartnerStripBlock(blocks.StructBlock):
    """A row of partner logos (strategic partners, media partners…)."""

    heading = blocks.CharBlock(max_length=255, label=_("Heading"))
    partners = blocks.ListBlock(PartnerChooserBlock(), min_num=1, label=_("Partners"))

    def get_preview_value(self):
        return self.normalize({"heading": "Strategic partners", "partners": preview_partners(6)})

    class Meta:
        icon = "group"
        label = _("Partner strip")
        template = "partners/blocks/partner_strip.html"
        description = _("A row of partner logos, each linking to the partner's site.")


class HomeSectionsBlock(blocks.StreamBlock):
    """The sections a newsletter issue is made of, in the order the editor chooses."""

    featured = FeaturedItemsBlock()
    call_to_action = CallToActionListBlock()
    news = NewsItemsBlock()
    partners = PartnerStripBlock()
    paragraph = ParagraphBlock()
    document = MultilingualDocumentBlock()


SOCIAL_NETWORKS = [
    ("facebook", "Facebook"),
    ("x", "X (Twitter)"),
    ("linkedin", "LinkedIn"),
    ("youtube", "YouTube"),
    ("flickr", "Flickr"),
    ("instagram", "Instagram"),
]


class SocialLinkValue(blocks.StructValue):
    def name(self):
        return dict(SOCIAL_NETWORKS).get(self.get("network"), self.get("network"))


class SocialLinkBlock(blocks.StructBlock):
    network = blocks.ChoiceBlock(choices=SOCIAL_NETWORKS, label=_("Network"))
    url = blocks.URLBlock(label=pgettext_lazy("site", "URL"))

    class Meta:
        value_class = SocialLinkValue
        icon = "link-external"
        label = _("Social network")
        description = _("The site's account on a social network, linked from the footer.")
        preview_value = {"network": "x", "url": "https://x.com/ITU"}
        preview_template = "blocks/previews/social_link.html"
