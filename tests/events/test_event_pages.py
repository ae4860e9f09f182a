"""Event pages: where they can be created, what editors are told, what visitors see."""

import datetime
import json
import re

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.models import EventPage, EventStatus
from tests.conftest import translate
from tests.events.conftest import days_from_now

pytestmark = pytest.mark.django_db


def session(day, title="Session", starts="09:00", ends="10:00"):
    return {
        "day": day.isoformat(),
        "starts": starts,
        "ends": ends,
        "room": "Room A",
        "title": title,
    }


def programme(*tracks):
    return [
        {
            "type": "track",
            "value": {
                "name": name,
                "description": "",
                "sessions": [
                    {"type": "item", "value": s, "id": f"{name}-{i}"}
                    for i, s in enumerate(sessions)
                ],
            },
        }
        for name, sessions in tracks
    ]


def errors_of(page):
    with pytest.raises(ValidationError) as raised:
        page.full_clean()
    return raised.value.message_dict


# Validation -----------------------------------------------------------------------------------


def test_an_event_must_end_after_it_starts(make_event):
    event = make_event()
    event.end_date = event.start_date - datetime.timedelta(days=1)
    assert errors_of(event)["end_date"] == ["The event must end after it starts."]
    event.end_date, event.end_time = event.start_date, datetime.time(8)
    assert "end_date" in errors_of(event)


def test_timed_events_need_times(make_event):
    event = make_event()
    event.start_time = None
    assert errors_of(event)["start_time"] == [
        "Give start and end times, or mark the event as all-day."
    ]
    event.all_day = True
    event.full_clean()


def test_a_venue_needs_a_city_unless_the_event_is_online(make_event):
    event = make_event()
    event.city = ""
    assert "city" in errors_of(event)
    event.online_only = True
    event.full_clean()


def test_a_session_outside_the_events_dates_is_refused(make_event):
    event = make_event()
    event.programme = programme(
        (
            "High-Level Track",
            [session(event.start_date), session(datetime.date(2017, 6, 20), "Late")],
        )
    )
    message = errors_of(event)["programme"][0]
    assert "“Late” on 2017-06-20 is outside the event's dates (2017-06-12 to 2017-06-16)" in message


def test_a_session_must_end_after_it_starts():
    from wagtail.blocks.struct_block import StructBlockValidationError

    from events.blocks import SessionBlock

    block = SessionBlock()
    value = block.to_python(session(datetime.date(2017, 6, 12), starts="11:00", ends="10:00"))
    with pytest.raises(StructBlockValidationError) as raised:
        block.clean(value)
    assert "ends" in raised.value.block_errors


def test_a_pre_event_cannot_come_after_its_main_event(make_event):
    main = make_event(title="WSIS+10 High-Level Event")
    late = make_event(start_date=datetime.date(2017, 6, 20), end_date=datetime.date(2017, 6, 20))
    late.main_event = main
    assert "A pre-event must start before its main event" in errors_of(late)["main_event"][0]
    late.main_event = late
    assert errors_of(late)["main_event"] == ["An event cannot be a pre-event of itself."]


def test_times_are_stored_in_utc_from_the_venues_clock(make_event):
    geneva = make_event()  # 09:00 in Geneva in June is 07:00 UTC (summer time)
    assert geneva.starts_at == datetime.datetime(2017, 6, 12, 7, tzinfo=datetime.UTC)
    busan = make_event(
        time_zone="Asia/Seoul",
        city="Busan",
        country="KR",
        start_date=datetime.date(2017, 9, 25),
        end_date=datetime.date(2017, 9, 28),
    )
    assert busan.starts_at == datetime.datetime(2017, 9, 25, 0, tzinfo=datetime.UTC)
    assert busan.ends_at == datetime.datetime(2017, 9, 28, 9, tzinfo=datetime.UTC)
    winter = make_event(start_date=datetime.date(2014, 1, 20), end_date=datetime.date(2014, 1, 20))
    assert winter.starts_at.hour == 8  # UTC+1 in winter


# Status and what visitors see -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "end", "status"),
    [(3, 5, EventStatus.UPCOMING), (-1, 1, EventStatus.HAPPENING_NOW), (-5, -3, EventStatus.PAST)],
)
def test_status_comes_from_the_clock(make_event, start, end, status):
    event = make_event(all_day=True, start_date=days_from_now(start), end_date=days_from_now(end))
    assert event.status == status


def test_event_page_shows_dates_place_programme_and_calendar_links(client, make_event):
    event = make_event(
        title="WSIS Forum 2017",
        room="Room A",
        remote_participation=True,
        remote_participation_url="https://www.itu.int/remote",
        programme=programme(
            ("High-Level Track", [session(datetime.date(2017, 6, 13), "Opening segment")])
        ),
    )
    html = client.get(event.url).content.decode()
    assert "12 June 2017" in html and "16 June 2017" in html
    assert '<time datetime="09:00">09:00</time>–<time datetime="18:00">18:00</time>' in html
    assert "Geneva time (CEST, UTC+2)" in html
    assert "ITU Headquarters, Room A" in html and "Geneva, Switzerland" in html
    assert "Opening segment" in html and "<h3>High-Level Track</h3>" in html
    assert f'href="{event.url}calendar/"' in html
    assert "calendar.google.com/calendar/render?action=TEMPLATE" in html
    assert "dates=20170612T070000Z%2F20170616T160000Z" in html
    assert 'href="https://www.itu.int/remote"' in html


