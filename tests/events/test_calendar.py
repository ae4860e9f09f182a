"""The calendar: listing order, filters, feeds, calendar files; bounded queries."""

import datetime
import re
import xml.etree.ElementTree as ET

import icalendar
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, streamfield

from calls.models import CallPage
from events.models import EventIndexPage, EventPage
from home.models import HomePage, StandardPage
from media.models import PhotoContestPage
from partners.models import PartnershipPage
from tests.conftest import make_english_home, translate
from tests.events.conftest import days_from_now
from tests.factories import EventIndexPageFactory, EventPageFactory
from tests.factories.many import add_pages

pytestmark = pytest.mark.django_db


def titles(html):
    return re.findall(r'class="event-item__title"><a href="[^"]+">([^<]+)</a>', html)


# Calendar files -------------------------------------------------------------------------------


def parse_ics(response):
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def test_calendar_file_of_a_geneva_event_in_summer_time(client, make_event):
    event = make_event(title="WSIS Forum 2017", slug="wsis-forum-2017", room="Room A")
    response = client.get(f"{event.url}calendar/")
    assert 'filename="wsis-forum-2017.ics"' in response["Content-Disposition"]
    (vevent,) = parse_ics(response).walk("VEVENT")
    start = vevent.decoded("dtstart")
    assert str(start.tzinfo) == "Europe/Zurich"
    assert start.astimezone(datetime.UTC) == datetime.datetime(2017, 6, 12, 7, tzinfo=datetime.UTC)
    assert vevent.decoded("dtend").astimezone(datetime.UTC) == datetime.datetime(
        2017, 6, 16, 16, tzinfo=datetime.UTC
    )
    assert str(vevent["summary"]) == "WSIS Forum 2017"
    assert (
        str(vevent["location"])
        == "ITU Headquarters, Room A, Place des Nations, 1211 Geneva, Switzerland"
    )
    assert str(vevent["url"]) == "http://localhost/en/events/wsis-forum-2017/"
    assert "VTIMEZONE" in response.content.decode()


def test_calendar_file_of_a_busan_event(client, make_event):
    event = make_event(
        title="ITU Telecom World 2017",
        time_zone="Asia/Seoul",
        city="Busan",
        country="KR",
        start_date=datetime.date(2017, 9, 25),
        end_date=datetime.date(2017, 9, 28),
    )
    (vevent,) = parse_ics(client.get(f"{event.url}calendar/")).walk("VEVENT")
    assert str(vevent.decoded("dtstart").tzinfo) == "Asia/Seoul"
    assert vevent.decoded("dtstart").astimezone(datetime.UTC) == datetime.datetime(
        2017, 9, 25, 0, tzinfo=datetime.UTC
    )
    assert vevent.decoded("dtend").astimezone(datetime.UTC) == datetime.datetime(
        2017, 9, 28, 9, tzinfo=datetime.UTC
    )
    assert str(vevent["location"]).endswith("Busan, Republic of Korea")


def test_calendar_file_of_an_all_day_multi_day_event(client, make_event):
    event = make_event(
        all_day=True, start_date=datetime.date(2014, 6, 10), end_date=datetime.date(2014, 6, 13)
    )
    (vevent,) = parse_ics(client.get(f"{event.url}calendar/")).walk("VEVENT")
    assert vevent.decoded("dtstart") == datetime.date(2014, 6, 10)
    assert vevent.decoded("dtend") == datetime.date(2014, 6, 14)  # exclusive, per RFC 5545


