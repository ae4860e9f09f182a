"""StreamField blocks shared by every app's pages.

One concern per block; headings limited to h2-h4; every image carries alt text written by the
editor. Chooser blocks fetch what they point to in bulk, so a page's query count does not grow
with the number of blocks on it.
"""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.text import capfirst, format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.embeds.blocks import EmbedBlock

from home.block_previews import (
    FORUM_URL,
    PRIZES_URL,
    STOCKTAKING_URL,
    latest_document,
    latest_image,
    link_preview,
)
from home.choosers import (
    LocalizedPageChooserBlock,
    PrefetchingDocumentChooserBlock,
    PrefetchingImageChooserBlock,
)
from home.current_request import current_request

RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


def page_route_choices():
    """The parts of pages a link may lead to: page types name them in `linkable_routes` (a
    route of their RoutablePageMixin and what a reader finds there), e.g. the Stocktaking
    database's submission form. Read from the page models, so this app imports none of them."""
    from wagtail.models import get_page_models

    choices = {}
    for model in get_page_models():
        for route, label in getattr(model, "linkable_routes", {}).items():
            choices.setdefault(
                route, format_lazy("{}: {}", capfirst(model._meta.verbose_name), label)
            )
    return sorted(choices.items())


def page_routes(page):
    return getattr(page.specific_class, "linkable_routes", {}) if page is not None else {}


class LinkValue(blocks.StructValue):
    def href(self):
        page = self.get("page")
        if page is not None:
            target = getattr(page, "localized_for_reader", page)
            url = target.get_url(request=current_request())
            route = self.get("route")
            if route and url and route in page_routes(target):
                # The route's path is the same in every language: only the page differs.
                url += target.specific_class.get_resolver().reverse(route)
            return url
        return self.get("url") or ""

    def link_text(self):
        if self.get("label"):
            return self["label"]
        page = self.get("page")
        return getattr(page, "localized_for_reader", page).title if page else self.get("url")


class LinkBlock(blocks.StructBlock):
    """A link to a page of this site or to another site, with the words a reader sees."""

    label = blocks.CharBlock(
        required=False,
        max_length=255,
        help_text=_("Leave empty to use the linked page's title."),
    )
    page = LocalizedPageChooserBlock(required=False)
    url = blocks.URLBlock(required=False, label=_("External URL"))
    route = blocks.ChoiceBlock(
        choices=page_route_choices,
        required=False,
        label=_("Part of the page"),
        help_text=_("Leads to this part of the chosen page, e.g. a submission form."),
    )

    def __init__(self, *args, required=True, **kwargs):
        self.link_required = required
        super().__init__(*args, **kwargs)

    def clean(self, value):
        value = super().clean(value)
        if not self.link_required and not (value.get("page") or value.get("url")):
            return value
        if bool(value.get("page")) == bool(value.get("url")):
            message = _("Choose a page of this site or give an external URL, not both.")
            raise StructBlockValidationError({"page": ErrorList([ValidationError(message)])})
        if value.get("url") and not value.get("label"):
            raise StructBlockValidationError(
                {"label": ErrorList([ValidationError(_("A link to another site needs words."))])}
            )
        if value.get("route") and value.get("route") not in page_routes(value.get("page")):
            message = _("The chosen page has no such part: choose another page or no part.")
            raise StructBlockValidationError({"route": ErrorList([ValidationError(message)])})
        return value

    class Meta:
        value_class = LinkValue
        icon = "link"
        label = _("Link")
        template = "blocks/link.html"
        description = _("A link to a page of this site or to another site.")
        preview_value = link_preview("WSIS Forum 2017", FORUM_URL)


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=255, label=_("Heading"))
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Level 2")), ("h3", _("Level 3")), ("h4", _("Level 4"))],
        default="h2",
        label=_("Level"),
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "blocks/heading.html"
        description = _("A section heading (level 2 to 4).")
        preview_value = {"text": "WSIS+10 High-Level Event", "level": "h2"}


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Text")
        template = "blocks/paragraph.html"
        description = _("Paragraphs of formatted text with links.")
        preview_value = (
            "<p>The WSIS Forum is the world's largest annual gathering of the ICT for "
            "development community.</p>"
        )


class ImageBlock(blocks.StructBlock):
    image = PrefetchingImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        max_length=255,
        label=_("Alternative text"),
        help_text=_("What the image shows, for people who cannot see it. Never the file name."),
    )
    caption = blocks.CharBlock(
        required=False, max_length=255, label=pgettext_lazy("site", "Caption")
    )

    def get_preview_value(self):
        return self.normalize(
            {
                "image": latest_image(),
                "alt_text": "Participants in a session of the WSIS Forum 2017 in Geneva",
                "caption": "WSIS Forum 2017, Geneva, 13–17 June",
            }
        )

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/image.html"
        description = _("An image with the alternative text that describes it.")
        # Shows a frame with the caption while the library has no image yet.
        preview_template = "blocks/previews/image.html"


