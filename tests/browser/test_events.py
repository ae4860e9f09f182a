"""A visitor and the events calendar, in a real browser."""

import re

import icalendar
from playwright.sync_api import expect

from tests.browser.conftest import serious_violations


def test_a_visitor_filters_the_french_calendar_and_saves_an_event(page, site_url, tmp_path):
    page.goto(f"{site_url}/fr/")
    page.get_by_role("navigation", name=re.compile("principal", re.I)).get_by_role(
        "link", name=re.compile("Calendrier", re.I)
    ).click()
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    page.get_by_label("Année").select_option("2017")
    page.get_by_role("button", name="Afficher les événements").click()
    expect(page).to_have_url(re.compile(r"year=2017"))
    page.get_by_role("link", name="Forum du SMSI 2017").click()
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
    page.goto(f"{site_url}/ar/events/wsis-forum-2017/")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    assert page.evaluate("getComputedStyle(document.querySelector('main')).direction") == "rtl"
    assert serious_violations(page, axe_script) == []


def test_events_calendar_is_accessible_in_english_and_arabic(page, site_url, axe_script):
    for language in ("en", "ar"):
        page.goto(f"{site_url}/{language}/events/")
        assert serious_violations(page, axe_script) == [], language
