"""The Global Repository: reports, regional reports, contributions and brochures, each with
its document in every language it exists in."""

import re

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Prefetch, prefetch_related_objects
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home import view_restrictions
from home.localized import for_reader, in_language_label, version_for_reader
from home.models import BasePage, SectionIndexPage
from publications.choices import DOCUMENT_LANGUAGE_CODES, DOCUMENT_LANGUAGES, PUBLICATION_TYPES

PUBLICATIONS_PER_PAGE = 20


def validate_isbn(value):
    """An ISBN-10 or ISBN-13 (hyphens and spaces allowed) whose check digit is right."""
    digits = re.sub(r"[\s-]", "", value).upper()
    if re.fullmatch(r"\d{9}[\dX]", digits):
        total = sum((10 - i) * (10 if c == "X" else int(c)) for i, c in enumerate(digits))
        valid = total % 11 == 0
    elif re.fullmatch(r"97[89]\d{10}", digits):
        total = sum((3 if i % 2 else 1) * int(c) for i, c in enumerate(digits))
        valid = total % 10 == 0
    else:
        valid = False
    if not valid:
        raise ValidationError(
            _("Enter an ISBN of 10 or 13 digits with its check digit, e.g. 978-92-61-14071-7.")
        )


def validate_doi(value):
    if not re.fullmatch(r"10\.\d{4,9}/\S+", value):
        raise ValidationError(_("Enter a DOI as 10.prefix/suffix, e.g. 10.1787/9789264202085-en."))


class PublicationIndexPage(RoutablePageMixin, SectionIndexPage):
    """The Global Repository of one language tree: every publication, filtered and searched."""

    subpage_types = ["publications.PublicationPage"]

    class Meta:
        verbose_name = _("publications repository")

    def publications(self):
        """Publications of the reader's language, and those not yet translated into it."""
        return for_reader(view_restrictions.public(PublicationPage.objects.live()))

    def get_context(self, request, *args, **kwargs):
        from publications.forms import PublicationFilterForm

        context = super().get_context(request, *args, **kwargs)
        publications = self.publications()
        years = sorted(set(publications.values_list("year", flat=True)), reverse=True)
        form = PublicationFilterForm(request.GET or None, years=years)
        listing = form.filter(publications).order_by("-year", "title")
        page_of_publications = Paginator(with_card_data(listing), PUBLICATIONS_PER_PAGE).get_page(
            request.GET.get("page")
        )
        filters = {
            k: v
            for k, v in (form.cleaned_data if form.is_bound and form.is_valid() else {}).items()
            if v
        }
        context.update(
            filter_form=form,
            publications=page_of_publications,
            query_string=urlencode(filters),
        )
        return context


