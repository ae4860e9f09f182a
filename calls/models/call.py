from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail_localize.fields import SynchronizedField, TranslatableField

from calls.blocks import ConsultationPhaseBlock
from calls.models.pages import CALL_KINDS, DeadlineFormPage
from home import localized, page_cache
from home.blocks import RICH_TEXT_FEATURES
from home.models import SectionIndexPage


class CallPage(DeadlineFormPage):
    """A call for contributions, a public consultation, speaking-slot requests, nominations,
    a partnership enquiry…: configured by editors in the form builder."""

    kind = models.CharField(
        max_length=32, choices=CALL_KINDS, default="contributions", verbose_name=_("kind")
    )
    who_may_respond = models.TextField(blank=True, verbose_name=_("who may respond"))
    questions = RichTextField(
        blank=True, features=RICH_TEXT_FEATURES, verbose_name=_("questions asked")
    )
    show_submission_count = models.BooleanField(
        default=False, verbose_name=_("show how many submissions were received")
    )
    phases = StreamField(
        [("phase", ConsultationPhaseBlock())],
        blank=True,
        verbose_name=_("phases of the consultation process"),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("kind"),
        FieldPanel("introduction"),
        FieldPanel("who_may_respond"),
        FieldPanel("questions"),
        FieldPanel("show_submission_count"),
        FieldPanel("phases"),
        FieldPanel("privacy_page"),
        *DeadlineFormPage.deadline_panels,
        InlinePanel("form_fields", label=_("Form fields")),
        FieldPanel("thank_you_text"),
        *DeadlineFormPage.email_panels,
        FormSubmissionsPanel(),
    ]
    translatable_fields = [
        *DeadlineFormPage.translatable_fields,
        TranslatableField("who_may_respond"),
        TranslatableField("questions"),
        TranslatableField("phases"),
        SynchronizedField("kind"),
        SynchronizedField("show_submission_count"),
    ]

    parent_page_types = ["calls.CallIndexPage", "events.EventPage", "home.StandardPage"]
    subpage_types = []
    prefetched_stream_fields = ("phases",)

    class Meta:
        verbose_name = _("call")


class CallIndexPage(SectionIndexPage):
    """Open calls closing soonest first, then upcoming ones, then the closed archive."""

    subpage_types = ["calls.CallPage"]

    class Meta:
        verbose_name = _("calls index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        calls = localized.children_for_reader(self, CallPage).only(*CALL_LISTING_FIELDS)
        is_open = models.Q(opens_at__isnull=True) | models.Q(opens_at__lte=now)
        not_closed = models.Q(closes_at__isnull=True) | models.Q(closes_at__gt=now)
        context["open_calls"] = list(
            calls.filter(is_open & not_closed).order_by(F("closes_at").asc(nulls_last=True))
        )
        context["upcoming_calls"] = list(calls.filter(opens_at__gt=now).order_by("opens_at"))
        # A call moves from one list to the next at its opening and closing: not kept past that.
        for call in context["open_calls"]:
            page_cache.changes_at(call.closes_at)
        for call in context["upcoming_calls"]:
            page_cache.changes_at(call.opens_at)
        context["closed_calls"] = calls.filter(closes_at__lte=now).order_by("-closes_at")
        return context


CALL_LISTING_FIELDS = [
    "id",
    "title",
    "slug",
    "url_path",
    "path",
    "depth",
    "locale_id",
    "translation_key",
    "live",
    "kind",
    "listing_summary",
    "opens_at",
    "closes_at",
    "time_zone",
    "non_extendable",
]
