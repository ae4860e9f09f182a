"""A visitor and the events calendar, in a real browser."""

import json
import re

import icalendar
from playwright.sync_api import expect

from tests.browser.conftest import run_on_site, serious_violations

FORUM_URLS = """
import json
from events.models import EventPage
forum = EventPage.objects.get(slug="wsis-forum-2017", locale__language_code="en")
print(json.dumps({p.locale.language_code: p.url for p in forum.get_translations(inclusive=True)}))
"""


def forum_url(site_url, code):
    """The WSIS Forum 2017 page in a language (its slug is translated too)."""
    return site_url + json.loads(run_on_site(FORUM_URLS).splitlines()[-1])[code]


def test_a_visitor_filters_the_french_calendar_and_saves_an_event(page, site_url, tmp_path):
    page.goto(f"{site_url}/fr/")
    page.get_by_role("navigation", name=re.compile("principal", re.I)).get_by_role(
        "link", name=re.compile("Calendrier", re.I)
    ).click()
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    page.get_by_label("Année").select_option("2017")
    page.get_by_role("button", name="Afficher les événements").click()
    expect(page).to_have_url(re.compile(r"year=2017"))
    page.get_by_role("link", name="Forum du SMSI 2017", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Forum du SMSI 2017")
    expect(page.locator(".event-facts")).to_contain_text("12 juin 2017")

    with page.expect_download() as download_info:
        page.get_by_role("link", name=re.compile(r"\.ics")).click()
    download = download_info.value
    assert download.suggested_filename.endswith(".ics")
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    (event,) = icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT")
    assert str(event["summary"]) == "Forum du SMSI 2017"


def test_arabic_event_page_is_right_to_left_and_accessible(page, site_url, axe_script):
    page.goto(forum_url(site_url, "ar"))
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    assert page.evaluate("getComputedStyle(document.querySelector('main')).direction") == "rtl"
    assert serious_violations(page, axe_script) == []


def test_events_calendar_is_accessible_in_english_and_arabic(page, site_url, axe_script):
    for language in ("en", "ar"):
        page.goto(f"{site_url}/{language}/events/")
        assert serious_violations(page, axe_script) == [], language


def test_an_arabic_reader_reads_programme_times_left_to_right(page, site_url):
    page.goto(forum_url(site_url, "ar"))
    ranges = page.locator("bdi.time-range")
    expect(ranges.first).to_be_visible()
    first = ranges.first
    assert first.get_attribute("dir") == "ltr"
    starts, ends = first.locator("time").all()[:2]
    # Drawn left to right inside the right-to-left page: the start stands left of the end.
    assert starts.bounding_box()["x"] < ends.bounding_box()["x"]
    assert starts.get_attribute("datetime") < ends.get_attribute("datetime")
    expect(page.locator("main")).not_to_contain_text("Europe/Zurich")
