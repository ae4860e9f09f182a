"""Rules the newsletters state, enforced by the forms: the hackathon team, one speaking-slot
request per organisation, one registration per e-mail, calendars for registrants."""

import datetime
import re

import icalendar
import pytest
from django.core import mail

from calls.models import CallSubmission
from tests.calls.conftest import guards, valid_data
from tests.factories import (
    CallPageFactory,
    EventIndexPageFactory,
    EventPageFactory,
    add_form_fields,
)

pytestmark = pytest.mark.django_db
LATER = datetime.date.today() + datetime.timedelta(days=20)


@pytest.fixture
def hackathon(calls_index):
    page = CallPageFactory(
        parent=calls_index, title="Hack for Health", kind="registration", closes_on=LATER
    )
    return add_form_fields(page, ("E-mail", "email", True), ("Team", "team", True))


def team(*members):
    data = {}
    for index, (name, age, gender) in enumerate(members):
        data[f"team_{index * 3}"] = name
        data[f"team_{index * 3 + 1}"] = str(age)
        data[f"team_{index * 3 + 2}"] = gender
    return data


def post_team(client, page, *members):
    data = {
        "e_mail": "team@example.org",
        **team(*members),
        "website_url": "",
        **guards(),
    }
    return client.post(page.url, data)


def test_a_balanced_team_of_three_to_seven_aged_18_to_35_registers(client, hackathon):
    response = post_team(
        client, hackathon, ("Amina", 22, "woman"), ("Bo", 30, "man"), ("Chen", 18, "other")
    )
    assert response.status_code == 200
    members = CallSubmission.objects.get().form_data["team"]
    assert [m["name"] for m in members] == ["Amina", "Bo", "Chen"]


@pytest.mark.parametrize(
    ("members", "message"),
    [
        ([("Amina", 22, "woman"), ("Bo", 30, "man")], "A team has 3 to 7 members; this one has 2."),
        (
            [
                ("A", 22, "woman"),
                ("B", 23, "man"),
                ("C", 24, "man"),
                ("D", 25, "man"),
                ("E", 26, "man"),
                ("F", 27, "man"),
                ("G", 28, "man"),
                ("H", 29, "man"),
            ],
            "",
        ),
        (
            [("Amina", 17, "woman"), ("Bo", 30, "man"), ("Chen", 25, "man")],
            "Member 1 is 17: members must be 18 to 35.",
        ),
        (
            [("Amina", 22, "woman"), ("Bo", 36, "man"), ("Chen", 25, "man")],
            "Member 2 is 36: members must be 18 to 35.",
        ),
        (
            [("Amina", 22, "woman"), ("Beth", 30, "woman"), ("Chen", 25, "other")],
            "A team needs at least one woman and one man.",
        ),
        (
            [("Amina", 22, "woman"), ("", 30, "man"), ("Chen", 25, "man")],
            "Member 2: give a name, an age and an answer on gender.",
        ),
    ],
)
def test_team_rules_are_enforced_on_the_server(client, hackathon, members, message):
    response = post_team(client, hackathon, *members[:7])
    if len(members) > 7:  # the form has room for seven: an eighth cannot even be sent
        assert 'name="team_21"' not in client.get(hackathon.url).content.decode()
        return
    assert response.status_code == 400
    assert message in response.content.decode()
    assert CallSubmission.objects.count() == 0


@pytest.fixture
def speaking_slots(calls_index):
    page = CallPageFactory(
        parent=calls_index, kind="speaking_slots", unique_per="organisation", closes_on=LATER
    )
    return add_form_fields(page, ("E-mail", "email", True), ("Organisation", "singleline", True))


def test_one_speaking_slot_request_per_organisation(client, speaking_slots):
    first = {**valid_data(), "e_mail": "minister@gov.example", "organisation": "Ministry of ICT"}
    assert client.post(speaking_slots.url, first).status_code == 200
    again = {**valid_data(), "e_mail": "deputy@gov.example", "organisation": "  ministry of ICT "}
    response = client.post(speaking_slots.url, again)
    assert response.status_code == 409
    assert (
        "Your organisation has already sent a submission to this call." in response.content.decode()
    )
    assert CallSubmission.objects.count() == 1
    other = {**valid_data(), "e_mail": "ceo@company.example", "organisation": "Intel Corporation"}
    assert client.post(speaking_slots.url, other).status_code == 200


@pytest.fixture
def registration(english_home):
    event = EventPageFactory(
        parent=EventIndexPageFactory(parent=english_home),
        title="Final Briefing",
        slug="final-briefing",
        start_date=LATER + datetime.timedelta(days=5),
        end_date=LATER + datetime.timedelta(days=5),
    )
    page = CallPageFactory(
        parent=event,
        kind="registration",
        unique_per="email",
        capacity=100,
        closes_on=LATER,
        slug="register",
    )
    return add_form_fields(page, ("E-mail", "email", True))


def test_registration_is_once_per_e_mail_and_sends_the_events_calendar(client, registration):
    assert (
        client.post(registration.url, {**valid_data(), "e_mail": "ada@example.org"}).status_code
        == 200
    )
    confirmation = next(m for m in mail.outbox if m.to == ["ada@example.org"])
    (name, content, mimetype) = confirmation.attachments[0]
    assert name == "final-briefing.ics" and mimetype == "text/calendar"
    (event,) = icalendar.Calendar.from_ical(content).walk("VEVENT")
    assert str(event["summary"]) == "Final Briefing"

    response = client.post(registration.url, {**valid_data(), "e_mail": "ADA@example.org"})
    assert response.status_code == 409
    assert "already been received" in response.content.decode()
    assert CallSubmission.objects.count() == 1
    assert registration.seats_taken == 1  # the refused one gave its seat back


def test_the_team_is_a_fieldset_with_a_legend_not_a_label_for_nothing(client, hackathon):
    # The W3C checker's one error on the site (issue 20, item 6): <label for="">Team</label>.
    html = client.get(hackathon.url).content.decode()
    assert 'for=""' not in html
    group = re.search(r'<fieldset class="form-group">\s*<legend>(.*?)</legend>', html, re.S)
    assert group and group.group(1).startswith("Team")
    # Each member's inputs keep their own labels.
    assert '<label for="id_team_0">' in html
