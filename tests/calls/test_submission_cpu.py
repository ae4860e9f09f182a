"""What a form page and a submission no longer redo each time (bench/submission_cpu.py measures
the CPU): the privacy notice looked up once per language until a purge, the fixed choices
(countries, stakeholder types) shared instead of copied by each form, and a registration's
calendar file made once per event version."""

import copy
import datetime

import icalendar
import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from calls.forms import STAKEHOLDER_CHOICES
from events import calendar
from public_forms.widgets import country_choices
from tests.calls.conftest import valid_data
from tests.conftest import translate
from tests.factories import (
    CallPageFactory,
    EventIndexPageFactory,
    EventPageFactory,
    StandardPageFactory,
    add_form_fields,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def registration(english_home):
    later = datetime.date.today() + datetime.timedelta(days=20)
    event = EventPageFactory(
        parent=EventIndexPageFactory(parent=english_home),
        title="Final Briefing",
        slug="final-briefing",
        start_date=later + datetime.timedelta(days=5),
        end_date=later + datetime.timedelta(days=5),
    )
    page = CallPageFactory(
        parent=event, kind="registration", unique_per="email", closes_on=later, slug="register"
    )
    return add_form_fields(page, ("E-mail", "email", True))


@pytest.fixture
def fragments_on(settings):
    settings.PAGE_FRAGMENTS = True


def consent_part(html):
    return html.split('name="consent"')[1].split("</div>")[0]


def test_the_privacy_notice_is_looked_up_once_until_a_purge(
    client, english_home, open_call, fragments_on, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        StandardPageFactory(parent=english_home, title="Privacy notice", slug="privacy")
    first = client.get(open_call.url).content.decode()
    assert 'href="/en/privacy/">Read the privacy notice</a>' in consent_part(first)
    with CaptureQueriesContext(connection) as queries:
        again = client.get(open_call.url).content.decode()
    assert consent_part(again) == consent_part(first)
    assert not [q for q in queries if "'privacy'" in q["sql"] or '"privacy"' in q["sql"]]

    # A notice of the call's own, published: shown at once.
    with django_capture_on_commit_callbacks(execute=True):
        own = StandardPageFactory(parent=english_home, title="Call notice", slug="call-notice")
        open_call.privacy_page = own
        open_call.save_revision().publish()
    assert 'href="/en/call-notice/">' in consent_part(client.get(open_call.url).content.decode())


def test_a_translated_notice_shows_in_its_language_once_published(
    client, english_home, open_call, fragments_on, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        notice = StandardPageFactory(parent=english_home, title="Privacy notice", slug="privacy")
        translate(english_home, "fr", slug="accueil")
        french_call = translate(open_call.get_parent(), "fr", slug="appels")
        french_call = translate(open_call, "fr", slug="plan-strategique")
    assert 'hreflang="en"' in consent_part(client.get(french_call.url).content.decode())
    with django_capture_on_commit_callbacks(execute=True):
        translate(notice, "fr", slug="confidentialite")
    consent = consent_part(client.get(french_call.url).content.decode())
    assert 'href="/fr/confidentialite/"' in consent and 'hreflang="en"' not in consent


def test_fixed_choices_are_shared_by_each_forms_copy(open_call):
    form_class = open_call.get_form_class()
    form = form_class()
    for name, fixed in (("country", country_choices()), ("stakeholder_type", STAKEHOLDER_CHOICES)):
        field = form.fields[name]
        assert field.choices is fixed and field.widget.choices is fixed
        assert copy.deepcopy(field).choices is fixed
    bound = form_class(data=valid_data())["stakeholder_type"]
    assert '<option value="academia" selected>' in str(bound)


def test_a_registrations_calendar_file_is_made_once_per_event_version(
    client, registration, monkeypatch, django_capture_on_commit_callbacks
):
    event = registration.get_parent().specific
    with django_capture_on_commit_callbacks(execute=True):
        event.save_revision().publish()
    made = []
    make = calendar.event_calendar
    monkeypatch.setattr(calendar, "event_calendar", lambda *a, **k: made.append(1) or make(*a, **k))
    for address in ("ada@example.org", "grace@example.org"):
        assert client.post(registration.url, valid_data(e_mail=address)).status_code == 200
    files = [m.attachments[0][1] for m in mail.outbox if m.attachments]
    assert len(files) == 2 and files[0] == files[1] and len(made) == 1

    event.title = "Final Briefing, renamed"
    with django_capture_on_commit_callbacks(execute=True):
        event.save_revision().publish()
    assert client.post(registration.url, valid_data(e_mail="joan@example.org")).status_code == 200
    (renamed,) = icalendar.Calendar.from_ical(mail.outbox[-1].attachments[0][1]).walk("VEVENT")
    assert str(renamed["summary"]) == "Final Briefing, renamed" and len(made) == 2
