from contextlib import contextmanager

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home import blocks, fragments, localized, prefetch, section_blocks, view_restrictions


class BasePage(Page):
    """Fields and behaviour every public page shares: the summary and image that listings and
    search show, and StreamFields whose references load in a fixed number of queries."""

    listing_summary = models.TextField(
        blank=True,
        verbose_name=_("listing summary"),
        help_text=_("One or two sentences shown in listings and search results."),
    )
    listing_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("listing image"),
    )

    # StreamFields and image foreign keys fetched together before rendering (home.prefetch).
    prefetched_stream_fields: tuple[str, ...] = ("body",)
    prefetched_image_fields: tuple[str, ...] = ()
    # Where a page's meta description comes from when the editor wrote no search description
    # (home.seo): the first of these that has words, else the first words of its body.
    description_fields: tuple[str, ...] = (
        "listing_summary",
        "summary",
        "introduction",
        "hero_text",
    )

    promote_panels = [
        *Page.promote_panels,
        MultiFieldPanel(
            [FieldPanel("listing_summary"), FieldPanel("listing_image")],
            heading=_("Listings"),
        ),
    ]
    search_fields = [*Page.search_fields, index.SearchField("listing_summary")]
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("listing_summary"),
        SynchronizedField("listing_image"),
    ]

    class Meta:
        abstract = True

    # The sections its template keeps with {% page_fragment %} (home.fragments): when all are
    # kept, its own StreamFields are not fetched for.
    fragment_sections: tuple[str, ...] = ()
    # Whether those sections change with the query string (filters, a page number).
    fragment_varies_on_query = False

    def fragment_page_ids(self):
        """The pages whose purge (home.cache_purge) makes this page's kept sections stale: the
        page itself, whose purge comes with its own publication, its children's and its
        translations', and any page or snippet its content references."""
        return [self.pk]

    def sections_kept(self, request):
        """True when every section of `fragment_sections` comes from the cache in this request
        (at the page's own address: its sub-routes render other templates)."""
        return (
            bool(self.fragment_sections)
            and fragments.page_fragments_kept(request, self, *self.fragment_sections)
            and request.path == self.get_url(request)
        )

    def get_prefetched_streams(self, request):
        """The StreamValues rendered with this page: its own and the site's navigation."""
        streams = [getattr(self, name) for name in self.prefetched_stream_fields]
        if self.sections_kept(request):
            streams = []
        if fragments.all_cached(request):
            return streams  # the navigation and footer come ready-made (home.fragments)
        site_settings = SiteSettings.for_request(request)
        return [*streams, site_settings.navigation, site_settings.footer_links]

    @contextmanager
    def prefetched_for_render(self, request):
        """While open, the page's chooser blocks and image fields find their objects fetched.
        Opened again inside itself (serve() within the on_serve_page hook), it fetches nothing
        more."""
        if getattr(self, "_prefetch_open", False):
            yield
            return
        self._prefetch_open = True
        try:
            with self._prefetched_for_render(request):
                yield
        finally:
            self._prefetch_open = False

    @contextmanager
    def _prefetched_for_render(self, request):
        streams = self.get_prefetched_streams(request)
        # The listing image too: its rendition is the page's Open Graph image (home.seo).
        image_fields = ("listing_image", *self.prefetched_image_fields)
        image_ids = [getattr(self, f"{name}_id") for name in image_fields]
        with prefetch.prefetched_references(streams, images=image_ids) as objects:
            images = objects.get(get_image_model(), {})
            for name in image_fields:
                if getattr(self, f"{name}_id") in images:
                    setattr(self, name, images[getattr(self, f"{name}_id")])
            yield

    # The pages above this one, from the Wagtail root down, when home.routing routed the request
    # to it (it walked through them): its breadcrumbs and view restrictions need no query then.
    route_ancestors = None

    def breadcrumb_pages(self):
        """The pages between the home page and this one."""
        if self.route_ancestors is None:
            return list(self.get_ancestors()[2:])
        return self.route_ancestors[2:]

    def parent_page_id(self):
        """The page above this one: from the route when routed here, else one query."""
        if self.route_ancestors:
            return self.route_ancestors[-1].pk
        parent = self.get_parent()
        return parent.pk if parent is not None else None

    def get_view_restrictions(self):
        ancestors = self.route_ancestors
        if ancestors is None or any(page.alias_of_id for page in (self, *ancestors)):
            return super().get_view_restrictions()
        # A list, not a queryset: only Wagtail's check of the page being served (which iterates)
        # sees a page that home.routing routed.
        return view_restrictions.restrictions_of(self, ancestors)

    def serve(self, request, *args, **kwargs):
        with self.prefetched_for_render(request):
            response = super().serve(request, *args, **kwargs)
            # Render now, while the prefetched objects are in reach.
            if hasattr(response, "render"):
                response.render()
        return response


class SectionIndexPage(BasePage):
    """The one page per language tree that lists a section (the events calendar, the calls):
    an introduction, then a listing its subclass builds."""

    introduction = models.TextField(blank=True, verbose_name=_("introduction"))

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    translatable_fields = [*BasePage.translatable_fields, TranslatableField("introduction")]
    prefetched_stream_fields = ()
    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1

    class Meta:
        abstract = True