def test_calendar_file_is_in_the_pages_language(client, english_home, calendar_index, make_event):
    event = make_event(title="WSIS Forum 2017", slug="wsis-forum-2017")
    translate(english_home, "fr", slug="accueil")
    translate(calendar_index, "fr", slug="evenements")
    french = translate(
        event,
        "fr",
        slug="forum-du-smsi-2017",
        title="Forum du SMSI 2017",
        summary="Le rendez-vous annuel.",
    )
    (vevent,) = parse_ics(client.get(f"{french.url}calendar/")).walk("VEVENT")
    assert str(vevent["summary"]) == "Forum du SMSI 2017"
    assert str(vevent["description"]).startswith("Le rendez-vous annuel.")
    # The venue's words are translated by translators (here copied); country names by Django.
    assert str(vevent["location"]).endswith("1211 Geneva, Suisse")
    assert str(vevent["url"]) == "http://localhost/fr/evenements/forum-du-smsi-2017/"


# The calendar page ----------------------------------------------------------------------------


@pytest.fixture
def mixed_events(make_event):
    make_event(
        title="Past 2014",
        all_day=True,
        start_date=datetime.date(2014, 6, 10),
        end_date=datetime.date(2014, 6, 13),
        event_type="high_level_event",
    )
    make_event(
        title="Past 2017",
        all_day=True,
        start_date=datetime.date(2017, 6, 12),
        end_date=datetime.date(2017, 6, 16),
    )
    make_event(
        title="Later",
        all_day=True,
        start_date=days_from_now(60),
        end_date=days_from_now(61),
        city="Busan",
        country="KR",
        time_zone="Asia/Seoul",
        event_type="exhibition",
    )
    make_event(
        title="Soon",
        all_day=True,
        start_date=days_from_now(5),
        end_date=days_from_now(5),
        online_only=True,
        city="",
        event_type="briefing",
    )
    make_event(
        title="Now",
        all_day=True,
        start_date=days_from_now(-1),
        end_date=days_from_now(1),
        remote_participation=True,
    )


def test_upcoming_and_current_events_come_first_then_past_ones_by_year(
    client, calendar_index, mixed_events
):
    html = client.get(calendar_index.url).content.decode()
    assert titles(html) == ["Now", "Soon", "Later", "Past 2017", "Past 2014"]
    upcoming, past = html.split('id="past-heading"')
    assert "Upcoming and current events" in upcoming
    assert re.search(r"<h3>2017</h3>.*Past 2017.*<h3>2014</h3>.*Past 2014", past, re.S)
    assert "Happening now" in upcoming


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"type": "exhibition"}, ["Later"]),
        ({"year": "2014"}, ["Past 2014"]),
        ({"place": "Busan"}, ["Later"]),
        ({"place": "online"}, ["Now", "Soon"]),
        ({"type": "forum", "year": "2017"}, ["Past 2017"]),
    ],
)
def test_filters(client, calendar_index, mixed_events, query, expected):
    assert titles(client.get(calendar_index.url, query).content.decode()) == expected


def test_a_filter_value_that_does_not_exist_is_reported_not_crashed_on(
    client, calendar_index, mixed_events
):
    response = client.get(calendar_index.url, {"year": "1850", "type": "<script>"})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'role="alert"' in html and "Select a valid choice" in html
    assert "<script>" not in html.split("<main")[1]
    assert len(titles(html)) == 5


def test_calendar_paginates(client, calendar_index, make_event):
    for i in range(25):
        make_event(
            title=f"E{i:02d}",
            all_day=True,
            start_date=days_from_now(i + 1),
            end_date=days_from_now(i + 1),
        )
    first = titles(client.get(calendar_index.url).content.decode())
    second = titles(client.get(calendar_index.url, {"page": 2}).content.decode())
    assert len(first) == 20 and len(second) == 5 and first[0] == "E00"
    assert client.get(calendar_index.url, {"page": "x"}).status_code == 200


def test_calendar_query_count_does_not_grow_with_events(client, calendar_index):
    def queries_with(count, warm=False):
        # The events the calendar has so far, and as many more as it takes.
        events = [
            EventPageFactory.build(
                title=f"E{i}",
                slug=f"e-{i}",
                start_date=datetime.date(2014 + i % 4, 6, 1),
                end_date=datetime.date(2014 + i % 4, 6, 2),
                city=["Geneva", "Busan"][i % 2],
            )
            for i in range(EventPage.objects.count(), count)
        ]
        add_pages(calendar_index, events)
        if warm:  # the site's caches, once: adding events keeps them
            client.get(calendar_index.url)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(calendar_index.url)
        assert response.status_code == 200
        assert response.context["events"].paginator.count == count
        return len(queries)

    assert queries_with(10, warm=True) == queries_with(500)


