import zoneinfo

from django.db import models
from django.http import HttpResponse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from events import blocks, calendar, schedule
from events.choices import EVENT_TYPES, EventStatus
from events.models.validation import EventValidation
from home import localized, page_cache, view_restrictions
from home.models import BasePage


class EventPage(EventValidation, RoutablePageMixin, BasePage):
    """An event of the Global Events Calendar: a Forum, a briefing, a consultation meeting…

    Editors enter dates and times as the venue's clock shows them; `starts_at` and `ends_at`
    keep the same instants in UTC for sorting, filtering and calendar files.
    """

    event_type = models.CharField(
        max_length=32, choices=EVENT_TYPES, default="other", verbose_name=_("type")
    )
    summary = models.TextField(verbose_name=_("summary"), help_text=_("Two or three sentences."))

    time_zone = models.CharField(
        max_length=64,
        choices=schedule.TIME_ZONE_CHOICES,
        default=schedule.DEFAULT_TIME_ZONE,
        verbose_name=_("time zone of the venue"),
    )
    all_day = models.BooleanField(
        default=False,
        verbose_name=_("all-day event"),
        help_text=_("Whole days, without start and end times."),
    )
    start_date = models.DateField(verbose_name=_("start date"))
    start_time = models.TimeField(null=True, blank=True, verbose_name=_("start time"))
    end_date = models.DateField(verbose_name=_("end date"))
    end_time = models.TimeField(null=True, blank=True, verbose_name=_("end time"))
    starts_at = models.DateTimeField(editable=False, db_index=True)
    ends_at = models.DateTimeField(editable=False, db_index=True)

    venue_name = models.CharField(max_length=255, blank=True, verbose_name=_("venue"))
    room = models.CharField(max_length=255, blank=True, verbose_name=_("room"))
    street_address = models.CharField(max_length=255, blank=True, verbose_name=_("street address"))
    postal_code = models.CharField(max_length=20, blank=True, verbose_name=_("postal code"))
    city = models.CharField(max_length=255, blank=True, verbose_name=_("city"))
    country = CountryField(blank=True, verbose_name=_("country"))
    latitude = models.DecimalField(
        max_digits=9, decimal_places=6, null=True, blank=True, verbose_name=_("latitude")
    )
    longitude = models.DecimalField(
        max_digits=9, decimal_places=6, null=True, blank=True, verbose_name=_("longitude")
    )

    online_only = models.BooleanField(default=False, verbose_name=_("online only"))
    remote_participation = models.BooleanField(
        default=False, verbose_name=_("remote participation offered")
    )
    remote_participation_details = models.TextField(
        blank=True, verbose_name=_("how to join remotely")
    )
    remote_participation_url = models.URLField(
        blank=True, verbose_name=_("remote participation link")
    )

    main_event = models.ForeignKey(
        "events.EventPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="pre_events",
        verbose_name=_("pre-event of"),
        help_text=_("When this is a pre-event, the event it comes before."),
    )
    registration_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("registration page"),
    )
    registration_url = models.URLField(
        blank=True,
        verbose_name=_("registration link"),
        help_text=_("Only when registration happens on another site."),
    )

    co_organisers = StreamField(
        [("partner", blocks.CoOrganiserBlock())],
        blank=True,
        verbose_name=_("co-organisers"),
        help_text=_("Organisations that organise the event with ITU (UNESCO, UNCTAD, UNDP…)."),
    )

    key_dates = StreamField(
        [("key_date", blocks.KeyDateBlock())], blank=True, verbose_name=_("key dates")
    )
    programme = StreamField(
        [("track", blocks.TrackBlock())], blank=True, verbose_name=_("programme")
    )
    body = StreamField(blocks.EventBodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("event_type"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("time_zone"),
                FieldPanel("all_day"),
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("start_time")]),
                FieldRowPanel([FieldPanel("end_date"), FieldPanel("end_time")]),
            ],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("venue_name"),
                FieldPanel("room"),
                FieldPanel("street_address"),
                FieldRowPanel([FieldPanel("postal_code"), FieldPanel("city")]),
                FieldPanel("country"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Where"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("online_only"),
                FieldPanel("remote_participation"),
                FieldPanel("remote_participation_details"),
                FieldPanel("remote_participation_url"),
            ],
            heading=_("Remote participation"),
        ),
        MultiFieldPanel(
            [FieldPanel("registration_page"), FieldPanel("registration_url")],
            heading=_("Registration"),
        ),
        FieldPanel("main_event"),
        FieldPanel("co_organisers"),
        FieldPanel("key_dates"),
        FieldPanel("programme"),
        FieldPanel("body"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("city"),
        index.FilterField("starts_at"),
        index.FilterField("event_type"),
    ]
    translatable_fields = [
        *BasePage.translatable_fields,
        TranslatableField("summary"),
        TranslatableField("venue_name"),
        TranslatableField("room"),
        TranslatableField("street_address"),
        TranslatableField("city"),
        TranslatableField("remote_participation_details"),
        TranslatableField("key_dates"),
        TranslatableField("programme"),
        TranslatableField("body"),
        SynchronizedField("event_type"),
        SynchronizedField("time_zone"),
        SynchronizedField("all_day"),
        SynchronizedField("start_date"),
        SynchronizedField("start_time"),
        SynchronizedField("end_date"),
        SynchronizedField("end_time"),
        SynchronizedField("postal_code"),
        SynchronizedField("country"),
        SynchronizedField("latitude"),
        SynchronizedField("longitude"),
        SynchronizedField("online_only"),
        SynchronizedField("remote_participation"),
        SynchronizedField("remote_participation_url"),
        SynchronizedField("main_event"),
        SynchronizedField("registration_page"),
        SynchronizedField("registration_url"),
        # The chooser shows each partner in the reader's language.
        SynchronizedField("co_organisers"),
    ]

    prefetched_stream_fields = ("body", "key_dates", "programme", "co_organisers")

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = ["partners.PartnershipPage", "calls.CallPage", "media.PhotoContestPage"]

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def save(self, *args, **kwargs):
        if self.start_date and self.end_date:
            self.starts_at, self.ends_at = self.bounds()
        super().save(*args, **kwargs)

    # What visitors see ----------------------------------------------------------------------

    def bounds(self):
        return schedule.event_bounds(
            self.start_date,
            self.end_date,
            self.start_time,
            self.end_time,
            self.all_day,
            self.time_zone,
        )

    @property
    def zone(self):
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def status(self):
        now = timezone.now()
        if now < self.starts_at:
            page_cache.changes_at(self.starts_at)
            return EventStatus.UPCOMING
        if now < self.ends_at:
            page_cache.changes_at(self.ends_at)
            return EventStatus.HAPPENING_NOW
        return EventStatus.PAST

    @property
    def status_label(self):
        return EventStatus(self.status).label

    @property
    def is_multi_day(self):
        return self.end_date != self.start_date

    @property
    def offers_remote_participation(self):
        return self.online_only or self.remote_participation

    @property
    def place(self):
        """The venue in one line, as a calendar shows it."""
        parts = [
            self.venue_name,
            self.room,
            self.street_address,
            " ".join(p for p in [self.postal_code, self.city] if p),
            self.country.name if self.country else "",
        ]
        return ", ".join(part for part in parts if part)

    def key_date_list(self):
        labels = dict(blocks.KEY_DATE_KINDS)
        dates = [
            schedule.key_date(
                value["kind"],
                value["label"] or labels.get(value["kind"], ""),
                value["date"],
                value["time"],
                self.time_zone,
            )
            for value in (block.value for block in self.key_dates)
        ]
        return sorted(dates, key=lambda d: d.at)

    def registration_closes_at(self):
        closing = [d.at for d in self.key_date_list() if d.kind == "registration_closes"]
        return min(closing) if closing else self.ends_at

    @property
    def registration_is_open(self):
        closes_at = self.registration_closes_at()
        page_cache.changes_at(closes_at)
        return timezone.now() < closes_at

    def registration_target(self):
        """The registration page in the reader's language (else in the language it exists in:
        see home.localized), while registration is open; else None. One query."""
        if not self.registration_is_open or not self.registration_page_id:
            return None
        chosen = Page.objects.filter(pk=self.registration_page_id).values("translation_key")
        versions = view_restrictions.public(Page.objects.filter(translation_key__in=chosen).live())
        return localized.for_reader(versions).first()

    def registration_link(self):
        """Where to register, while registration is open; else None."""
        if not self.registration_is_open:
            return None
        if self.registration_page_id:
            page = self.registration_target()
            return page.get_url() if page is not None else None
        return self.registration_url or None

    def localized_pre_events(self):
        """Pre-events, each in the reader's language when translated (see home.localized).
        One query."""
        candidates = view_restrictions.public(
            EventPage.objects.live().filter(main_event__translation_key=self.translation_key)
        )
        return list(localized.for_reader(candidates).order_by("starts_at"))

    def localized_main_event(self):
        """The main event of a pre-event, in the reader's language when translated (a draft
        translation never replaces the live original). One query."""
        if not self.main_event_id:
            return None
        chosen = EventPage.objects.filter(pk=self.main_event_id).values("translation_key")
        versions = view_restrictions.public(
            EventPage.objects.filter(translation_key__in=chosen).live()
        )
        return localized.for_reader(versions).first()

    @cached_property
    def partnership(self):
        """The event's partnership programme page, if it has a live one."""
        from partners.models import PartnershipPage

        return view_restrictions.public(PartnershipPage.objects.child_of(self).live()).first()

    # Its structured data and everything below the navigation, kept until it is purged (its own
    # publication, its partnership's, a partner's or a page's it links to) or its calendar is
    # (any event of the calendar published: a new pre-event).
    fragment_sections = ("head", "content")

    def fragment_page_ids(self):
        return [self.pk, self.parent_page_id()]

    def get_prefetched_streams(self, request):
        streams = super().get_prefetched_streams(request)
        if self.sections_kept(request):
            return streams
        return [*streams, self.partnership.tiers] if self.partnership else streams

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if self.sections_kept(request):
            return context  # what they show comes ready-made (home.fragments)
        context["partnership"] = self.partnership
        context["key_dates"] = self.key_date_list()
        context["pre_events"] = self.localized_pre_events()
        context["main_event"] = self.localized_main_event()
        if self.registration_page_id:
            target = self.registration_target()
            context["registration_page"] = target
            context["registration_link"] = target.get_url(request) if target else None
        else:
            context["registration_link"] = self.registration_link()
        context["google_calendar_url"] = calendar.google_calendar_url(self, request)
        context["json_ld"] = calendar.json_ld(self, request)
        return context

    # Wagtail's page URLs allow no dot: the file name comes from Content-Disposition.
    @path("calendar/", name="calendar")
    def calendar_file(self, request):
        response = HttpResponse(
            calendar.event_calendar([self], request), content_type="text/calendar; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="{self.slug}.ics"'
        return response