class HomePage(BasePage):
    """The home page of one language tree: a hero, an introduction, then newsletter sections."""

    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("hero image"),
    )
    hero_image_alt_text = models.CharField(
        max_length=255,
        blank=True,
        verbose_name=_("hero image alternative text"),
        help_text=_("What the image shows, for people who cannot see it. Never the file name."),
    )
    hero_text = models.CharField(max_length=255, blank=True, verbose_name=_("hero text"))
    introduction = RichTextField(
        blank=True, features=blocks.RICH_TEXT_FEATURES, verbose_name=_("introduction")
    )
    body = StreamField(section_blocks.HomeSectionsBlock(), blank=True, verbose_name=_("sections"))
    # The footer's contact block in this language tree's words (translated with the page);
    # empty, the footer shows the site settings' organisation and address.
    contact_organisation = models.CharField(
        max_length=255, blank=True, verbose_name=_("organisation, in this language")
    )
    contact_address = models.TextField(
        blank=True, verbose_name=_("postal address, in this language")
    )

    prefetched_image_fields = ("hero_image",)
    # Its hero, introduction, sections and the latest news: kept until it is purged, which
    # publishing any page of its tree (its descendants) or its translations does.
    fragment_sections = ("content",)

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("hero_image"), FieldPanel("hero_image_alt_text"), FieldPanel("hero_text")],
            heading=_("Hero"),
        ),
        FieldPanel("introduction"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("contact_organisation"), FieldPanel("contact_address")],
            heading=_("Footer contact"),
        ),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("hero_text"),
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]
    translatable_fields = [
        *BasePage.translatable_fields,
        SynchronizedField("hero_image"),
        TranslatableField("hero_image_alt_text"),
        TranslatableField("hero_text"),
        TranslatableField("introduction"),
        TranslatableField("body"),
        TranslatableField("contact_organisation"),
        TranslatableField("contact_address"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.StandardPage",
        "events.EventIndexPage",
        "calls.CallIndexPage",
        "media.PhotoContestPage",
        "media.GalleryPage",
        "prizes.PrizesContestPage",
        "newsletter.FlashArchivePage",
        "publications.PublicationIndexPage",
        "news.NewsIndexPage",
    ]

    class Meta:
        verbose_name = _("home page")

    @staticmethod
    def contact_cache_key(language_code):
        return f"wsis:footer-contact:{language_code}"

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # The footer's contact words of every language (a publish saves the page).
        cache.delete_many([self.contact_cache_key(code) for code, _name in settings.LANGUAGES])

    def clean(self):
        super().clean()
        if self.hero_image_id and not self.hero_image_alt_text:
            raise ValidationError(
                {"hero_image_alt_text": _("Describe the hero image for people who cannot see it.")}
            )
        others = HomePage.objects.filter(locale_id=self.locale_id).exclude(pk=self.pk)
        if self.locale_id and others.exists():
            raise ValidationError(_("This language already has a home page."))


class StandardPage(BasePage):
    """An ordinary content page: about WSIS, stocktaking, the Fund in Trust…"""

    introduction = models.TextField(blank=True, verbose_name=_("introduction"))
    body = StreamField(blocks.BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*Page.content_panels, FieldPanel("introduction"), FieldPanel("body")]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]
    translatable_fields = [
        *BasePage.translatable_fields,
        TranslatableField("introduction"),
        TranslatableField("body"),
    ]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = [
        "home.StandardPage",
        "calls.CallPage",
        "media.PhotoContestPage",
        "media.GalleryPage",
        "prizes.PrizesContestPage",
    ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # A section ("Prizes", "Stocktaking") leads to what is under it: each year's contest,
        # the database. One query; their URLs come from the cached site root paths.
        context["subpages"] = (
            localized.children_for_reader(self)
            .order_by(localized.sibling_order(), "path")
            .only("id", "title", "url_path", "depth", "path", "locale", "translation_key")
        )
        return context

    class Meta:
        verbose_name = _("standard page")


SITE_SETTINGS_CACHE_SECONDS = 3600


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """Who runs the site and how to reach them, the main navigation and the footer.

    Navigation and footer links point at pages of the English tree; readers get the page in
    their own language (see LocalizedPageChooserBlock).
    """

    organisation = models.CharField(
        max_length=255,
        default="International Telecommunication Union (ITU)",
        verbose_name=_("organisation"),
    )
    contact_email = models.EmailField(blank=True, verbose_name=_("contact e-mail"))
    contact_phone = models.CharField(max_length=50, blank=True, verbose_name=_("contact phone"))
    postal_address = models.TextField(blank=True, verbose_name=_("postal address"))
    navigation = StreamField(
        [("link", blocks.LinkBlock())], blank=True, verbose_name=_("main navigation")
    )
    footer_links = StreamField(
        [("link", blocks.LinkBlock())], blank=True, verbose_name=_("footer links")
    )
    social_links = StreamField(
        [("social", section_blocks.SocialLinkBlock())],
        blank=True,
        verbose_name=_("social networks"),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("organisation"),
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
                FieldPanel("postal_address"),
            ],
            heading=_("Contact"),
        ),
        FieldPanel("navigation"),
        FieldPanel("footer_links"),
        FieldPanel("social_links"),
    ]

    class Meta:
        verbose_name = _("site settings")

    # Every page reads these and they rarely change: keep them in the shared cache, and drop
    # them when an administrator saves.
    @staticmethod
    def cache_key(site_id):
        return f"wsis:site-settings:{site_id}"

    @classmethod
    def for_site(cls, site):
        instance = cache.get(cls.cache_key(site.pk))
        if instance is None:
            instance = super().for_site(site)
            cache.set(cls.cache_key(site.pk), instance, SITE_SETTINGS_CACHE_SECONDS)
        return instance

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        cache.delete(self.cache_key(self.site_id))
