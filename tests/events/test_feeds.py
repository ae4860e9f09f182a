"""The calendar's Atom feed as feed readers see it (issue 20, item 2): well-formed for
feedparser, with the publisher as atom:author (RFC 4287 §4.1.1) and each entry's dates and
place; the calendar subscription offered as webcal:// with its https address beside it."""

import datetime
import html

import feedparser
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from home import timezones
from home.models import SiteSettings
from tests.conftest import translate
from tests.factories import EventIndexPageFactory, EventPageFactory
from tests.factories.many import add_pages

NEXT_YEAR = datetime.date.today().year + 1


@pytest.fixture
def calendar(english_home):
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.organisation = "International Telecommunication Union (ITU)"
    settings.contact_email = "wsis-info@itu.int"
    settings.save()
    index = EventIndexPageFactory(parent=english_home, title="Events", slug="events")
    forum = EventPageFactory(
        parent=index,
        title="WSIS Forum",
        slug="wsis-forum",
        start_date=datetime.date(NEXT_YEAR, 6, 12),
        end_date=datetime.date(NEXT_YEAR, 6, 16),
    )
    webinar = EventPageFactory(
        parent=index,
        title="Webinar",
        slug="webinar",
        online_only=True,
        venue_name="",
        city="",
        country="",
        all_day=True,
        start_date=datetime.date(NEXT_YEAR, 3, 2),
        end_date=datetime.date(NEXT_YEAR, 3, 2),
    )
    return {"index": index, "forum": forum, "webinar": webinar, "home": english_home}


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


def test_the_feed_is_valid_and_names_its_author(client, calendar):
    feed = parse(client, calendar["index"].url + "feed/")
    assert feed.version == "atom10"
    assert feed.feed.author_detail.name == "International Telecommunication Union (ITU)"
    assert feed.feed.author_detail.email == "wsis-info@itu.int"
    assert feed.feed.author_detail.href == "http://testserver/"
    # It links to itself (rel="self") and to the calendar.
    links = {link.rel: link.href for link in feed.feed.links}
    assert links["self"] == "http://testserver" + calendar["index"].url + "feed/"
    assert links["alternate"] == "http://testserver" + calendar["index"].url
    assert feed.feed.language == "en"
    for entry in feed.entries:
        assert entry.author_detail.name == "International Telecommunication Union (ITU)"
        assert entry.updated_parsed  # atom:updated is required; atom:published is not


def test_each_entry_says_when_and_where(client, calendar):
    entries = {e.title: e.summary for e in parse(client, calendar["index"].url + "feed/").entries}
    forum = entries["WSIS Forum"]
    assert f"12 June {NEXT_YEAR}" in forum and f"16 June {NEXT_YEAR}" in forum
    # The times in the venue's zone, named as the event page names it.
    zone = html.escape(timezones.zone_label("Europe/Zurich", calendar["forum"].starts_at))
    assert "09:00" in forum and "18:00" in forum and zone in forum
    assert "ITU Headquarters, Place des Nations, 1211 Geneva, Switzerland" in forum
    assert "An event of the WSIS process." in forum
    webinar = entries["Webinar"]
    assert f"2 March {NEXT_YEAR}" in webinar and "Online" in webinar


def test_the_arabic_feed_is_arabic(client, calendar):
    translate(calendar["home"], "ar")
    index_ar = translate(calendar["index"], "ar", title="الفعاليات")
    translate(calendar["forum"], "ar", title="منتدى القمة", city="جنيف")
    feed = parse(client, index_ar.url + "feed/")
    assert feed.feed.language == "ar"
    assert feed.feed.title == "الفعاليات"
    # (An event not yet translated is listed in English, marked as such: not this one.)
    (entry,) = [e for e in feed.entries if e.link.endswith(calendar["forum"].slug + "/")]
    assert entry.title == "منتدى القمة"
    assert "جنيف" in entry.summary and "سويسرا" in entry.summary  # Switzerland, in Arabic
    assert "يونيو" in entry.summary  # June


def test_the_feed_queries_do_not_grow_with_its_entries(client, calendar):
    def queries_with(count):
        events = [
            EventPageFactory.build(
                slug=f"extra-{count}-{i}",
                start_date=datetime.date(NEXT_YEAR, 9, 1),
                end_date=datetime.date(NEXT_YEAR, 9, 2),
            )
            for i in range(count)
        ]
        add_pages(calendar["index"], events)
        parse(client, calendar["index"].url + "feed/")  # cold caches (site root paths)
        with CaptureQueriesContext(connection) as queries:
            parse(client, calendar["index"].url + "feed/")
        return len(queries)

    assert queries_with(10) == queries_with(40)


def test_the_calendar_is_offered_as_webcal_with_its_https_address_beside(client, calendar):
    html = client.get(calendar["index"].url, secure=True).content.decode()
    address = "https://testserver" + calendar["index"].url + "calendar/"
    assert f'href="webcal://testserver{calendar["index"].url}calendar/"' in html
    assert f'<a href="{address}" dir="ltr">{address}</a>' in html
    assert client.get(address.removeprefix("https://testserver"), secure=True)[
        "Content-Type"
    ].startswith("text/calendar")
