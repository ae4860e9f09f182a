"""Answers as people read them: the e-mail to the call's staff address and the review screen give
each field's label and each value as the form offered it (Switzerland, Government, Yes), in the
reader's language; a registrant's confirmation says when and where the event is and how to
cancel."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse

from calls.models import CallSubmission
from tests.calls.conftest import valid_data
from tests.conftest import translate
from tests.factories import (
    CallPageFactory,
    EventIndexPageFactory,
    EventPageFactory,
    add_form_fields,
)

pytestmark = pytest.mark.django_db
LATER = datetime.date.today() + datetime.timedelta(days=20)


@pytest.fixture
def notified_call(open_call):
    open_call.to_address = "secretariat@itu.int"
    open_call.save_revision().publish()
    open_call.refresh_from_db()
    add_form_fields(open_call, ("Attending in person", "checkbox", False))
    return open_call


def staff_email():
    return next(m for m in mail.outbox if m.to == ["secretariat@itu.int"])


def test_the_staff_email_gives_labels_not_codes(client, notified_call):
    response = client.post(notified_call.url, valid_data(attending_in_person="on"))
    assert response.status_code == 200
    body = staff_email().body
    assert "Country: Switzerland" in body
    assert "Stakeholder type: Academia" in body
    assert "Consent: Yes" in body
    assert "Attending in person: Yes" in body
    assert "Name: Ada Lovelace" in body
    for raw in (": CH", ": academia", ": True", ": False", "e_mail:", "stakeholder_type"):
        assert raw not in body


def test_the_staff_email_is_in_the_language_of_the_page(
    client, english_home, calls_index, notified_call
):
    translate(english_home, "fr", slug="accueil")
    translate(calls_index, "fr", slug="appels")
    french = translate(notified_call, "fr", slug="plan-strategique")
    client.post(french.url, valid_data(stakeholder_type="government", attending_in_person=""))
    body = staff_email().body
    assert ": Suisse" in body and ": Gouvernement" in body and ": Oui" in body and ": Non" in body


def test_the_review_screen_gives_labels_not_keys(client, admin_client, open_call):
    client.post(open_call.url, valid_data())
    submission = CallSubmission.objects.get()
    html = admin_client.get(reverse("calls_review_submission", args=[submission.pk])).content
    html = html.decode()
    assert "<dt>Name</dt><dd>Ada Lovelace</dd>" in html
    assert "<dt>Country</dt><dd>Switzerland</dd>" in html
    assert "<dt>Stakeholder type</dt><dd>Academia</dd>" in html
    assert "<dt>Consent</dt><dd>Yes</dd>" in html
    assert "<dt>name</dt>" not in html and "<dt>e_mail</dt>" not in html


@pytest.fixture
def registration(english_home):
    event = EventPageFactory(
        parent=EventIndexPageFactory(parent=english_home),
        title="Final Brief on the WSIS Forum",
        slug="final-brief",
        start_date=datetime.date(2031, 3, 14),
        end_date=datetime.date(2031, 3, 14),
        all_day=False,
        start_time=datetime.time(14),
        end_time=datetime.time(15, 30),
        time_zone="Europe/Zurich",
        venue_name="ITU Headquarters",
        room="Popov Room",
        city="Geneva",
        country="CH",
    )
    page = CallPageFactory(
        parent=event, kind="registration", capacity=100, closes_on=LATER, slug="register"
    )
    return add_form_fields(page, ("E-mail", "email", True), ("Country", "country", True))


def test_a_registrants_confirmation_says_when_where_and_how_to_cancel(client, registration):
    assert client.post(registration.url, valid_data()).status_code == 200
    confirmation = next(m for m in mail.outbox if m.to == ["ada@example.org"])
    body = confirmation.body
    assert "Final Brief on the WSIS Forum" in body
    assert "14 March 2031, 14:00–15:30 (Geneva time (CET, UTC+1))" in body
    assert "ITU Headquarters, Popov Room, Place des Nations, 1211 Geneva, Switzerland" in body
    assert "/en/registrations/cancel/" in body


def test_a_registrants_confirmation_in_french(client, english_home, registration):
    event = registration.get_parent()
    translate(english_home, "fr", slug="accueil")
    translate(event.get_parent(), "fr", slug="evenements")
    translate(event, "fr", slug="reunion-finale")
    french = translate(registration, "fr", slug="inscription")
    assert client.post(french.url, valid_data()).status_code == 200
    body = next(m for m in mail.outbox if m.to == ["ada@example.org"]).body
    assert "14 mars 2031" in body and "/fr/registrations/cancel/" in body
    # The country in the reader's language (the city as the editor wrote it).
    assert "1211 Geneva, Suisse" in body