def test_json_ld_describes_the_event_for_search_engines(client, make_event):
    event = make_event(remote_participation=True)
    html = client.get(event.url).content.decode()
    data = json.loads(
        re.search(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', html, re.S).group(1)
    )
    assert data["@type"] == "Event"
    assert data["startDate"] == "2017-06-12T09:00:00+02:00"
    assert data["endDate"] == "2017-06-16T18:00:00+02:00"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert data["location"][0]["address"]["addressLocality"] == "Geneva"
    assert data["location"][1]["@type"] == "VirtualLocation"


def test_key_dates_count_down_while_in_the_future(client, make_event):
    event = make_event(
        all_day=True,
        start_date=days_from_now(30),
        end_date=days_from_now(32),
        key_dates=[
            {
                "type": "key_date",
                "value": {
                    "kind": "registration_closes",
                    "label": "",
                    "date": days_from_now(10).isoformat(),
                    "time": None,
                },
            },
            {
                "type": "key_date",
                "value": {
                    "kind": "other",
                    "label": "Call opened",
                    "date": days_from_now(-10).isoformat(),
                    "time": None,
                },
            },
        ],
        registration_url="https://www.itu.int/register",
    )
    html = client.get(event.url).content.decode()
    assert "Registration closes" in html
    assert re.search(r"\((10|11) days left\)", html)
    assert html.count("days left") == 1  # the past key date has no countdown
    assert 'class="button" href="https://www.itu.int/register"' in html


def test_registration_call_to_action_hides_once_registration_has_closed(client, make_event):
    event = make_event(
        all_day=True,
        start_date=days_from_now(30),
        end_date=days_from_now(32),
        key_dates=[
            {
                "type": "key_date",
                "value": {
                    "kind": "registration_closes",
                    "label": "",
                    "date": days_from_now(-1).isoformat(),
                    "time": None,
                },
            }
        ],
        registration_url="https://www.itu.int/register",
    )
    assert "https://www.itu.int/register" not in client.get(event.url).content.decode()


def test_registration_links_to_the_registration_page_in_the_readers_language(
    client, make_event, english_home
):
    from tests.factories import StandardPageFactory

    registration = StandardPageFactory(parent=english_home, title="Register", slug="register")
    event = make_event(
        all_day=True,
        start_date=days_from_now(30),
        end_date=days_from_now(30),
        registration_page=registration,
    )
    assert 'class="button" href="/en/register/"' in client.get(event.url).content.decode()


def test_main_event_lists_its_pre_events_and_each_links_back(client, make_event):
    main = make_event(
        title="WSIS+10 High-Level Event",
        start_date=datetime.date(2014, 6, 10),
        end_date=datetime.date(2014, 6, 13),
    )
    make_event(
        title="WSIS+10 pre-events",
        start_date=datetime.date(2014, 6, 9),
        end_date=datetime.date(2014, 6, 9),
        main_event=main,
    )
    html = client.get(main.url).content.decode()
    assert "Pre-events" in html and "WSIS+10 pre-events" in html
    pre = EventPage.objects.get(title="WSIS+10 pre-events")
    assert (
        f'<a href="{main.url}">WSIS+10 High-Level Event</a>' in client.get(pre.url).content.decode()
    )


def test_event_page_query_count_does_not_grow_with_its_sessions(client, make_event):
    def queries_for(count):
        days = [datetime.date(2017, 6, 12) + datetime.timedelta(days=i % 5) for i in range(count)]
        event = make_event(
            programme=programme(
                ("Forum Track", [session(day, f"S{i}") for i, day in enumerate(days)])
            )
        )
        client.get(event.url)
        with CaptureQueriesContext(connection) as queries:
            html = client.get(event.url).content.decode()
        assert html.count("<tr>") == count + 1
        return len(queries)

    assert queries_for(3) == queries_for(60)


# Languages ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("fr", "12 juin 2017"),
        ("es", "12 de junio de 2017"),
        ("ru", "12 июня 2017"),
        ("ar", "يونيو"),
        ("zh-hans", "2017年6月12日"),
    ],
)
def test_dates_are_written_the_way_each_language_writes_them(
    client, english_home, calendar_index, make_event, code, expected
):
    event = make_event(title="WSIS Forum 2017", slug="wsis-forum-2017")
    translate(english_home, code, slug=f"home-{code}")
    translate(calendar_index, code, slug="events")
    translated = translate(event, code, slug="wsis-forum-2017", title=f"WSIS Forum 2017 ({code})")
    html = client.get(translated.url).content.decode()
    assert expected in html
    assert translated.starts_at == event.starts_at  # dates are synchronised, not translated
