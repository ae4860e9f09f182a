from django.core.paginator import Paginator
from django.db.models import Case, F, When
from django.http import HttpResponse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from events import calendar
from events.models.event import EventPage
from home import localized, page_cache
from home.models import SectionIndexPage

EVENTS_PER_PAGE = 20


class EventIndexPage(RoutablePageMixin, SectionIndexPage):
    """The Global Events Calendar of one language tree, with its iCalendar and Atom feeds."""

    subpage_types = ["events.EventPage"]
    # The whole listing, per query string (filters, page number), kept until the calendar is
    # purged: publishing, unpublishing, moving or translating any of its events does that.
    fragment_sections = ("content",)
    fragment_varies_on_query = True

    class Meta:
        verbose_name = _("events calendar")

    def events(self):
        return localized.children_for_reader(self, EventPage)

    def upcoming_events(self):
        return self.events().filter(ends_at__gte=timezone.now()).order_by("starts_at")

    def listing(self, events):
        """Upcoming and ongoing events first, soonest first; then past events, newest first."""
        now = timezone.now()
        return (
            events.annotate(is_past=Case(When(ends_at__lt=now, then=1), default=0))
            .annotate(
                upcoming_order=Case(When(is_past=0, then=F("starts_at"))),
            )
            .order_by("is_past", F("upcoming_order").asc(nulls_last=True), "-starts_at")
            .only(*LISTING_FIELDS)
        )

    def get_context(self, request, *args, **kwargs):
        from events.forms import EventFilterForm

        context = super().get_context(request, *args, **kwargs)
        if self.sections_kept(request):
            return context  # the listing comes ready-made (home.fragments)
        events = self.events()
        years = [d.year for d in events.dates("start_date", "year", order="DESC")]
        cities = sorted(set(events.exclude(city="").values_list("city", flat=True)))
        form = EventFilterForm(request.GET or None, years=years, cities=cities)
        # get_page: the first page for a bad number, the last for one past the end.
        page_of_events = Paginator(self.listing(form.filter(events)), EVENTS_PER_PAGE).get_page(
            request.GET.get("page")
        )
        # An event listed among the upcoming ones moves to the past ones when it ends.
        for event in page_of_events:
            if event.ends_at and event.ends_at >= timezone.now():
                page_cache.changes_at(event.ends_at)
        filters = {
            k: v
            for k, v in (form.cleaned_data if form.is_bound and form.is_valid() else {}).items()
            if v
        }
        # Calendar apps subscribe to webcal:// (RFC-less but universal); the https address is
        # shown beside it for those that ask for one (Google Calendar's "From URL").
        calendar_url = request.build_absolute_uri(
            self.get_url(request) + self.reverse_subpage("ical_feed")
        )
        context.update(
            calendar_url=calendar_url,
            webcal_url="webcal://" + calendar_url.split("://", 1)[1],
            filter_form=form,
            events=page_of_events,
            query_string=urlencode(filters),
            now=timezone.now(),
        )
        return context

    @path("calendar/", name="ical_feed")
    def ical_feed(self, request):
        body = calendar.event_calendar(self.upcoming_events(), request, name=self.title)
        response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = f'inline; filename="{self.slug}.ics"'
        return response

    @path("feed/", name="atom_feed")
    def atom_feed(self, request):
        from events.feeds import UpcomingEventsFeed

        return UpcomingEventsFeed(self)(request)


# What a listing item shows: no StreamField is loaded for a row of the calendar.
LISTING_FIELDS = [
    "id",
    "title",
    "slug",
    "url_path",
    "path",
    "depth",
    "locale_id",
    "translation_key",
    "live",
    "event_type",
    "summary",
    "all_day",
    "start_date",
    "start_time",
    "end_date",
    "end_time",
    "starts_at",
    "ends_at",
    "time_zone",
    "venue_name",
    "city",
    "country",
    "online_only",
    "remote_participation",
]
