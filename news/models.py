"""News and press releases: dated stories with a summary, a body, an image and tags, listed
newest first, in a feed per language, and the latest on the home page."""

import datetime

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home import view_restrictions
from home.blocks import BodyBlock
from home.localized import for_reader
from home.models import BasePage, SectionIndexPage

NEWS_PER_PAGE = 10

NEWS_KINDS = [
    ("news", _("News")),
    ("press_release", _("Press release")),
]


def live_news(language_code=None):
    """Live, public news of the reader's language (or `language_code`'s), and those not yet
    translated into it, newest first."""
    news = view_restrictions.public(NewsPage.objects.live())
    return for_reader(news, language_code).order_by("-date", "-pk")


def with_card_data(news):
    """What a card shows (language, image and its rendition) in two queries: the stories with
    their images, then the images' renditions."""
    return (
        news.select_related("locale", "image", "listing_image")
        .defer("body")
        .prefetch_related("image__renditions", "listing_image__renditions")
    )


class NewsIndexPage(RoutablePageMixin, SectionIndexPage):
    """The news of one language tree, newest first, with its Atom feed."""

    subpage_types = ["news.NewsPage"]

    class Meta:
        verbose_name = _("news index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        news = live_news(self.locale.language_code)
        tag = request.GET.get("tag", "").strip()[:100]
        if tag:
            news = news.filter(tags__slug=tag)
        # get_page: the first page for a bad number, the last for one past the end.
        page_of_news = Paginator(with_card_data(news), NEWS_PER_PAGE).get_page(
            request.GET.get("page")
        )
        context.update(
            news=page_of_news,
            tag=tag,
            query_string=urlencode({"tag": tag}) if tag else "",
        )
        return context

    def feed_items(self):
        news = live_news(self.locale.language_code)
        return news.select_related("locale").defer("body").prefetch_related("tags")

    @path("feed/", name="atom_feed")
    def atom_feed(self, request):
        from news.feeds import NewsFeed

        return NewsFeed(self)(request)


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "news.NewsPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class NewsPage(BasePage):
    """A news story or a press release."""

    kind = models.CharField(
        max_length=16, choices=NEWS_KINDS, default="news", verbose_name=_("kind")
    )
    date = models.DateField(
        default=datetime.date.today,
        db_index=True,
        verbose_name=_("date"),
        help_text=_("The date the story is dated, shown to readers and in the feed."),
    )
    summary = models.TextField(verbose_name=_("summary"), help_text=_("Two or three sentences."))
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=pgettext_lazy("site", "image"),
    )
    image_alt_text = models.CharField(
        max_length=255,
        blank=True,
        verbose_name=_("image alternative text"),
        help_text=_("What the image shows, for people who cannot see it. Never the file name."),
    )
    tags = ClusterTaggableManager(
        through=NewsPageTag, blank=True, verbose_name=pgettext_lazy("site", "tags")
    )

    prefetched_image_fields = ("image",)

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("kind"), FieldPanel("date")]),
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("image"), FieldPanel("image_alt_text")],
            heading=pgettext_lazy("site", "Image"),
        ),
        FieldPanel("body"),
        FieldPanel("tags"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    translatable_fields = [
        *BasePage.translatable_fields,
        TranslatableField("summary"),
        TranslatableField("body"),
        TranslatableField("image_alt_text"),
        SynchronizedField("kind"),
        SynchronizedField("date"),
        SynchronizedField("image"),
        SynchronizedField("tagged_items"),
    ]

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news story")
        verbose_name_plural = _("news stories")

    def clean(self):
        super().clean()
        if self.image_id and not self.image_alt_text:
            raise ValidationError(
                {"image_alt_text": _("Describe the image for people who cannot see it.")}
            )

    # What a card (a listing row, the home page, a newsletter's item) shows, from the page's
    # own fields.
    @property
    def card_summary(self):
        return self.listing_summary or self.summary

    @property
    def card_image(self):
        return self.listing_image if self.listing_image_id else self.image

    @property
    def card_image_alt_text(self):
        return "" if self.listing_image_id else self.image_alt_text

    @property
    def card_facts(self):
        return [self.get_kind_display(), self.date]

    @property
    def published_at(self):
        """The story's date as an instant, for the feed: noon UTC of its day (a story is dated,
        not timed), or when it was first published if that was the same day."""
        first = self.first_published_at
        if first is not None and first.date() == self.date:
            return first
        return datetime.datetime.combine(self.date, datetime.time(12), tzinfo=datetime.UTC)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["news_index"] = self.get_parent()
        context["today"] = timezone.localdate()
        return context
