"""Times and places as a reader of each language reads them: time ranges isolated from the
text's direction (Arabic), time zones named by their place in the reader's language with the
abbreviation and offset of that day, never as an IANA name."""

import datetime
import re

import pytest
from django.utils import translation

from home.timezones import utc_offset_label, zone_label
from tests.conftest import translate
from tests.events.test_event_pages import programme, session
from tests.factories import CallIndexPageFactory, CallPageFactory

pytestmark = pytest.mark.django_db
SUMMER = datetime.datetime(2017, 6, 12, 7, tzinfo=datetime.UTC)
WINTER = datetime.datetime(2017, 1, 12, 7, tzinfo=datetime.UTC)


@pytest.mark.parametrize(
    ("language", "zone", "at", "expected"),
    [
        ("en", "Europe/Zurich", SUMMER, "Geneva time (CEST, UTC+2)"),
        ("en", "Europe/Zurich", WINTER, "Geneva time (CET, UTC+1)"),
        ("fr", "Europe/Zurich", SUMMER, "heure de Genève (CEST, UTC+2)"),
        ("es", "Europe/Zurich", SUMMER, "hora de Ginebra (CEST, UTC+2)"),
        ("ru", "Europe/Zurich", SUMMER, "время Женевы (CEST, UTC+2)"),
        ("ar", "Europe/Zurich", SUMMER, "توقيت جنيف (CEST، UTC+2)"),
        ("zh-hans", "Europe/Zurich", SUMMER, "日内瓦时间（CEST，UTC+2）"),
        ("en", "Asia/Seoul", SUMMER, "Seoul time (KST, UTC+9)"),
        ("en", "Asia/Kolkata", SUMMER, "Kolkata time (IST, UTC+5:30)"),
        # No letter abbreviation for São Paulo: the offset once.
        ("en", "America/Sao_Paulo", SUMMER, "Sao Paulo time (UTC-3)"),
        ("fr", "UTC", SUMMER, "temps universel coordonné (UTC)"),
        # A name that is not a zone is shown as typed, never an error page.
        ("en", "Mars/Olympus", SUMMER, "Mars/Olympus"),
    ],
)
def test_zone_label(language, zone, at, expected):
    with translation.override(language):
        assert zone_label(zone, at) == expected


def test_utc_offsets():
    hours = datetime.timedelta(hours=1)
    assert [utc_offset_label(h * hours) for h in (0, 2, -5)] == ["UTC", "UTC+2", "UTC-5"]
    assert utc_offset_label(datetime.timedelta(hours=-3, minutes=-30)) == "UTC-3:30"


def visible_text(html):
    body = html.split("<main", 1)[1].split("</main>", 1)[0]
    return re.sub(r"<[^>]+>", "", body)


@pytest.fixture
def arabic_forum(english_home, calendar_index, make_event):
    translate(english_home, "ar", slug="home-ar")
    translate(calendar_index, "ar", slug="events-ar")
    forum = make_event(
        title="WSIS Forum 2017",
        slug="forum",
        programme=programme(
            ("High-Level Track", [session(datetime.date(2017, 6, 13), "Opening", "09:00", "13:30")])
        ),
    )
    return translate(forum, "ar", slug="forum-ar", title="منتدى القمة 2017")


def test_arabic_programme_times_are_isolated_left_to_right(client, arabic_forum):
    html = client.get(arabic_forum.url).content.decode()
    # The session's range and the event's hours: each range one left-to-right island, each
    # time machine-readable, on the 24-hour clock (no ص/م to turn around).
    assert (
        '<bdi dir="ltr" class="time-range"><time datetime="09:00">09:00</time>–'
        '<time datetime="13:30">13:30</time></bdi>'
    ) in html
    assert (
        '<bdi dir="ltr" class="time-range"><time datetime="09:00">09:00</time>–'
        '<time datetime="18:00">18:00</time></bdi>'
    ) in html
    text = visible_text(html)
    assert not re.search(r"\d\s*[صم](?!\w)", text)  # 9:00 ص
    assert "توقيت جنيف (CEST، UTC+2)" in text


def test_no_iana_zone_name_is_shown(client, english_home, calendar_index, make_event):
    event = make_event(title="WSIS Forum 2017", slug="forum")
    translate(english_home, "fr", slug="accueil")
    translate(calendar_index, "fr", slug="evenements")
    french = translate(event, "fr", slug="forum", title="Forum du SMSI 2017")
    for page, zone in ((event, "Geneva time (CEST, UTC+2)"), (french, "heure de Genève")):
        for url in (page.url, page.get_parent().url):
            text = visible_text(client.get(url).content.decode())
            assert "Europe/Zurich" not in text and zone in text, url


def test_calls_say_their_deadline_in_the_readers_time_zone_words(client, english_home):
    calls = CallIndexPageFactory(parent=english_home)
    call = CallPageFactory(
        parent=calls, slug="c", closes_on=datetime.date.today() + datetime.timedelta(days=10)
    )
    translate(english_home, "fr", slug="accueil")
    translate(calls, "fr", slug="appels")
    french = translate(call, "fr", slug="appel")
    for url in (french.url, french.get_parent().url):
        text = visible_text(client.get(url).content.decode())
        assert "Europe/Zurich" not in text and "heure de Genève (CE" in text, url