def test_ical_feed_lists_upcoming_events_only(client, calendar_index, mixed_events):
    response = client.get(f"{calendar_index.url}calendar/")
    summaries = sorted(str(e["summary"]) for e in parse_ics(response).walk("VEVENT"))
    assert summaries == ["Later", "Now", "Soon"]


def test_atom_feed(client, calendar_index, mixed_events):
    response = client.get(f"{calendar_index.url}feed/")
    assert response["Content-Type"].startswith("application/atom+xml")
    entries = ET.fromstring(response.content).findall("{http://www.w3.org/2005/Atom}entry")
    assert [e.find("{http://www.w3.org/2005/Atom}title").text for e in entries] == [
        "Now",
        "Soon",
        "Later",
    ]


def test_events_are_in_the_sitemap(client, make_event):
    event = make_event(slug="wsis-forum-2017")
    assert f"http://localhost{event.url}" in client.get("/sitemap.xml").content.decode()


# Admin ----------------------------------------------------------------------------------------


class EventPageTreeTest(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_english_home()
        cls.index = EventIndexPageFactory(parent=cls.home)

    def setUp(self):
        self.login()

    def test_where_calendar_pages_belong(self):
        self.assertAllowedParentPageTypes(EventIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(EventIndexPage, {EventPage})
        self.assertAllowedParentPageTypes(EventPage, {EventIndexPage})
        self.assertAllowedSubpageTypes(EventPage, {PartnershipPage, CallPage, PhotoContestPage})
        self.assertCanNotCreateAt(StandardPage, EventPage)
        self.assertCanNotCreateAt(HomePage, EventPage)
        # One calendar per language tree.
        self.assertFalse(EventIndexPage.can_create_at(self.home))

    def test_an_editor_creates_an_event(self):
        self.assertCanCreate(
            self.index,
            EventPage,
            nested_form_data(
                {
                    "title": "Final Briefing",
                    "slug": "final-briefing",
                    "event_type": "briefing",
                    "summary": "A briefing.",
                    "time_zone": "Europe/Zurich",
                    "start_date": "2014-05-19",
                    "start_time": "09:00",
                    "end_date": "2014-05-19",
                    "end_time": "12:00",
                    "venue_name": "ITU",
                    "room": "Room K",
                    "city": "Geneva",
                    "country": "CH",
                    "key_dates": streamfield([]),
                    "co_organisers": streamfield([]),
                    "programme": streamfield([]),
                    "body": streamfield([]),
                }
            ),
        )
        event = EventPage.objects.get(slug="final-briefing")
        assert event.starts_at == datetime.datetime(2014, 5, 19, 7, tzinfo=datetime.UTC)

    def test_the_admin_explains_what_is_wrong(self):
        url = f"/admin/pages/add/events/eventpage/{self.index.pk}/"
        response = self.client.post(
            url,
            nested_form_data(
                {
                    "title": "Backwards",
                    "slug": "backwards",
                    "event_type": "briefing",
                    "summary": "x",
                    "time_zone": "Europe/Zurich",
                    "start_date": "2014-05-19",
                    "start_time": "09:00",
                    "end_date": "2014-05-18",
                    "end_time": "12:00",
                    "city": "Geneva",
                    "key_dates": streamfield([]),
                    "co_organisers": streamfield([]),
                    "programme": streamfield([]),
                    "body": streamfield([]),
                }
            ),
        )
        self.assertContains(response, "The event must end after it starts.")
        self.assertFalse(EventPage.objects.filter(slug="backwards").exists())
