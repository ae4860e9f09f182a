"""What every public form accepts: lengths, control characters, text-direction characters and
e-mail address sizes, refused next to the field, in the visitor's language, storing nothing."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from calls.models import CallSubmission
from media.models import PhotoEntry
from public_forms import validators
from tests.calls.conftest import valid_data
from tests.conftest import translate
from tests.factories import add_form_fields
from tests.media.conftest import entry_data, photo_bytes

pytestmark = pytest.mark.django_db

# 255 and 320 characters: more than RFC 5321 allows (254), not more than Django's own check.
EMAIL_255 = "a" * 64 + "@" + "b" * 63 + "." + "c" * 63 + "." + "d" * 58 + ".org"
EMAIL_320 = "a" * 64 + "@" + ("b" * 63 + ".") * 3 + "c" * 59 + ".org"
EMAIL_254 = "a" * 64 + "@" + "b" * 63 + "." + "c" * 63 + "." + "d" * 57 + ".org"
LONG_LOCAL_PART = "a" * 65 + "@example.org"


@pytest.fixture
def consultation(open_call):
    """The open call, with a long-text answer too."""
    return add_form_fields(open_call, ("Your input", "multiline", False))


def enter(client, contest, **data):
    upload = SimpleUploadedFile("photo.jpg", photo_bytes(), "image/jpeg")
    return client.post(f"{contest.url}enter/", {**entry_data(**data), "original": upload})


def refused_at(response, field):
    html = response.content.decode()
    assert response.status_code == 400, response.status_code
    assert f'id="id_{field}-error"' in html
    return html


def test_the_lengths_of_the_test_addresses():
    assert [len(a) for a in (EMAIL_254, EMAIL_255, EMAIL_320)] == [254, 255, 320]


@pytest.mark.parametrize("address", [EMAIL_255, EMAIL_320, LONG_LOCAL_PART])
def test_an_address_longer_than_smtp_allows_is_refused_by_a_call(client, open_call, address):
    html = refused_at(client.post(open_call.url, valid_data(e_mail=address)), "e_mail")
    assert "at most 254 characters" in html
    assert CallSubmission.objects.count() == 0


@pytest.mark.parametrize("address", [EMAIL_255, EMAIL_320, LONG_LOCAL_PART])
def test_an_address_longer_than_smtp_allows_is_refused_by_the_contest(client, contest, address):
    html = refused_at(enter(client, contest, email=address), "email")
    assert "at most 254 characters" in html
    assert PhotoEntry.objects.count() == 0


def test_an_address_of_254_characters_is_accepted(client, open_call):
    assert client.post(open_call.url, valid_data(e_mail=EMAIL_254)).status_code == 200
    assert CallSubmission.objects.get().email == EMAIL_254


@pytest.mark.parametrize("title", ["Hello\r\nBcc: victim@example.org", "Hello\nworld", "A\tB"])
def test_a_line_break_in_a_one_line_answer_is_refused(client, contest, title):
    html = refused_at(enter(client, contest, title=title), "title")
    assert "must fit on one line" in html
    assert PhotoEntry.objects.count() == 0


def test_a_line_break_in_a_calls_one_line_answer_is_refused(client, open_call):
    refused_at(client.post(open_call.url, valid_data(name="Ada\r\nLovelace")), "name")
    assert CallSubmission.objects.count() == 0


def test_line_breaks_and_tabs_are_kept_in_a_long_answer(client, contest):
    caption = "First line.\r\n\tSecond line."
    assert enter(client, contest, caption=caption).status_code == 200
    assert PhotoEntry.objects.get().caption == caption


@pytest.mark.parametrize("control", ["\x00", "\x07", "\x1b[31m", "\x7f", "\x85", "\x9b"])
def test_control_characters_are_refused_in_every_answer(client, contest, control):
    refused_at(enter(client, contest, caption=f"A caption{control}."), "caption")
    refused_at(enter(client, contest, photographer=f"Grace{control}Uwase"), "photographer")
    assert PhotoEntry.objects.count() == 0


@pytest.mark.parametrize("override", ["\u202e", "\u202d", "\u202a", "\u2066", "\u2069"])
def test_text_direction_controls_are_refused_in_one_line_answers(client, contest, override):
    html = refused_at(enter(client, contest, title=f"photo{override}gpj.exe"), "title")
    assert "text-direction" in html
    assert PhotoEntry.objects.count() == 0


def test_text_direction_controls_are_kept_in_a_long_answer(client, contest):
    # Mixed Arabic and Latin text may need them to read in the right order.
    caption = "الصورة \u2067WSIS 2025\u2069 في جنيف"
    assert enter(client, contest, caption=caption).status_code == 200
    assert PhotoEntry.objects.get().caption == caption


def test_right_to_left_marks_are_kept_in_one_line_answers(client, contest):
    title = "مؤتمر\u200f القمة"
    assert enter(client, contest, title=title).status_code == 200
    assert PhotoEntry.objects.get().title == title


def test_a_long_answer_has_a_limit(client, consultation):
    limit = validators.MULTI_LINE_MAX_LENGTH
    too_long = valid_data(your_input="x" * (limit + 1))
    html = refused_at(client.post(consultation.url, too_long), "your_input")
    assert f"at most {limit} characters" in html
    assert f'maxlength="{limit}"' in html
    assert CallSubmission.objects.count() == 0
    response = client.post(consultation.url, valid_data(your_input="x" * limit))
    assert response.status_code == 200


def test_a_caption_has_a_limit(client, contest):
    limit = validators.MULTI_LINE_MAX_LENGTH
    refused_at(enter(client, contest, caption="x" * (limit + 1)), "caption")
    assert PhotoEntry.objects.count() == 0


def test_a_number_has_a_limit(client, open_call):
    add_form_fields(open_call, ("Budget", "number", False))
    refused_at(client.post(open_call.url, valid_data(budget="9" * 300)), "budget")
    assert CallSubmission.objects.count() == 0


def test_a_team_members_name_follows_the_one_line_rules(client, calls_index, open_call):
    add_form_fields(open_call, ("Team", "team", False))
    members = {"team_0": "Amina\r\nBcc: x@example.org", "team_1": "22", "team_2": "woman"}
    html = refused_at(client.post(open_call.url, valid_data(**members)), "team")
    assert "must fit on one line" in html
    assert CallSubmission.objects.count() == 0


def test_the_refusals_are_in_the_visitors_language(client, english_home, contest):
    translate(english_home, "fr", slug="accueil")
    french = translate(contest, "fr", slug="concours-photo")
    upload = SimpleUploadedFile("photo.jpg", photo_bytes(), "image/jpeg")
    data = entry_data(title="Bonjour\r\nBcc: x@example.org", email=EMAIL_255, caption="a\x07b")
    response = client.post(f"{french.url}enter/", {**data, "original": upload})
    html = response.content.decode()
    assert response.status_code == 400
    assert "tenir sur une seule ligne" in html
    assert "254 caractères" in html
    assert "caractères de contrôle" in html
    assert PhotoEntry.objects.count() == 0
