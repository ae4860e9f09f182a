from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_countries.fields import CountryField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Page,
    PreviewableMixin,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.models import BasePage
from partners import blocks

STAKEHOLDER_TYPES = [
    ("government", _("Government")),
    ("private_sector", _("Private sector")),
    ("civil_society", _("Civil society")),
    ("academia", _("Academia")),
    ("international_organisation", _("International organisation")),
]


class Partner(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    TranslatableMixin,
    index.Indexed,
    models.Model,
):
    """An organisation that supports WSIS events: reused across events and tiers. Visitors read
    it, so a change goes live only through the "Snippet review" workflow (translations.roles)."""

    name = models.CharField(max_length=255, verbose_name=pgettext_lazy("site", "name"))
    description = models.TextField(blank=True, verbose_name=pgettext_lazy("site", "description"))
    logo = models.ForeignKey(
        "wagtailimages.Image",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("logo"),
    )
    logo_alt_text = models.CharField(
        max_length=255,
        verbose_name=_("logo alternative text"),
        help_text=_("Usually the partner's name, as the logo writes it."),
    )
    website = models.URLField(blank=True, verbose_name=_("website"))
    stakeholder_type = models.CharField(
        max_length=32, choices=STAKEHOLDER_TYPES, verbose_name=_("stakeholder type")
    )
    country = CountryField(blank=True, verbose_name=_("country"))
    # Let listings count revisions and workflow states in one query (Wagtail's advice).
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="partner")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="partner",
        for_concrete_model=False,
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("description"),
        MultiFieldPanel([FieldPanel("logo"), FieldPanel("logo_alt_text")], heading=_("Logo")),
        FieldPanel("website"),
        FieldPanel("stakeholder_type"),
        FieldPanel("country"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("description"),
        TranslatableField("logo_alt_text"),
        SynchronizedField("logo"),
        SynchronizedField("website"),
        SynchronizedField("stakeholder_type"),
        SynchronizedField("country"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def revisions(self):
        return self._revisions

    # Fetched with the page's other images when a page prefetches its references.
    prefetched_image_fields = ("logo",)

    @classmethod
    def prefetch_queryset(cls):
        """What a logo strip needs, in two queries whatever the number of partners."""
        return cls.objects.select_related("logo").prefetch_related("logo__renditions")

    def get_preview_template(self, request, mode_name):
        return "partners/partner_preview.html"


class PartnershipPage(BasePage):
    """An event's partnership programme: its tiers in order, who holds them, what is still
    available. Lives under the event; the event page shows the tiers too."""

    introduction = models.TextField(blank=True, verbose_name=_("introduction"))
    acknowledgement = models.TextField(
        blank=True,
        verbose_name=_("thank-you sentence"),
        help_text=_(
            "Shown above the partners, e.g. “The organisers thank the Strategic Partners…”"
        ),
    )
    tiers = StreamField(
        [("tier", blocks.PartnershipTierBlock())], blank=True, verbose_name=_("tiers")
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        FieldPanel("acknowledgement"),
        FieldPanel("tiers"),
    ]
    translatable_fields = [
        *BasePage.translatable_fields,
        TranslatableField("introduction"),
        TranslatableField("acknowledgement"),
        TranslatableField("tiers"),
    ]
    prefetched_stream_fields = ("tiers",)

    parent_page_types = ["events.EventPage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("partnership programme")