class PublicationPage(RoutablePageMixin, BasePage):
    """One publication of the Global Repository: a report, a regional report, a contribution or
    a brochure, with one document per language it exists in."""

    publication_type = models.CharField(
        max_length=32, choices=PUBLICATION_TYPES, default="report", verbose_name=_("type")
    )
    year = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1990), MaxValueValidator(2100)], verbose_name=_("year")
    )
    regions = ParentalManyToManyField(
        "stocktaking.Region",
        blank=True,
        verbose_name=_("regions"),
        help_text=_("For a regional report: the ITU regions it covers."),
    )
    summary = models.TextField(verbose_name=_("summary"), help_text=_("Two or three sentences."))
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("cover image"),
    )
    cover_image_alt_text = models.CharField(
        max_length=255,
        blank=True,
        verbose_name=_("cover image alternative text"),
        help_text=_("What the cover shows, for people who cannot see it. Never the file name."),
    )
    isbn = models.CharField(
        max_length=32, blank=True, validators=[validate_isbn], verbose_name=_("ISBN")
    )
    doi = models.CharField(
        max_length=255, blank=True, validators=[validate_doi], verbose_name="DOI"
    )
    related_event = models.ForeignKey(
        "events.EventPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("related event"),
    )
    action_lines = ParentalManyToManyField(
        "stocktaking.ActionLine", blank=True, verbose_name=_("WSIS Action Lines")
    )

    prefetched_stream_fields = ()
    prefetched_image_fields = ("cover_image",)

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("publication_type"), FieldPanel("year")]),
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("cover_image"), FieldPanel("cover_image_alt_text")],
            heading=_("Cover"),
        ),
        InlinePanel(
            "documents",
            label=pgettext_lazy("site", "Documents"),
            heading=_("Documents, one per language"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("regions"),
                FieldRowPanel([FieldPanel("isbn"), FieldPanel("doi")]),
                FieldPanel("related_event"),
                FieldPanel("action_lines"),
            ],
            heading=_("Details"),
        ),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary"),
        index.SearchField("isbn"),
        index.FilterField("publication_type"),
        index.FilterField("year"),
    ]
    translatable_fields = [
        *BasePage.translatable_fields,
        TranslatableField("summary"),
        TranslatableField("cover_image_alt_text"),
        SynchronizedField("publication_type"),
        SynchronizedField("year"),
        SynchronizedField("regions"),
        SynchronizedField("cover_image"),
        SynchronizedField("isbn"),
        SynchronizedField("doi"),
        SynchronizedField("related_event"),
        SynchronizedField("action_lines"),
        SynchronizedField("documents"),
    ]

    parent_page_types = ["publications.PublicationIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("publication")

    def clean(self):
        super().clean()
        if self.cover_image_id and not self.cover_image_alt_text:
            raise ValidationError(
                {"cover_image_alt_text": _("Describe the cover for people who cannot see it.")}
            )

    # What a card (a listing row, a newsletter's item) shows, from the page's own fields.
    @property
    def card_summary(self):
        return self.listing_summary or self.summary

    @property
    def card_image(self):
        return self.listing_image if self.listing_image_id else self.cover_image

    @property
    def card_facts(self):
        return [self.get_publication_type_display(), str(self.year)]

    @cached_property
    def language_documents(self):
        """{language code: PublicationDocument}, in the UN order of the site's languages."""
        by_code = {d.language: d for d in self.documents.all()}
        return {code: by_code[code] for code in DOCUMENT_LANGUAGE_CODES if code in by_code}

    @property
    def available_languages(self):
        """[(code, name)] of the languages this publication's documents exist in."""
        return [(code, d.language_name) for code, d in self.language_documents.items()]

    def document_for(self, language_code):
        return self.language_documents.get(language_code)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        reader_language = get_language()
        context.update(
            documents=list(self.language_documents.values()),
            reader_document=self.document_for(reader_language),
            in_reader_language=in_language_label(reader_language),
            related_event=version_for_reader(self.related_event_id),
        )
        return context

    def serve(self, request, *args, **kwargs):
        self._prefetch_details()
        return super().serve(request, *args, **kwargs)

    def _prefetch_details(self):
        # The documents with their files, the regions and Action Lines: one query each.
        prefetch_related_objects(
            [self],
            Prefetch("documents", PublicationDocument.objects.select_related("document")),
            "regions",
            "action_lines",
        )

    @path("download/<str:language>/", name="download")
    def download(self, request, language):
        """The document in `language`, or a page naming the languages it exists in."""
        from publications.serving import document_response, unavailable_response

        self._prefetch_details()
        version = self.document_for(language)
        if version is None or version.document is None:
            return unavailable_response(request, self, language)
        return document_response(request, version.document)


class PublicationDocument(Orderable):
    """The publication's file in one language (a Wagtail document, kept in the site's media
    storage and served with the publication's URL)."""

    page = ParentalKey(PublicationPage, on_delete=models.CASCADE, related_name="documents")
    language = models.CharField(
        max_length=8, choices=DOCUMENT_LANGUAGES, verbose_name=_("language")
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=pgettext_lazy("site", "document"),
    )

    panels = [FieldPanel("language"), FieldPanel("document")]

    class Meta(Orderable.Meta):
        verbose_name = pgettext_lazy("site", "document")
        constraints = [
            models.UniqueConstraint(
                fields=["page", "language"], name="one_publication_document_per_language"
            )
        ]

    def __str__(self):
        return f"{self.page} ({self.language})"

    @property
    def language_name(self):
        return dict(DOCUMENT_LANGUAGES).get(self.language, self.language)

    @property
    def in_language(self):
        return in_language_label(self.language)

    @property
    def format(self):
        return self.document.file_extension.upper()

    @property
    def lang(self):
        return "zh-Hans" if self.language == "zh-hans" else self.language


def with_card_data(publications):
    """What a card shows (language, cover or listing image with its renditions, the languages of
    its documents) in a fixed number of queries, whatever the number of publications."""
    return publications.select_related("locale", "cover_image", "listing_image").prefetch_related(
        "cover_image__renditions", "listing_image__renditions", "documents"
    )
