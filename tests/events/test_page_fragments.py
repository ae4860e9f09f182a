"""The calendar's listing and an event's page, kept as fragments (home.fragments) between
uncached renders: the same HTML as rendered afresh, and every change on the next request — an
event published, edited or translated, a pre-event added, a partner of the event's partnership
renamed, an event ending (it moves to the past events: its end bounds what is kept)."""

import datetime

import pytest
from django.utils import timezone

from tests.conftest import translate
from tests.events.conftest import days_from_now
from tests.factories import PartnerFactory, PartnershipPageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fragments_on")]


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    """Publishes a page (or saves a snippet) with its purge run, as after a commit."""

    def publish(obj):
        with django_capture_on_commit_callbacks(execute=True):
            if hasattr(obj, "save_revision"):
                obj.save_revision().publish()
            else:
                obj.save()
        return obj

    return publish


def html_of(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_kept_sections_are_the_html_rendered_afresh(client, calendar_index, make_event, settings):
    main = make_event(title="WSIS Forum", slug="forum")
    make_event(title="Pre-event", slug="pre", main_event=main)
    urls = [calendar_index.url, calendar_index.url + "?year=2017", main.url]
    kept = [html_of(client, url) for url in urls]
    assert [html_of(client, url) for url in urls] == kept
    settings.PAGE_FRAGMENTS = False
    assert [html_of(client, url) for url in urls] == kept


def test_an_event_published_edited_or_translated_shows_at_once(
    client, calendar_index, make_event, publish, django_capture_on_commit_callbacks
):
    forum = make_event(title="WSIS Forum", slug="forum")
    assert "WSIS Forum" in html_of(client, calendar_index.url)
    assert "WSIS Forum" in html_of(client, calendar_index.url + "?year=2017")
    publish(make_event(title="Final Briefing", slug="briefing"))
    assert "Final Briefing" in html_of(client, calendar_index.url)
    assert "Final Briefing" in html_of(client, calendar_index.url + "?year=2017")
    forum.title = "WSIS Forum 2017"
    publish(forum)
    assert "WSIS Forum 2017" in html_of(client, calendar_index.url)
    assert "WSIS Forum 2017" in html_of(client, forum.url)
    with django_capture_on_commit_callbacks(execute=True):
        translate(calendar_index.get_parent(), "fr", slug="accueil")
        french_calendar = translate(calendar_index, "fr", slug="evenements")
    assert "WSIS Forum 2017" in html_of(client, french_calendar.url)  # not translated yet
    with django_capture_on_commit_callbacks(execute=True):
        translate(forum, "fr", slug="forum", title="Forum du SMSI 2017")
    html = html_of(client, french_calendar.url)
    assert "Forum du SMSI 2017" in html and "WSIS Forum 2017" not in html


def test_a_pre_event_added_shows_on_its_main_event(client, make_event, publish, kept_as):
    main = make_event(title="WSIS Forum", slug="forum")
    assert "Pre-events" not in html_of(client, main.url)
    publish(make_event(title="Youth pre-event", slug="youth", main_event=main))
    assert "Youth pre-event" in html_of(client, main.url)


def test_a_pre_event_moved_to_another_main_event_leaves_the_first(
    client, make_event, publish, kept_as
):
    forum = make_event(title="WSIS Forum", slug="forum")
    summit = make_event(title="WSIS+10 High-Level Event", slug="summit")
    youth = make_event(title="Youth pre-event", slug="youth", main_event=forum)
    assert "Youth pre-event" in html_of(client, forum.url)
    assert "Youth pre-event" not in html_of(client, summit.url)
    youth.main_event = summit
    publish(youth)
    assert "Youth pre-event" not in html_of(client, forum.url)
    assert "Youth pre-event" in html_of(client, summit.url)


def test_a_partner_renamed_shows_on_the_event_of_its_partnership(
    client, make_event, publish, kept_as
):
    event = make_event(title="WSIS Forum", slug="forum")
    partner = PartnerFactory(name="Intel Corporation")
    tiers = [
        {
            "type": "tier",
            "value": {
                "name": "Gold",
                "benefits": "",
                "slots": 1,
                "partners": [{"type": "item", "value": partner.pk, "id": "i0"}],
                "enquiry_page": None,
            },
        }
    ]
    publish(PartnershipPageFactory(parent=event, tiers=tiers))
    assert 'alt="Intel Corporation"' in html_of(client, event.url)
    partner.name = partner.logo_alt_text = "Intel"
    publish(partner)
    html = html_of(client, event.url)
    assert 'alt="Intel Corporation"' not in html and 'alt="Intel"' in html


def test_an_event_ending_moves_to_the_past_events(client, calendar_index, make_event):
    # Ending tomorrow (at 18:00 in Geneva): one ending today is already past in the evening.
    make_event(title="WSIS Forum", start_date=days_from_now(-1), end_date=days_from_now(1))
    assert "Upcoming and current events" in html_of(client, calendar_index.url)
    later = timezone.now() + datetime.timedelta(days=3)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(timezone, "now", lambda: later)
        html = html_of(client, calendar_index.url)
    assert "Upcoming and current events" not in html and "Past events" in html