class OptionalImageBlock(blocks.StructBlock):
    """An image that may be left out; when it is given, its alt text is required."""

    image = PrefetchingImageChooserBlock(required=False, label=_("Image"))
    alt_text = blocks.CharBlock(
        required=False,
        max_length=255,
        label=_("Alternative text"),
        help_text=_("What the image shows, for people who cannot see it. Never the file name."),
    )

    def clean(self, value):
        value = super().clean(value)
        if value.get("image") and not value.get("alt_text"):
            raise StructBlockValidationError(
                {
                    "alt_text": ErrorList(
                        [ValidationError(_("Describe the image for people who cannot see it."))]
                    )
                }
            )
        return value

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/image.html"
        description = _("An image, if any, with the alternative text that describes it.")


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(required=False, max_length=255, label=_("Who said it"))
    role = blocks.CharBlock(required=False, max_length=255, label=_("Their role"))

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "blocks/quote.html"
        description = _("A quotation with who said it.")
        preview_value = {
            "quote": "ICTs are a cross-cutting enabler of the Sustainable Development Goals.",
            "attribution": "WSIS Forum 2017",
            "role": "",
        }


class CallToActionListBlock(blocks.StructBlock):
    """The newsletters' "Call for Action": a short list of things to do, each a link."""

    heading = blocks.CharBlock(max_length=255, label=_("Heading"))
    links = blocks.ListBlock(LinkBlock(), min_num=1, label=pgettext_lazy("site", "Actions"))

    class Meta:
        icon = "list-ul"
        label = _("Call to action list")
        template = "blocks/call_to_action_list.html"
        description = _("A list of actions for readers: register, submit, contribute.")
        preview_value = {
            "heading": "Take part in the WSIS Forum 2017",
            "links": [
                link_preview("Register for the WSIS Forum 2017 in Geneva", FORUM_URL),
                link_preview("Submit your project to the WSIS Stocktaking", STOCKTAKING_URL),
                link_preview("Vote for the WSIS Prizes 2017", PRIZES_URL),
            ],
        }


class MultilingualDocumentValue(blocks.StructValue):
    def versions(self):
        """The available documents, in the UN order of the language bar."""
        return [
            {"code": code, "label": label, "name": name, "document": self.get(code)}
            for code, label, name in DOCUMENT_LANGUAGES
            if self.get(code)
        ]


DOCUMENT_LANGUAGES = [
    ("ar", "AR", pgettext_lazy("site", "Arabic")),
    ("en", "EN", pgettext_lazy("site", "English")),
    ("es", "ES", pgettext_lazy("site", "Spanish")),
    ("fr", "FR", pgettext_lazy("site", "French")),
    ("ru", "RU", pgettext_lazy("site", "Russian")),
    ("zh", "ZH", _("Chinese")),
]


class MultilingualDocumentBlock(blocks.StructBlock):
    """One document in several languages, shown as [AR] [EN] [ES] [FR] [RU] [ZH] links."""

    title = blocks.CharBlock(max_length=255, label=pgettext_lazy("site", "Title"))
    ar = PrefetchingDocumentChooserBlock(required=False, label=pgettext_lazy("site", "Arabic"))
    en = PrefetchingDocumentChooserBlock(required=False, label=pgettext_lazy("site", "English"))
    es = PrefetchingDocumentChooserBlock(required=False, label=pgettext_lazy("site", "Spanish"))
    fr = PrefetchingDocumentChooserBlock(required=False, label=pgettext_lazy("site", "French"))
    ru = PrefetchingDocumentChooserBlock(required=False, label=pgettext_lazy("site", "Russian"))
    zh = PrefetchingDocumentChooserBlock(required=False, label=_("Chinese"))

    def get_preview_value(self):
        # One document of the library stands for every language's version.
        document = latest_document()
        return self.normalize(
            {
                "title": "Outcome Document of the WSIS Forum 2017",
                **{code: document for code, _label, _name in DOCUMENT_LANGUAGES},
            }
        )

    def clean(self, value):
        value = super().clean(value)
        if not any(value.get(code) for code, _label, _name in DOCUMENT_LANGUAGES):
            message = _("Add the document in one language at least.")
            raise StructBlockValidationError(non_block_errors=ErrorList([message]))
        return value

    class Meta:
        value_class = MultilingualDocumentValue
        icon = "doc-full"
        label = _("Document in several languages")
        template = "blocks/multilingual_document.html"
        description = _("A letter or report with one file per language.")


class EmbedMediaBlock(EmbedBlock):
    class Meta:
        icon = "media"
        label = _("Video or other embed")
        template = "blocks/embed.html"
        description = _("A video or other media from a link (YouTube, Vimeo…).")
        preview_value = "https://www.youtube.com/user/ITUvideo"
        # The sample is not fetched from the provider: a frame stands in for the player.
        preview_template = "blocks/previews/embed.html"


class BodyBlock(blocks.StreamBlock):
    """The body of a standard page, and the base that other apps' bodies extend."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = ImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionListBlock()
    document = MultilingualDocumentBlock()
    embed = EmbedMediaBlock()
